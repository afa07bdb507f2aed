// The browser import scenario: a file given to the import control → the new graph drawn, long tasks while it is parsed,
// drawn and laid out, the JS heap it leaves, and whether pan and zoom keep up on the 10,000-entity graph.
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../src/cli/static-server.ts';
import {
  type BrowserBenchOptions,
  type BrowserTargets,
  drawnAfterNavigation,
  drawnDetection,
  freshPage,
  longestTask,
} from './browser-page.ts';
import type { Budget, ResultRow } from './stats.ts';
import { measuredRow, summarize, unmeasuredRow, upperMedian } from './stats.ts';

/** The mark src/lib/view/cy.ts sets at the first frame drawn after `setElements` (a new graph). */
const REPLACED_MARK = 'kg:graph-replaced';
/** The mark it sets when a large graph, drawn chunk by chunk, is completely on the canvas. */
const COMPLETE_MARK = 'kg:graph-complete';
/** How long after the whole graph is drawn long tasks are still collected: the rest of the import's work (panels, search index). */
const SETTLE_MS = 3000;
/** After the worker layout's indicator goes away, the preset animation to its positions (500 ms) still runs. */
const LAYOUT_TAIL_MS = 700;
/** Pan and zoom: long tasks are collected for this long after the gesture. */
const GESTURE_WINDOW_MS = 1000;
const TIMEOUT_MS = 90_000;

/** Budgets from the import issue, by file: first interactive view, and the longest main-thread task while importing. */
const BUDGETS: Record<string, { firstView: Budget; longestTask?: Budget }> = {
  'euroSIS.json': { firstView: { limit: 2000, strict: true }, longestTask: { limit: 200, strict: false } },
  'arctic.gexf': { firstView: { limit: 2000, strict: true }, longestTask: { limit: 200, strict: false } },
  'large-graph.json': { firstView: { limit: 6000, strict: true } },
};

/** What one import in the browser measured. Times are ms from the moment before the file was given to the control. */
export interface ImportMeasurement {
  /** → the first frame of the new graph (`kg:graph-replaced`). */
  firstView: number;
  /** → every element on the canvas (`kg:graph-complete` for a graph drawn in chunks; else the first view). */
  complete: number;
  /** Longest main-thread task from the file chosen until SETTLE_MS after the whole graph is drawn (and the worker layout's end). */
  longestTask: number;
  /**
   * The worker-layout indicator: when it appeared, when it said the draft was shown (refining), and when it went
   * away; absent when the graph came with positions.
   */
  layout?: { appeared: number; drafted?: number | undefined; gone: number } | undefined;
  /** JS heap of the page (main thread) after the import settled and a forced garbage collection, MB. */
  heapMb: number;
  /** The "Imported …" status line, which names the entity and relation counts. */
  status: string;
}

/** The outcome of importing one file in the browser: measured, or the page has no import control. */
export type BrowserImportResult = ({ kind: 'measured' } & ImportMeasurement) | { kind: 'not-implemented' };

interface LayoutWatch {
  appeared?: number;
  drafted?: number;
  gone?: number;
  observer: MutationObserver;
}

/**
 * 6 (browser). Imports `file` (an absolute path to a dataset) into the app open in `page` through the import control,
 * and measures it: time to the new graph's first frame, the longest task until it has settled (including a worker
 * layout when the file has no positions), and the heap it leaves.
 */
export async function benchBrowserImport(page: Page, file: string): Promise<BrowserImportResult> {
  const input = page.getByLabel('Import graph file');
  if ((await input.count()) === 0) return { kind: 'not-implemented' };
  await longestTask(page, true);
  // The start time is taken in the page, right before the file is handed over; the layout indicator is watched from then.
  const start = await page.evaluate(() => {
    const present = (): boolean => document.querySelector('[data-testid="layout-running"]') !== null;
    const watch: LayoutWatch = {
      observer: new MutationObserver(() => {
        const now = performance.now();
        if (present()) watch.appeared ??= now;
        else if (watch.appeared !== undefined) watch.gone ??= now;
        if (document.querySelector('[data-testid="layout-running"][data-phase="refining"]')) watch.drafted ??= now;
      }),
    };
    watch.observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-phase'] });
    (window as unknown as { __benchLayout: LayoutWatch }).__benchLayout = watch;
    return performance.now();
  });
  await input.setInputFiles(file);
  const outcome = await Promise.race([
    page
      .waitForFunction(
        ({ mark, since }) => performance.getEntriesByName(mark).some((entry) => entry.startTime >= since),
        { mark: REPLACED_MARK, since: start },
        { polling: 50, timeout: TIMEOUT_MS },
      )
      .then(() => 'drawn' as const),
    page
      .getByTestId('import-error')
      .waitFor({ timeout: TIMEOUT_MS })
      .then(() => 'failed' as const),
  ]);
  if (outcome === 'failed') throw new Error(`import of ${file} failed: ${(await page.getByTestId('import-error').innerText()).trim()}`);
  const firstView = await page.evaluate(
    ({ mark, since }) => performance.getEntriesByName(mark).find((entry) => entry.startTime >= since)!.startTime - since,
    { mark: REPLACED_MARK, since: start },
  );
  // A large graph goes onto the canvas chunk by chunk, with a progress line until the last one is drawn.
  await page.getByTestId('drawing').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  const complete = await page.evaluate(
    ({ mark, since, first }) =>
      (performance.getEntriesByName(mark).find((entry) => entry.startTime >= since)?.startTime ?? since + first) - since,
    { mark: COMPLETE_MARK, since: start, first: firstView },
  );
  const status = (await page.getByTestId('import-done').locator('p').first().innerText({ timeout: TIMEOUT_MS })).trim();
  await page.waitForTimeout(SETTLE_MS);
  // A worker layout still running: wait for it to end and for its nodes to reach their places.
  const layoutStarted = await page.evaluate(
    () => (window as unknown as { __benchLayout: LayoutWatch }).__benchLayout.appeared !== undefined,
  );
  if (layoutStarted) {
    await page.getByTestId('layout-running').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    await page.waitForTimeout(LAYOUT_TAIL_MS);
  }
  const longest = await settledLongestTask(page);
  const watched = await stopWatching(page);
  const layout =
    watched.appeared === undefined
      ? undefined
      : {
          appeared: watched.appeared - start,
          drafted: watched.drafted === undefined ? undefined : watched.drafted - start,
          gone: (watched.gone ?? NaN) - start,
        };
  return { kind: 'measured', firstView, complete, longestTask: longest, layout, heapMb: await heapMb(page), status };
}

