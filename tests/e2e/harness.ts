// E2E harness: serves the production build on a free port and drives Debian's Chromium with playwright-core.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { serveStatic } from '../../src/cli/static-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/cli/chromium.ts';

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

/** Reads from the test handle on the page (cy and explorer), exposed only in test builds. */
export async function evalKg<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const { cy, explorer } = window.__kg; return ${fn}; })()`) as Promise<T>;
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
