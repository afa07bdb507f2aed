// The browser import scenario: one function to wire once the import UI exists, and the loop that runs it per dataset.
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../src/cli/static-server.ts';
import { type BrowserBenchOptions, type BrowserTargets, drawnAfterNavigation, drawnDetection, freshPage } from './browser-page.ts';
import type { ResultRow } from './stats.ts';
import { measuredRow, summarize, unmeasuredRow } from './stats.ts';

/** The outcome of importing one file in the browser: a time, or not yet possible. */
export type BrowserImportResult = { kind: 'measured'; ms: number } | { kind: 'not-implemented' };

/**
 * 6 (browser). Imports `file` (an absolute path to a dataset) into the app open in `page` and returns the time until
 * the imported graph is drawn. The import UI does not exist yet; to wire it, give the file to the import control
 * (`page.setInputFiles`) and time until the new graph's first render — `kg:drawn` marks only the first graph, so
 * the app would need a mark after `setElements` too (e.g. `kg:imported`).
 */
export async function benchBrowserImport(_page: Page, _file: string): Promise<BrowserImportResult> {
  return { kind: 'not-implemented' };
}

/**
 * Runs benchBrowserImport on each dataset on the production build: one warm-up call per file on a shared page (so a
 * file that cannot be imported yet costs a call, not a page load), then timed runs, each on a fresh page.
 */
export async function benchBrowserImports(
  browser: Browser,
  targets: BrowserTargets,
  files: readonly string[],
  { quick }: BrowserBenchOptions,
): Promise<ResultRow[]> {
  const group = 'import (browser)';
  const app = await serveStatic(targets.app);
  const { pollCanvas, mark } = drawnDetection(targets);
  const rows: ResultRow[] = [];
  try {
    const supported: string[] = [];
    const warm = await freshPage(browser, pollCanvas);
    try {
      await drawnAfterNavigation(warm.page, app.url, mark);
      for (const file of files) {
        if ((await benchBrowserImport(warm.page, file)).kind === 'measured') supported.push(file);
      }
    } finally {
      await warm.close();
    }
    for (const file of files) {
      const name = file.replace(/^.*\//, '');
      if (!supported.includes(file)) {
        rows.push(unmeasuredRow(group, name, 'not implemented', 'no import UI yet: benchBrowserImport in bench/browser-import.ts'));
        continue;
      }
      const times: number[] = [];
      for (let run = 0; run < (quick ? 2 : 4); run++) {
        const { page, close } = await freshPage(browser, pollCanvas);
        try {
          await drawnAfterNavigation(page, app.url, mark);
          const result = await benchBrowserImport(page, file);
          if (result.kind === 'measured') times.push(result.ms);
        } finally {
          await close();
        }
      }
      rows.push(measuredRow(group, name, 'ms', summarize(times)));
    }
  } finally {
    app.server.close();
  }
  return rows;
}