async function stopWatching(page: Page): Promise<{ appeared?: number; drafted?: number; gone?: number }> {
  return page.evaluate(() => {
    const { observer, appeared, drafted, gone } = (window as unknown as { __benchLayout: LayoutWatch }).__benchLayout;
    observer.disconnect();
    return {
      ...(appeared === undefined ? {} : { appeared }),
      ...(drafted === undefined ? {} : { drafted }),
      ...(gone === undefined ? {} : { gone }),
    };
  });
}

/** The page's JS heap (main thread; workers have their own) after a forced garbage collection, in MB (10^6 bytes). */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1e6;
  } finally {
    await cdp.detach();
  }
}

/** What a pan or zoom gesture cost: the longest task and the longest gap between frames in the window after it. */
export interface GestureMeasurement {
  longestTask: number;
  longestFrameGap: number;
  /** Whether the camera moved (the app wrote the new camera into the URL within the window). */
  moved: boolean;
}

/**
 * Zoom (three wheel steps) and pan (a drag across the canvas) on the graph open in `page`, each followed by a
 * GESTURE_WINDOW_MS window in which long tasks and the gaps between animation frames are collected.
 */
export async function benchPanZoom(page: Page): Promise<{ zoom: GestureMeasurement; pan: GestureMeasurement }> {
  const box = await page.getByTestId('graph-canvas').boundingBox();
  if (!box) throw new Error('pan/zoom: no graph canvas on the page');
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  const zoom = await gesture(page, async () => {
    for (let step = 0; step < 3; step++) await page.mouse.wheel(0, -240);
  });
  const pan = await gesture(page, async () => {
    // Start on the background if possible: a drag that starts on a node moves the node, not the camera.
    await page.mouse.move(box.x + 12, box.y + box.height - 12);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
  });
  return { zoom, pan };
}

