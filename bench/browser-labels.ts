// Label placement in Chromium (e2e build, which exposes the canvas's placement): how long one placement takes on the
// bundled graph and on euroSIS (1,285 entities), run directly and repeatedly. It runs after a layout, a camera stop and
// a change of selection, hover or path, never per frame, so its cost is paid once per such change.
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../src/cli/static-server.ts';
import { type BrowserBenchOptions, type BrowserTargets, drawnAfterNavigation, drawnDetection, freshPage } from './browser-page.ts';
import type { ResultRow } from './stats.ts';
import { measuredRow, summarize, unmeasuredRow } from './stats.ts';

interface LabelHandle {
  __kg: { placeLabels(): void; labelsPending(): boolean; cy: { nodes(): { length: number } } };
}

/** Times `runs` placements in the page (ms each). */
async function placements(page: Page, runs: number): Promise<number[]> {
  return page.evaluate((n) => {
    const kg = (window as unknown as LabelHandle).__kg;
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      kg.placeLabels();
      times.push(performance.now() - start);
    }
    return times;
  }, runs);
}

/** Median ms of one label placement on the bundled graph and on euroSIS (`datasets`: the folder holding euroSIS.json). */
export async function benchLabelPlacement(
  browser: Browser,
  targets: BrowserTargets,
  datasets: string,
  { quick }: BrowserBenchOptions,
): Promise<ResultRow[]> {
  const group = 'label placement (Chromium, e2e build, 1280×800)';
  if (!targets.e2e) return [unmeasuredRow(group, 'label placement', 'skipped', 'no e2e build (run without --no-build)')];
  const { pollCanvas, mark } = drawnDetection(targets);
  const e2e = await serveStatic(targets.e2e, { '/datasets/': datasets });
  const runs = quick ? 5 : 20;
  const rows: ResultRow[] = [];
  try {
    const { page, close } = await freshPage(browser, pollCanvas);
    try {
      await drawnAfterNavigation(page, e2e.url, mark);
      await placements(page, 2);
      rows.push(measuredRow(group, 'bundled graph, whole view', 'ms', summarize(await placements(page, runs)), undefined, `${runs} runs`));
      await page.goto(`${e2e.url}#data=/datasets/euroSIS.json`);
      await page.waitForFunction(() => (window as unknown as LabelHandle).__kg?.cy.nodes().length === 1285, undefined, {
        timeout: 120_000,
      });
      await page.waitForFunction(() => !(window as unknown as LabelHandle).__kg.labelsPending(), undefined, { timeout: 120_000 });
      await placements(page, 2);
      rows.push(
        measuredRow(
          group,
          'euroSIS (1,285 entities), whole view',
          'ms',
          summarize(await placements(page, runs)),
          undefined,
          `${runs} runs`,
        ),
      );
    } finally {
      await close();
    }
  } finally {
    e2e.server.close();
  }
  return rows;
}
