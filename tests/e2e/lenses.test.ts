// Lenses in Chromium: size by centrality and colour by community on the bundled and an imported graph; the "as of"
// date changes which relations show and which paths exist; the lens lives in the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './harness.ts';
import { evalKg, settled, shot, startSession, waitForGraph } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

describe('lenses', () => {
  it('sizes entities by PageRank and colours them by community, with rankings, and keeps both in the link', async () => {
    const page = await session.newPage();
    await page.getByTestId('lens-size').selectOption('pagerank');
    await page.getByTestId('lens-colour').selectOption('louvain');
    await page.getByTestId('lens-ranking').waitFor();
    const top = await page.getByTestId('lens-ranking').locator('li').first().textContent();
    expect(top).toContain('DeepSeek');
    const sizes = await evalKg<[number, number]>(page, "[cy.getElementById('deepseek').width(), cy.getElementById('gitee').width()]");
    expect(sizes[0]).toBeGreaterThan(sizes[1] * 1.5);
    const colours = await evalKg<number>(page, "new Set(cy.nodes().map(n => n.data('lensColour'))).size");
    expect(colours).toBeGreaterThan(2);
    expect(await page.getByTestId('lens-communities').locator('li').count()).toBeGreaterThan(2);
    expect(page.url()).toContain('sz=pagerank');
    expect(page.url()).toContain('col=louvain');
    await page.getByTestId('lens-communities').locator('summary').first().click();
    await shot(page, 'lens-pagerank-louvain');
    await page.reload();
    await waitForGraph(page);
    await page.getByTestId('lens-ranking').waitFor();
    expect(await evalKg(page, 'explorer.sizeLens')).toBe('pagerank');
    await page.close();
  });

  it('moves the "as of" date: later relations disappear, undated ones are marked, and paths change', async () => {
    const page = await session.newPage('#from=high-flyer&to=jd-cloud');
    await page.getByTestId('path-results').waitFor();
    const allTime = await evalKg<number>(page, "cy.edges().filter(e => !e.hasClass('hidden')).length");
    // The first stop of the slider is the earliest date in the data.
    await page.getByTestId('lens-asof').fill('0');
    await page.getByTestId('lens-asof').dispatchEvent('input');
    const earliest = await evalKg<string>(page, 'explorer.asOf');
    expect(earliest).toBeTruthy();
    const early = await evalKg<number>(page, "cy.edges().filter(e => !e.hasClass('hidden')).length");
    expect(early).toBeLessThan(allTime);
    expect(await evalKg<number>(page, "cy.edges('.undated').length")).toBeGreaterThan(0);
    // Hiding undated relations leaves only what is dated by then: High-Flyer no longer reaches JD Cloud.
    await page.getByTestId('lens-hide-undated').check();
    await expect.poll(() => page.getByTestId('path-reason').textContent()).toBeTruthy();
    expect(page.url()).toContain('undated=hide');
    await shot(page, 'lens-as-of-earliest');
    await page.close();
  });

  it('works on an imported graph too', async () => {
    const page = await session.newPage();
    await page.getByLabel('Import graph file').setInputFiles(['../shared/datasets/les_miserables.gexf']);
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('lens-size').selectOption('betweenness');
    await page.getByTestId('lens-colour').selectOption('louvain');
    await page.getByTestId('lens-ranking').waitFor();
    expect(await page.getByTestId('lens-ranking').locator('li').first().textContent()).toContain('Valjean');
    await settled(page);
    await shot(page, 'lens-imported-les-miserables');
    await page.close();
  });
});
