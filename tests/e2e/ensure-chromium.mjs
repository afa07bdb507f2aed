// Makes sure Debian's Chromium is there for the end-to-end tests: installs it as root, or says exactly how.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `e2e: ${CHROMIUM} is missing. Install Debian's Chromium, then run the tests again:\n  sudo apt-get update && sudo apt-get install -y chromium`,
    );
    process.exit(1);
  }
  console.log('e2e: installing Debian chromium with apt-get (once per machine)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: apt-get finished but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}
console.log(`e2e: using ${CHROMIUM}`);
