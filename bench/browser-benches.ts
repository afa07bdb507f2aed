// Browser benchmarks in headless Chromium: navigation → graph drawn (app vs plain-Cytoscape baseline) and long tasks.
import type { Browser, Page } from 'playwright-core';
import type { Core } from 'cytoscape';
import type { Explorer } from '../src/lib/state/explorer.svelte.ts';
import { serveStatic } from '../src/cli/static-server.ts';
import {
  type BrowserBenchOptions,
  type BrowserTargets,
  drawnAfterNavigation,
  drawnDetection,
  freshPage,
  longestTask,
} from './browser-page.ts';
import { sizes } from './bundle-size.ts';
import type { ResultRow } from './stats.ts';
import { measuredRow, median, summarize, unmeasuredRow, upperMedian } from './stats.ts';

const LONG_TASK_FLOOR = 50;
const LONG_TASK_BUDGET = { limit: 50, strict: false };
const RATIO_BUDGET = { limit: 1.5, strict: false };
/** Long enough for the 300 ms camera animations and the long-task observer's callback. */
const SETTLE_MS = 600;
const RESET_SETTLE_MS = 300;

/** 4 and 5 (load). Navigation → graph drawn for app and baseline, alternating (ABBA), a fresh context per run. */
export async function benchLoad(browser: Browser, targets: BrowserTargets, { quick }: BrowserBenchOptions): Promise<ResultRow[]> {
  const group = 'load (Chromium, 1280×800)';
  const { pollCanvas, mark, how } = drawnDetection(targets);
  const app = await serveStatic(targets.app);
  const baseline = targets.baseline ? await serveStatic(targets.baseline) : undefined;
  try {
    const runOnce = async (url: string): Promise<{ drawn: number; longest: number }> => {
      const { page, close } = await freshPage(browser, pollCanvas);
      try {
        return await drawnAfterNavigation(page, url, mark);
      } finally {
        await close();
      }
    };
    // Warm-up (untimed), which also reads the app's canvas size so the baseline draws the same area, and which
    // scripts the page fetched before the network went idle (a lazy chunk among them would be loaded eagerly).
    const { page, close } = await freshPage(browser, pollCanvas);
    const fetched: string[] = [];
    page.context().on('request', (request) => void fetched.push(new URL(request.url()).pathname));
    await drawnAfterNavigation(page, app.url, mark);
    const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
    await close();
    const scripts = fetched.filter((path) => path.endsWith('.js'));
    const baselineUrl = baseline && `${baseline.url}?w=${Math.round(box?.width ?? 0)}&h=${Math.round(box?.height ?? 0)}`;
    if (baselineUrl) await runOnce(baselineUrl);

    const results = { app: [] as { drawn: number; longest: number }[], baseline: [] as { drawn: number; longest: number }[] };
    for (let i = 0; i < (quick ? 3 : 10); i++) {
      const order = i % 4 === 1 || i % 4 === 2 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
      for (const which of order) {
        if (which === 'app') results.app.push(await runOnce(app.url));
        else if (baselineUrl) results.baseline.push(await runOnce(baselineUrl));
      }
    }
    const note = `navigation start → ${how}; fresh context per run, cache empty; canvas ${Math.round(box?.width ?? 0)}×${Math.round(box?.height ?? 0)}`;
    const rows = [measuredRow(group, 'app: navigation → graph drawn', 'ms', summarize(results.app.map((r) => r.drawn)), undefined, note)];
    const js = sizes(targets.app, scripts).gzip;
    const jsNote = `fetched by the app until the network was idle: ${scripts.map((path) => path.replace(/^.*\//, '')).join(', ')}`;
    rows.push(measuredRow(group, 'app: JS fetched during load (gzip)', 'kB', { median: js, min: js, max: js, runs: 1 }, undefined, jsNote));
    if (baselineUrl) {
      const appDrawn = results.app.map((r) => r.drawn);
      const baseDrawn = results.baseline.map((r) => r.drawn);
      const pairRatios = appDrawn.map((t, i) => t / baseDrawn[i]!);
      const ratio = Math.round((median(appDrawn) / median(baseDrawn)) * 100) / 100;
      rows.push(measuredRow(group, 'baseline (plain Cytoscape): navigation → drawn', 'ms', summarize(baseDrawn), undefined, note));
      rows.push(
        measuredRow(
          group,
          'app / baseline (ratio of medians)',
          '×',
          { median: ratio, min: Math.min(...pairRatios), max: Math.max(...pairRatios), runs: pairRatios.length },
          RATIO_BUDGET,
          'min and max are of the per-pair ratios',
        ),
      );
    } else {
      rows.push(unmeasuredRow(group, 'baseline (plain Cytoscape)', 'skipped', 'no baseline build (run without --no-build)'));
    }
    const longTaskNote = '0 = no task reached 50 ms (the longtask API reports only those)';
    rows.push(longTaskRow(group, 'app: longest task during load', results.app, longTaskNote));
    if (baselineUrl) rows.push(longTaskRow(group, 'baseline: longest task during load', results.baseline, longTaskNote, false));
    if (baselineUrl) rows.push(...(await fcoseAtLoad(browser, `${baselineUrl}&fcose`, mark, pollCanvas, quick ? 2 : 5)));
    return rows;
  } finally {
    app.server.close();
    baseline?.server.close();
  }
}

