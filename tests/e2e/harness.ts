// E2E harness: serves the production build on a free port and drives Debian's Chromium with playwright-core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { serveStatic } from '../../src/cli/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/cli/chromium.ts';
import type { GateControl, GateName } from '../../src/lib/test-gates.ts';

export { CHROMIUM, CHROMIUM_ARGS };

export const SHOTS = 'test-results/screenshots';

export interface Session {
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  /** Console errors and page errors seen so far. */
  errors: string[];
  newPage(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Serves the built app and a fresh headless Chromium with its own profile. */
export async function startSession(): Promise<Session> {
  // KG_E2E_DIST lets a second build (e.g. one with hostile data) be served instead of dist/.
  const { url: baseUrl, server } = await serveStatic(process.env.KG_E2E_DIST ?? 'dist', {
    '/datasets/': '../shared/datasets',
    '/fixtures/': 'tests/fixtures',
  });
  // playwright-core gives every launch a fresh temporary profile (its own --user-data-dir).
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  // Actions and waits end on their condition; the ceiling only bounds a hang (a busy machine is slow, not broken).
  context.setDefaultTimeout(60_000);
  // Any Content-Security-Policy violation becomes a console error, which every scenario asserts against.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    // Any dialog opened from data would be a script-injection symptom.
    window.alert =
      window.confirm =
      window.prompt =
        () => {
          console.error('dialog opened');
          return null as never;
        };
  });
  const errors: string[] = [];
  mkdirSync(SHOTS, { recursive: true });
  return {
    baseUrl,
    browser,
    context,
    errors,
    async newPage(hash = '') {
      const page = await context.newPage();
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e: Error) => errors.push(e.message));
      await page.goto(`${baseUrl}${hash}`);
      await waitForGraph(page);
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Waits until Cytoscape has drawn the graph (elements in the instance and a non-empty canvas). */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const kg = (window as unknown as { __kg?: { cy: { nodes(): { length: number } } } }).__kg;
    return kg !== undefined && kg.cy.nodes().length > 0;
  });
}

/**
 * Waits until the picture has stopped moving: no element or viewport animation, no chunk still to draw, and the bulk
 * layer (large graphs) showing a drawing for the current camera; then two frames so the canvas shows it. A worker
 * layout may still be refining (tests that hold its result take screenshots of the draft).
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    type Animatable = { animated(): boolean };
    const kg = (window as unknown as { __kg?: { cy: Animatable & { nodes(): ArrayLike<Animatable> } } }).__kg;
    if (!kg || kg.cy.animated() || Array.prototype.some.call(kg.cy.nodes(), (n: Animatable) => n.animated())) return false;
    if (document.querySelector('[data-testid="drawing"]')) return false;
    const layer = document.querySelector<HTMLCanvasElement>('canvas[data-id="bulk-layer"]');
    return !layer || (layer.dataset['drawing'] === undefined && layer.style.transform === '');
  });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * A double click at page coordinates, as the user made it: two clicks 80 ms apart by their input timestamps, however
 * long the page takes to handle the first (Playwright's dblclick waits for each event's handling before the next).
 */
export async function doubleClick(page: Page, x: number, y: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const at = (seconds: number) => ({ x, y, button: 'left' as const, timestamp: start + seconds });
  for (const [offset, clickCount] of [
    [0, 1],
    [0.08, 2],
  ] as const) {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mousePressed', clickCount, ...at(offset) });
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseReleased', clickCount, ...at(offset + 0.01) });
  }
  await cdp.detach();
}

/** The e2e build's test gates (src/lib/test-gates.ts): hold long work at a named point, see it wait, release it. */
export const gates = {
  hold: (page: Page, name: GateName): Promise<void> => page.evaluate((n) => window.__kgGates!.hold(n), name),
  release: (page: Page, name: GateName): Promise<void> => page.evaluate((n) => window.__kgGates!.release(n), name),
  /** Resolves once `count` pieces of work wait at the gate. */
  waiting: (page: Page, name: GateName, count = 1): Promise<unknown> =>
    page.waitForFunction(([n, c]) => window.__kgGates!.waiting(n) === c, [name, count] as const),
};

declare global {
  interface Window {
    __kgGates?: GateControl;
  }
}

/** Reads from the test handle on the page (cy and explorer), exposed only in test builds. */
export async function evalKg<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const { cy, explorer } = window.__kg; return ${fn}; })()`) as Promise<T>;
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
