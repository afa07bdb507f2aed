// Exported pictures people can read: for the five scopes, SVG and PNG have no two labels overlapping (text
// boxes measured after their transforms, edge labels rotated) and no label cut with "…", and the legend draws each
// entity type with its own shape and colour; the whole graph also through `kg export`.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, settled, startSession } from './harness.ts';
import type { PictureCount, Swatch, TextBox } from './picture-measure.ts';
import { countOverlaps, svgSwatches, svgTextBoxes, swatchScores } from './picture-measure.ts';
import { main } from '../../src/cli/main.ts';
import * as renderImage from '../../src/cli/render-image.ts';

let session: Session;
let measure: Page;
const OUT = 'test-results/exports/legibility';
/** What each picture measured, written to test-results for the report (before/after). */
const results: Record<string, Partial<PictureCount> & { swatchesOk?: boolean; unnamedEdges?: number; spreads?: number }> = {};

beforeAll(async () => {
  session = await startSession();
  measure = await session.context.newPage();
  await measure.goto('about:blank');
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  writeFileSync(join(OUT, 'counts.json'), JSON.stringify(results, null, 2));
  expect(session.errors).toEqual([]);
  await session?.close();
});

interface Scenario {
  name: string;
  hash: string;
  scope: 'neighbourhood' | 'path' | 'all';
  depth?: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'deepseek-d1-en', hash: '#e=deepseek', scope: 'neighbourhood', depth: 1 },
  { name: 'deepseek-d2-zh', hash: '#e=deepseek&lang=zh', scope: 'neighbourhood', depth: 2 },
  { name: 'jd-cloud-d1', hash: '#e=jd-cloud', scope: 'neighbourhood', depth: 1 },
  { name: 'high-flyer-to-jd-cloud', hash: '#from=high-flyer&to=jd-cloud', scope: 'path' },
  { name: 'whole-graph', hash: '', scope: 'all' },
];

/** What a PNG export reports it drew (e2e builds only; see export-image.ts). */
interface ExportReport {
  labels: TextBox[];
  swatches: Swatch[];
  scale: number;
  crowdedNodes: string[];
  unnamedEdges: string[];
  spreads: number;
}

async function download(page: Page, scenario: Scenario, format: 'svg' | 'png'): Promise<Uint8Array> {
  await page.getByTestId('export-scope').selectOption(scenario.scope);
  if (scenario.depth) {
    await page.getByTestId('export-depth').fill(String(scenario.depth));
    await page.getByTestId('export-depth').dispatchEvent('input');
  }
  await page.getByTestId('export-format').selectOption(format);
  if (format === 'png') {
    await page.getByTestId('export-scale').fill('2');
    await page.getByTestId('export-scale').dispatchEvent('input');
  }
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const bytes = new Uint8Array(readFileSync(await file.path()));
  writeFileSync(join(OUT, `${scenario.name}.${format}`), bytes);
  return bytes;
}

/** The shapes the bundled schema gives entity types (Cytoscape's names). */
async function schemaShapes(page: Page): Promise<string[]> {
  return evalKg<string[]>(page, '[...new Set(explorer.compiled.entityTypes.map((t) => t.shape))]');
}

function expectReadable(name: string, count: PictureCount): void {
  results[name] = { ...results[name], ...count };
  expect.soft(count.labels, name).toBeGreaterThan(0);
  expect.soft({ name, overlapping: count.overlapping, examples: count.examples }).toEqual({ name, overlapping: 0, examples: [] });
  expect.soft({ name, ellipses: count.ellipses }).toEqual({ name, ellipses: 0 });
}

function expectShapes(name: string, scores: { shape: string; own: number; best: string }[]): void {
  results[name] = { ...results[name], swatchesOk: scores.length > 0 && scores.every((s) => s.own >= 0.8) };
  expect.soft(scores.length, `${name}: legend swatches found`).toBeGreaterThan(0);
  for (const s of scores) {
    expect.soft(s.own, `${name}: the ${s.shape} swatch looks like a ${s.best}`).toBeGreaterThanOrEqual(0.8);
  }
}

