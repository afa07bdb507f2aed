// Pages for the browser benches: the builds they load, a fresh context per run with a probe installed before any
// page script (long tasks, and a painted-canvas fallback for the drawn mark), and navigation → drawn.
import type { Browser, Page } from 'playwright-core';

/** The builds the browser benches load; e2e and baseline are optional (their rows are skipped without them). */
export interface BrowserTargets {
  /** Production build of the app (default mode). */
  app: string;
  /** `vite build --mode e2e` copy, which exposes `window.__kg` for mouse interactions. */
  e2e?: string | undefined;
  /** The plain-Cytoscape baseline page (bench/baseline). */
  baseline?: string | undefined;
  /** Whether the app build marks `kg:drawn` itself; if not, "drawn" is the first non-empty canvas, for app and baseline alike. */
  appMarksDrawn: boolean;
}

export interface BrowserBenchOptions {
  quick: boolean;
}

export const VIEWPORT = { width: 1280, height: 800 };
const MARK = 'kg:drawn';
const CANVAS_MARK = 'kg:drawn:canvas';

/** How "drawn" is detected for these builds: the app's own mark, or the first painted canvas (for both pages). */
export function drawnDetection(targets: BrowserTargets): { pollCanvas: boolean; mark: string; how: string } {
  return targets.appMarksDrawn
    ? { pollCanvas: false, mark: MARK, how: `performance mark ${MARK}` }
    : { pollCanvas: true, mark: CANVAS_MARK, how: 'first non-empty canvas (the app has no kg:drawn mark)' };
}

interface Probe {
  longTasks: number[];
}

/**
 * Installed before any page script: buffers long tasks, and (when asked) marks the first frame in which a canvas
 * inside `[data-testid="graph-canvas"]` has any painted pixel — the fallback for builds without the `kg:drawn` mark.
 */
function installProbe(pollCanvas: boolean): void {
  const probe: Probe = { longTasks: [] };
  (window as unknown as { __bench: Probe }).__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  if (!pollCanvas) return;
  const painted = (canvas: HTMLCanvasElement): boolean => {
    if (canvas.width === 0 || canvas.height === 0) return false;
    const context = canvas.getContext('2d');
    if (!context) return false;
    const pixels = new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    return pixels.some((p) => p !== 0);
  };
  const poll = (): void => {
    const canvases = document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph-canvas"] canvas');
    if ([...canvases].some(painted)) performance.mark('kg:drawn:canvas');
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** The longest task (ms; 0 when none reached 50 ms) since the last reset; `reset` starts a new window. */
export async function longestTask(page: Page, reset = false): Promise<number> {
  return page.evaluate((clear) => {
    const probe = (window as unknown as { __bench: Probe }).__bench;
    const longest = Math.max(0, ...probe.longTasks);
    if (clear) probe.longTasks.length = 0;
    return longest;
  }, reset);
}

/** A fresh context (empty cache; the server also sends no-store) and page with the probe installed. */
export async function freshPage(browser: Browser, pollCanvas: boolean): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx (esbuild, keepNames) wraps named inner functions in a `__name` helper that does not exist in the page.
  await context.addInitScript({ content: `globalThis.__name ??= (f) => f; (${installProbe.toString()})(${JSON.stringify(pollCanvas)});` });
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

/** Loads `url` and waits for the drawn mark; returns ms from navigation start, and the longest task until the network is idle. */
export async function drawnAfterNavigation(page: Page, url: string, mark: string): Promise<{ drawn: number; longest: number }> {
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { polling: 100, timeout: 30_000 });
  const drawn = await page.evaluate((name) => performance.getEntriesByName(name)[0]!.startTime, mark);
  await page.waitForLoadState('networkidle');
  return { drawn, longest: await longestTask(page) };
}
