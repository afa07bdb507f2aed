// Round trips through the UI, in Chromium: a layout computed in the browser goes into GEXF and JSON exports, and the
// CSV zip the app downloads imports back into the same graph.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, settled, shot, startSession } from './harness.ts';
import { importGraph } from '../../src/lib/graph/formats/index.ts';
import type { CompiledGraph } from '../../src/lib/graph/types.ts';

const DATASETS = '../shared/datasets';
let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

async function download(page: Page, scope: string, format: string): Promise<{ name: string; path: string }> {
  await page.getByTestId('export-scope').selectOption(scope);
  await page.getByTestId('export-format').selectOption(format);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  return { name: file.suggestedFilename(), path: (await file.path())! };
}

type Placed = Record<string, { x: number; y: number }>;
const canvasPositions = (page: Page): Promise<Placed> =>
  evalKg<Placed>(page, 'Object.fromEntries(cy.nodes().map((n) => [n.id(), { x: n.position().x, y: n.position().y }]))');

/** Every entity of `graph` has a position, equal to the canvas's within rounding. */
function expectPositions(graph: CompiledGraph, canvas: Placed): void {
  const ids = graph.entities.map((e) => e.id);
  expect(ids.length).toBe(Object.keys(canvas).length);
  for (const id of ids) {
    const p = graph.positions?.[id];
    expect(p, `position of ${id}`).toBeDefined();
    expect(Math.abs(p!.x - canvas[id]!.x) + Math.abs(p!.y - canvas[id]!.y), `position of ${id}`).toBeLessThan(1e-6);
  }
}

describe('exports keep the layout the browser computed', () => {
  it('a GEXF without positions, laid out here, exports GEXF and JSON with the positions on the canvas', async () => {
    const page = await session.newPage();
    await page.getByLabel('Import graph file').setInputFiles([`${DATASETS}/celegans.gexf`]);
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(await evalKg<boolean>(page, 'explorer.compiled.positions === undefined')).toBe(true);
    await page.getByTestId('layout-running').waitFor({ state: 'detached', timeout: 60_000 });
    await settled(page);
    const canvas = await canvasPositions(page);
    // The layout spread the graph out: not the quick grid, not one point.
    expect(new Set(Object.values(canvas).map((p) => Math.round(p.x))).size).toBeGreaterThan(50);

    const gexf = await download(page, 'all', 'gexf');
    // The dialog offers the symmetric-relations mode, with the one every reader takes chosen.
    expect(await page.getByTestId('export-symmetric').inputValue()).toBe('marked');
    await page.getByTestId('export-panel').screenshot({ path: 'test-results/screenshots/round-trip-gexf-options.png' });
    expect(gexf.name).toMatch(/\.gexf$/);
    const text = readFileSync(gexf.path, 'utf8');
    expect(text.match(/<viz:position /g)?.length).toBe(Object.keys(canvas).length);
    expectPositions(importGraph(text, { fileName: gexf.name }).graph, canvas);

    const json = await download(page, 'all', 'kg-json');
    expectPositions(importGraph(readFileSync(json.path, 'utf8'), { fileName: json.name }).graph, canvas);
    await shot(page, 'round-trip-celegans-laid-out');
    await page.close();
  });
});

describe('the CSV zip through the UI', () => {
  it('downloads the bundled graph as a CSV zip and imports that zip back into the same graph', async () => {
    const page = await session.newPage();
    const before = await evalKg<CompiledGraph>(page, 'JSON.parse(JSON.stringify(explorer.compiled))');
    const zip = await download(page, 'all', 'csv-zip');
    expect(zip.name).toMatch(/\.zip$/);
    await page.getByTestId('export-csv-note').waitFor();
    await page.getByTestId('export-panel').screenshot({ path: 'test-results/screenshots/round-trip-csv-note.png' });

    await page.getByLabel('Import graph file').setInputFiles([zip.path]);
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    await expect.poll(() => evalKg<number>(page, 'cy.nodes().length')).toBe(before.entities.length);
    const after = await evalKg<CompiledGraph>(page, 'JSON.parse(JSON.stringify(explorer.compiled))');
    expect(after.title).toBe(before.title);
    expect(after.sources).toEqual(before.sources);
    const entity = (e: CompiledGraph['entities'][number]): unknown => [e.id, e.type, e.name, e.aliases, e.description, e.url];
    expect(after.entities.map(entity)).toEqual(before.entities.map(entity));
    const relation = (r: CompiledGraph['relations'][number]): unknown => [
      r.id,
      r.source,
      r.target,
      r.type,
      r.modality,
      r.date,
      r.note,
      r.evidence,
    ];
    expect(after.relations.map(relation)).toEqual(before.relations.map(relation));
    const symmetric = (g: CompiledGraph): string[] =>
      g.relationTypes
        .filter((t) => t.symmetric)
        .map((t) => t.id)
        .sort();
    expect(symmetric(after)).toEqual(symmetric(before));
    expect(Object.keys(after.positions ?? {}).length).toBe(before.entities.length);
    await settled(page);
    await shot(page, 'round-trip-csv-zip-imported');
    await page.close();
  });
});