describe('exported pictures are legible', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: SVG and PNG without overlapping or cut labels, legend in the types' shapes`, async () => {
      const page = await session.newPage(scenario.hash);
      await settled(page);
      const shapes = await schemaShapes(page);

      const svg = new TextDecoder().decode(await download(page, scenario, 'svg'));
      expectReadable(`${scenario.name}.svg`, countOverlaps(await svgTextBoxes(measure, svg)));
      const svgShapes = await svgSwatches(measure, svg);
      expectShapes(
        `${scenario.name}.svg`,
        await swatchScores(page, { bytes: new TextEncoder().encode(svg), mime: 'image/svg+xml', scale: 1 }, svgShapes, shapes),
      );

      const png = await download(page, scenario, 'png');
      const report = await page.evaluate(() => (window as unknown as { __kgExportReport?: ExportReport }).__kgExportReport);
      expect(report, 'the PNG exporter reports the label boxes it drew').toBeDefined();
      if (report) {
        // Every entity's name is in the picture (none had to be drawn over something else).
        expect.soft(report.crowdedNodes, scenario.name).toEqual([]);
        results[`${scenario.name}.png`] = {
          ...results[`${scenario.name}.png`],
          unnamedEdges: report.unnamedEdges.length,
          spreads: report.spreads,
        };
        expectReadable(`${scenario.name}.png`, countOverlaps(report.labels));
        expectShapes(
          `${scenario.name}.png`,
          await swatchScores(page, { bytes: png, mime: 'image/png', scale: report.scale }, report.swatches, shapes),
        );
      }
      await page.close();
    });
  }

  it('whole graph through `kg export`: SVG without overlapping or cut labels, legend in the types’ shapes', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), 'kg-legible-'));
    try {
      expect(await main(['export', '--format', 'svg', '-o', join(dir, 'all.svg')])).toBe(0);
      const svg = readFileSync(join(dir, 'all.svg'), 'utf8');
      writeFileSync(join(OUT, 'kg-export-whole-graph.svg'), svg);
      expectReadable('kg-export-whole-graph.svg', countOverlaps(await svgTextBoxes(measure, svg)));
      const page = await session.newPage();
      const shapes = await schemaShapes(page);
      expectShapes(
        'kg-export-whole-graph.svg',
        await swatchScores(
          page,
          { bytes: new TextEncoder().encode(svg), mime: 'image/svg+xml', scale: 1 },
          await svgSwatches(measure, svg),
          shapes,
        ),
      );
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
      vi.restoreAllMocks();
    }
  });

  it('whole graph through `kg export`: PNG without overlapping or cut labels, legend in the types’ shapes', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const dir = mkdtempSync(join(tmpdir(), 'kg-legible-'));
    try {
      expect(await main(['export', '--format', 'png', '-o', join(dir, 'all.png')])).toBe(0);
      const png = new Uint8Array(readFileSync(join(dir, 'all.png')));
      writeFileSync(join(OUT, 'kg-export-whole-graph.png'), png);
      // The render page of an e2e build reports the label boxes and swatches it drew, as the app's exporter does.
      const report = renderImage.lastRenderReport as ExportReport | undefined;
      expect(report, 'kg export reports the label boxes it drew').toBeDefined();
      if (report) {
        expect(report.crowdedNodes).toEqual([]);
        expectReadable('kg-export-whole-graph.png', countOverlaps(report.labels));
        const page = await session.newPage();
        const shapes = await schemaShapes(page);
        expectShapes(
          'kg-export-whole-graph.png',
          await swatchScores(page, { bytes: png, mime: 'image/png', scale: report.scale }, report.swatches, shapes),
        );
        await page.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      vi.restoreAllMocks();
    }
  });
});