/**
 * What the precomputed layout saves: the baseline page, after drawing the bundled graph, loads fcose and lays the
 * graph out as the app's re-layout would (`?fcose`). Times the layout run, and navigation → the laid-out frame.
 */
async function fcoseAtLoad(browser: Browser, url: string, mark: string, pollCanvas: boolean, runs: number): Promise<ResultRow[]> {
  const group = 'load (Chromium, 1280×800)';
  const layout: number[] = [];
  const drawn: number[] = [];
  const longest: { longest: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const { page, close } = await freshPage(browser, pollCanvas);
    try {
      await drawnAfterNavigation(page, url, mark);
      await page.waitForFunction(() => performance.getEntriesByName('kg:fcose-drawn').length > 0, null, { polling: 100, timeout: 30_000 });
      const times = await page.evaluate(() => {
        const [run] = performance.getEntriesByName('kg:fcose');
        const [frame] = performance.getEntriesByName('kg:fcose-drawn');
        return { layout: run!.duration, drawn: frame!.startTime + frame!.duration };
      });
      layout.push(times.layout);
      drawn.push(times.drawn);
      longest.push({ longest: await longestTask(page) });
    } finally {
      await close();
    }
  }
  const how = 'baseline page with ?fcose: cytoscape-fcose as the app re-lays out (randomize, labels in node boxes), no animation';
  return [
    measuredRow(group, 'fcose at load (avoided): one layout run', 'ms', summarize(layout), undefined, how),
    measuredRow(group, 'baseline + fcose at load: navigation → laid-out graph drawn', 'ms', summarize(drawn), undefined, how),
    longTaskRow(group, 'baseline + fcose at load: longest task', longest, how, false),
  ];
}

/** Long tasks: 0 stands for "under 50 ms", so the median is an observed run (the upper middle), never a mean with a 0. */
function longTaskRow(group: string, name: string, runs: { longest: number }[], note: string, budgeted = true): ResultRow {
  const values = runs.map((r) => r.longest);
  const summary = { ...summarize(values), median: upperMedian(values) };
  return { ...measuredRow(group, name, 'ms', summary, budgeted ? LONG_TASK_BUDGET : undefined, note), floor: LONG_TASK_FLOOR };
}

/** Interactions driven through the URL hash, as a shared link or the back button would: works on the production build. */
const HASH_INTERACTIONS = [
  ['select DeepSeek (#e=deepseek)', '#e=deepseek'],
  ['focus DeepSeek, depth 2 (#e=deepseek&d=2)', '#e=deepseek&d=2'],
  ['filter: hide countries (#ht=country)', '#ht=country'],
  ['find path High-Flyer → JD Cloud', '#from=high-flyer&to=jd-cloud'],
] as const;

type Kg = { cy: Core; explorer: Explorer };

