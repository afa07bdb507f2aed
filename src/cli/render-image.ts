// Pictures for `kg export`: the built app's render page in headless Chromium draws the graph with the app's own code.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderRequest } from '../render.ts';
import { KgError } from '../lib/graph/errors.ts';
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from './chromium.ts';
import { serveStatic } from './static-server.ts';
import { err } from './terminal.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');

/** Builds the app once if `dist/render.html` is missing, so the CLI works right after `npm install`. */
function ensureBuilt(): void {
  if (existsSync(join(DIST, 'render.html'))) return;
  err('kg export: building the app once for image export…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit', cwd: ROOT });
  if (result.status !== 0)
    throw new KgError({ code: 'EXPORT_BUILD_FAILED', severity: 'error', message: 'vite build failed; run `npm run build` to see why' });
}

/**
 * What the render page reported drawing for the last picture (labels' corners, legend swatches), or undefined. Only an
 * e2e build (`vite build --mode e2e`) reports, so tests can measure a `kg export` PNG as they measure the app's.
 */
export let lastRenderReport: unknown;

/** Renders a picture and returns its bytes. */
export async function renderImage(request: RenderRequest): Promise<Uint8Array> {
  requireChromium();
  ensureBuilt();
  const { chromium } = await import('playwright-core');
  const { url, server } = await serveStatic(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${url}render.html`);
    await page.waitForFunction(() => 'kgRender' in window);
    const base64 = await page.evaluate(
      (req) => (window as unknown as { kgRender(r: typeof req): Promise<string> }).kgRender(req),
      request as unknown as Record<string, unknown>,
    );
    lastRenderReport = await page.evaluate(() => (window as unknown as { __kgExportReport?: unknown }).__kgExportReport);
    return new Uint8Array(Buffer.from(base64, 'base64'));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const located = /EXPORT_[A-Z_]+.*$/m.exec(message)?.[0];
    throw new KgError({ code: 'EXPORT_RENDER_FAILED', severity: 'error', message: located ?? message.split('\n')[0]! });
  } finally {
    await browser.close();
    server.close();
  }
}
