// Export in Chromium: every scope × every image format gives a file that decodes at the promised size; SVG is XML
// with every exported label as text and no script; data formats download and re-import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, shot, startSession, waitForGraph } from './harness.ts';
import { jpegSize, pngSize } from './image-decode.ts';
import { importGraph } from '../../src/lib/graph/formats/index.ts';
import { xmlEscape } from '../../src/lib/view/export-decor.ts';

let session: Session;
let page: Page;

beforeAll(async () => {
  session = await startSession();
  // A view with a selection, a focus and a path, so every scope has something in it.
  page = await session.newPage('#e=deepseek&from=high-flyer&to=jd-cloud');
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

async function exportFile(scope: string, format: string, scale = 1): Promise<{ name: string; bytes: Uint8Array }> {
  await page.getByTestId('export-scope').selectOption(scope);
  await page.getByTestId('export-format').selectOption(format);
  if (format === 'png' || format === 'jpeg') {
    await page.getByTestId('export-scale').fill(String(scale));
    await page.getByTestId('export-scale').dispatchEvent('input');
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  const path = await download.path();
  const bytes = new Uint8Array(readFileSync(path));
  // Kept for a person to look at: test-results/exports/<scope>--<file name>.
  mkdirSync('test-results/exports', { recursive: true });
  writeFileSync(`test-results/exports/${scope}--${scale}x--${download.suggestedFilename()}`, bytes);
  return { name: download.suggestedFilename(), bytes };
}

const SCOPES = ['visible', 'selection', 'path', 'neighbourhood', 'all'] as const;

describe('image exports', () => {
  for (const scope of SCOPES) {
    it(`exports "${scope}" as PNG at 1× and 2×, JPEG and SVG`, async () => {
      const one = await exportFile(scope, 'png', 1);
      const two = await exportFile(scope, 'png', 2);
      const a = pngSize(one.bytes);
      const b = pngSize(two.bytes);
      expect(a.width).toBeGreaterThanOrEqual(480);
      expect(Math.abs(b.width - 2 * a.width)).toBeLessThanOrEqual(2);
      expect(Math.abs(b.height - 2 * a.height)).toBeLessThanOrEqual(2);
      const jpeg = await exportFile(scope, 'jpeg', 1);
      expect(jpegSize(jpeg.bytes)).toEqual(a);
      const svg = await exportFile(scope, 'svg');
      const text = new TextDecoder().decode(svg.bytes);
      const errors: string[] = [];
      const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(
        text,
        'image/svg+xml',
      );
      expect(errors).toEqual([]);
      expect(doc.getElementsByTagName('script').length).toBe(0);
      expect(text).not.toMatch(/\son[a-z]+=|javascript:/i);
      // Every exported entity's name is in the SVG as text: whole (the canvas cuts long ones with "…"), and possibly
      // wrapped onto two lines, so word by word.
      const labels = await evalKg<string[]>(page, "cy.nodes().filter(n => !n.hasClass('hidden')).map(n => n.data('label'))");
      const exported = scope === 'all' ? labels : [];
      for (const label of exported) {
        for (const word of label.replace(/…$/, '').split(/\s+/).filter(Boolean)) expect(text).toContain(xmlEscape(word));
      }
      expect(one.name).toMatch(/\.png$/);
      expect(svg.name).toMatch(/\.svg$/);
    });
  }

  it('names files for what is inside', async () => {
    expect((await exportFile('path', 'png', 1)).name).toBe('high-flyer-to-jd-cloud.png');
    await page.getByTestId('export-scope').selectOption('neighbourhood');
    await page.getByTestId('export-depth').fill('2');
    await page.getByTestId('export-depth').dispatchEvent('input');
    expect((await exportFile('neighbourhood', 'svg')).name).toBe('deepseek-neighbourhood-d2.svg');
  });

  it('refuses a picture larger than the browser can draw, with a smaller-scale option, and leaves the view as it was', async () => {
    const before = await evalKg<string>(page, "cy.elements().map(e => e.id() + ':' + e.classes().join('.')).join(',')");
    // Stretch the graph far beyond the canvas limit.
    await evalKg(page, 'cy.nodes().positions((n, i) => ({ x: i * 4000, y: i * 4000 }))');
    await page.getByTestId('export-scope').selectOption('all');
    await page.getByTestId('export-format').selectOption('png');
    await page.getByTestId('export-scale').fill('4');
    await page.getByTestId('export-scale').dispatchEvent('input');
    await page.getByTestId('export-download').click();
    await expect.poll(() => page.getByTestId('export-message').textContent()).toMatch(/larger than the browser can draw/);
    await shot(page, 'export-too-large');
    expect(await evalKg<string>(page, "cy.elements().map(e => e.id() + ':' + e.classes().join('.')).join(',')")).toBe(before);
    await page.reload();
    await waitForGraph(page);
  });
});

describe('data exports', () => {
  it('exports the whole graph as JSON that re-imports to the same graph, and as GEXF, GraphML and CSV', async () => {
    const json = await exportFile('all', 'kg-json');
    const text = new TextDecoder().decode(json.bytes);
    const { graph } = importGraph(text, { fileName: json.name });
    const compiled = await evalKg<{ entities: number; relations: number }>(
      page,
      '({ entities: explorer.compiled.entities.length, relations: explorer.compiled.relations.length })',
    );
    expect(graph.entities.length).toBe(compiled.entities);
    expect(graph.relations.length).toBe(compiled.relations);
    for (const format of ['gexf', 'graphml', 'graphology-json', 'csv-zip']) {
      const file = await exportFile('all', format);
      expect(file.bytes.length).toBeGreaterThan(1000);
    }
  });
});