async function gesture(page: Page, act: () => Promise<void>): Promise<GestureMeasurement> {
  const before = await page.evaluate(() => location.hash);
  await longestTask(page, true);
  await page.evaluate(() => {
    const frames = { last: performance.now(), longest: 0, running: true };
    const tick = (now: number): void => {
      frames.longest = Math.max(frames.longest, now - frames.last);
      frames.last = now;
      if (frames.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    (window as unknown as { __benchFrames: typeof frames }).__benchFrames = frames;
  });
  await act();
  await page.waitForTimeout(GESTURE_WINDOW_MS);
  const longestFrameGap = await page.evaluate(() => {
    const frames = (window as unknown as { __benchFrames: { longest: number; running: boolean } }).__benchFrames;
    frames.running = false;
    return frames.longest;
  });
  const longest = await settledLongestTask(page);
  // The app writes the camera into the URL (`cam=`) 250 ms after the viewport settles.
  const moved = (await page.evaluate(() => location.hash)) !== before;
  return { longestTask: longest, longestFrameGap, moved };
}

/** The longest task since the last reset, read after a frame and 100 ms, so that a task just ended has been reported. */
async function settledLongestTask(page: Page): Promise<number> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  return longestTask(page, true);
}

/** Long-task rows: 0 stands for "under 50 ms", so the median is an observed run (the upper middle). */
function longTaskRow(group: string, name: string, values: number[], budget?: Budget, note?: string): ResultRow {
  return { ...measuredRow(group, name, 'ms', { ...summarize(values), median: upperMedian(values) }, budget, note), floor: 50 };
}

/** --quick imports only these, once each: the two budgeted mid-size graphs. */
const QUICK_FILES = ['arctic.gexf', 'euroSIS.json'];

/**
 * Runs benchBrowserImport on each dataset on the production build, each run on a fresh page (empty cache) with the
 * bundled graph drawn first; large-graph.json is then also zoomed and panned. No warm-up run: every run starts
 * from a fresh page, which a warm-up would not make any warmer.
 */
export async function benchBrowserImports(
  browser: Browser,
  targets: BrowserTargets,
  files: readonly string[],
  { quick }: BrowserBenchOptions,
): Promise<ResultRow[]> {
  const group = 'import (browser, production build)';
  const runs = quick ? 1 : 3;
  const app = await serveStatic(targets.app);
  const { pollCanvas, mark } = drawnDetection(targets);
  const rows: ResultRow[] = [];
  try {
    const heapBefore: number[] = [];
    for (const file of files) {
      const name = file.replace(/^.*\//, '');
      if (quick && !QUICK_FILES.includes(name)) {
        rows.push(unmeasuredRow(group, name, 'skipped', 'measured without --quick'));
        continue;
      }
      const budget = BUDGETS[name];
      const measured: ImportMeasurement[] = [];
      const gestures: { zoom: GestureMeasurement; pan: GestureMeasurement }[] = [];
      for (let run = 0; run < runs; run++) {
        const { page, close } = await freshPage(browser, pollCanvas);
        try {
          await drawnAfterNavigation(page, app.url, mark);
          heapBefore.push(await heapMb(page));
          const result = await benchBrowserImport(page, file);
          if (result.kind === 'not-implemented') break;
          measured.push(result);
          if (name === 'large-graph.json') gestures.push(await benchPanZoom(page));
        } finally {
          await close();
        }
      }
      if (measured.length === 0) {
        rows.push(unmeasuredRow(group, name, 'not implemented', 'the app has no "Import graph file" control'));
        continue;
      }
      const counts = /:\s*(.*)$/.exec(measured[0]!.status)?.[1] ?? measured[0]!.status;
      /** A row of times from the file chosen to `what`. */
      const since = (what: string, values: number[], note: string, limit?: Budget): ResultRow =>
        measuredRow(group, `${name}: file chosen → ${what}`, 'ms', summarize(values), limit, note);
      rows.push(
        since(
          'new graph drawn',
          measured.map((m) => m.firstView),
          `${counts} performance.now() before setInputFiles → the ${REPLACED_MARK} mark (first frame of the new graph)`,
          budget?.firstView,
        ),
      );
      if (measured.some((m) => m.complete > m.firstView)) {
        const note = `drawn chunk by chunk after the first view; the ${COMPLETE_MARK} mark`;
        rows.push(
          since(
            'whole graph drawn',
            measured.map((m) => m.complete),
            note,
          ),
        );
      }
      const layouts = measured.flatMap((m) => (m.layout ? [m.layout] : []));
      const span = layouts.length > 0 ? 'import, worker layout, 3 s after' : 'import and 3 s after';
      rows.push(
        longTaskRow(
          group,
          `${name}: longest task, ${span}`,
          measured.map((m) => m.longestTask),
          budget?.longestTask,
        ),
      );
      const drafts = layouts.flatMap((l) => (l.drafted === undefined ? [] : [l.drafted]));
      if (drafts.length > 0) {
        const note = `the worker's fcose draft applied (indicator says "refining") in ${drafts.length}/${layouts.length} runs`;
        rows.push(since('draft layout shown', drafts, note));
      }
      if (layouts.length > 0) {
        const appeared = layouts.map((l) => Math.round(l.appeared));
        const note =
          `no positions in the file: "layout-running" shown in ${layouts.length}/${measured.length} runs, ` +
          `from ${Math.min(...appeared)}–${Math.max(...appeared)} ms`;
        rows.push(
          since(
            'worker layout done',
            layouts.map((l) => l.gone),
            note,
          ),
        );
      }
      rows.push(measuredRow(group, `${name}: JS heap after import`, 'MB', summarize(measured.map((m) => m.heapMb)), undefined, HEAP_NOTE));
      if (gestures.length > 0) {
        for (const which of ['zoom', 'pan'] as const) {
          const list = gestures.map((g) => g[which]);
          const moved = list.filter((g) => g.moved).length;
          const frames = summarize(list.map((g) => g.longestFrameGap));
          rows.push(
            longTaskRow(
              group,
              `${name}: ${which === 'zoom' ? 'zoom (3 wheel steps)' : 'pan (drag)'} → longest task in 1 s`,
              list.map((g) => g.longestTask),
              undefined,
              `camera moved (cam= in the URL) in ${moved}/${list.length} runs; longest gap between frames ${Math.round(frames.median)} ms ` +
                `(${Math.round(frames.min)}–${Math.round(frames.max)})`,
            ),
          );
        }
      }
    }
    if (heapBefore.length > 0) {
      rows.push(measuredRow(group, 'bundled graph (before import): JS heap', 'MB', summarize(heapBefore), undefined, HEAP_NOTE));
    }
  } finally {
    app.server.close();
  }
  return rows;
}

const HEAP_NOTE = 'CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage; main thread only';
