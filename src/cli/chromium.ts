// Headless Debian Chromium for the CLI's image export and the e2e tests: one place for its path and flags.
import { existsSync } from 'node:fs';
import { KgError } from '../lib/graph/errors.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that work headless as root on these machines (no sandbox, no GPU, no background network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Fails with the command to run when Chromium is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new KgError({
      code: 'CHROMIUM_MISSING',
      severity: 'error',
      message: `image export needs Debian's Chromium at ${CHROMIUM}`,
      hint: 'sudo apt-get update && sudo apt-get install -y chromium (or set CHROMIUM_PATH)',
    });
  }
}