/** 5 (interactions). Longest task while interacting: hash routes and typing on the production build, mouse on the e2e build. */
export async function benchInteractions(browser: Browser, targets: BrowserTargets, { quick }: BrowserBenchOptions): Promise<ResultRow[]> {
  const group = 'interactions (longest task)';
  const runs = quick ? 3 : 5;
  const { pollCanvas, mark } = drawnDetection(targets);
  const longest = new Map<string, number[]>();
  const frames = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, name: string, value: number): void => void map.set(name, [...(map.get(name) ?? []), value]);
  const notes = new Map<string, string>();

  const app = await serveStatic(targets.app);
  try {
    for (let run = 0; run < runs; run++) {
      const { page, close } = await freshPage(browser, pollCanvas);
      try {
        await drawnAfterNavigation(page, app.url, mark);
        for (const [name, hash] of HASH_INTERACTIONS) {
          // Back to the default view, and let its work (and its long-task entries) finish before measuring.
          if (await setHash(page, '')) await page.waitForTimeout(RESET_SETTLE_MS);
          await longestTask(page, true);
          push(frames, name, await setHash(page, hash));
          await page.waitForTimeout(SETTLE_MS);
          push(longest, name, await longestTask(page, true));
        }
        if (await setHash(page, '')) await page.waitForTimeout(RESET_SETTLE_MS);
        const name = 'type "liang wenfeng" in search';
        await longestTask(page, true);
        await page.getByTestId('search').pressSequentially('liang wenfeng');
        await page.waitForTimeout(SETTLE_MS);
        push(longest, name, await longestTask(page, true));
        await page.getByTestId('search').fill('');
      } finally {
        await close();
      }
    }
  } finally {
    app.server.close();
  }

  if (targets.e2e) {
    const e2e = await serveStatic(targets.e2e);
    try {
      for (let run = 0; run < runs; run++) {
        const { page, close } = await freshPage(browser, pollCanvas);
        try {
          await drawnAfterNavigation(page, e2e.url, mark);
          await longestTask(page, true);
          await page.mouse.click(...(await nodePosition(page, 'deepseek')));
          await page.waitForTimeout(SETTLE_MS);
          push(longest, 'click DeepSeek (mouse, e2e build)', await longestTask(page, true));
          const selected = await page.evaluate(() => (window as unknown as { __kg: Kg }).__kg.explorer.entity);
          if (selected !== 'deepseek') notes.set('click DeepSeek (mouse, e2e build)', `the click selected ${String(selected)}`);
          await page.mouse.move(...(await nodePosition(page, 'high-flyer')));
          await page.waitForTimeout(SETTLE_MS);
          push(longest, 'hover High-Flyer (mouse, e2e build)', await longestTask(page, true));
        } finally {
          await close();
        }
      }
    } finally {
      e2e.server.close();
    }
  }

  const rows: ResultRow[] = [];
  for (const [name, values] of longest)
    rows.push(
      longTaskRow(
        group,
        name,
        values.map((v) => ({ longest: v })),
        notes.get(name) ?? '',
      ),
    );
  if (!targets.e2e) rows.push(unmeasuredRow(group, 'click and hover (mouse)', 'skipped', 'no e2e build (run without --no-build)'));
  for (const [name, values] of frames)
    rows.push(measuredRow('interactions (hash change → next frame)', name, 'ms', summarize(values), undefined, 'production build'));
  return rows;
}

/** Sets the location hash (the app follows it on popstate); returns ms until the frame after it was painted. */
async function setHash(page: Page, hash: string): Promise<number> {
  return page.evaluate(async (next) => {
    if (location.hash.replace(/^#/, '') === next.replace(/^#/, '')) return 0;
    const start = performance.now();
    location.hash = next;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return performance.now() - start;
  }, hash);
}

/** Page coordinates of a node, read from the e2e build's test handle. */
async function nodePosition(page: Page, id: string): Promise<[number, number]> {
  return page.evaluate((node) => {
    const { cy } = (window as unknown as { __kg: Kg }).__kg;
    const position = cy.getElementById(node).renderedPosition();
    const box = cy.container()!.getBoundingClientRect();
    return [box.left + position.x, box.top + position.y] as [number, number];
  }, id);
}
