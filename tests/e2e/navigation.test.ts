// History and links in Chromium: a link's selection checked against the dataset it names, datasets that do not open,
// Back/Forward across imports (kept for the session) and during one, and ids that must survive the URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, gates, settled, shot, startSession } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

/** The location hash, decoded and without the camera (which follows the canvas's own fitting), as the view reads. */
const hashOf = (page: Page): string =>
  decodeURIComponent(new URL(page.url()).hash.replace(/^#/, ''))
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('cam='))
    .join('&');

async function importJson(page: Page, name: string, graph: unknown): Promise<void> {
  await page
    .getByLabel('Import graph file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
}

/** Waits until the canvas shows the graph whose entities are exactly `ids`. */
async function showing(page: Page, ids: string[]): Promise<void> {
  await expect.poll(() => evalKg<string[]>(page, 'cy.nodes().map((n) => n.id()).sort()')).toEqual([...ids].sort());
}

const B = { nodes: [{ key: 'b1' }, { key: 'b2' }], edges: [{ source: 'b1', target: 'b2' }] };

describe('links that name a dataset', () => {
  it('selects what the link names in the linked dataset, once it has loaded', async () => {
    const page = await session.newPage('#data=/fixtures/nav-x.json&e=n2&d=1');
    await showing(page, ['n1', 'n2', 'n3']);
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBe('n2');
    expect(await evalKg(page, 'explorer.depth')).toBe(1);
    expect(hashOf(page)).toBe('data=/fixtures/nav-x.json&e=n2&d=1');
    expect(await page.getByTestId('notice').count()).toBe(0);
    await settled(page);
    await shot(page, 'navigation-link-selection');
    await page.close();
  });

  it.each([
    ['a missing file', '/fixtures/no-such-graph.json', /not found \(\/fixtures\/no-such-graph\.json\)/, true],
    ['the app’s own page', '/index.html', /not found \(\/index\.html is a web page, not a graph file\)/, false],
  ])('says "not found" for %s and puts the URL back to the graph shown', async (_, path, message, missing) => {
    const page = await session.newPage(`#data=${path}&e=n2`);
    await expect(page.getByTestId('notice').textContent()).resolves.toMatch(message);
    expect(await evalKg(page, 'explorer.compiled === explorer.bundled')).toBe(true);
    await expect.poll(() => hashOf(page)).toBe('');
    await shot(page, `navigation-not-found-${path.replace(/\W+/g, '-')}`);
    if (missing) {
      // Chromium logs the missing file's 404 as a console error: that one, and only that one, is expected here.
      const isThe404 = (e: string): boolean => e.includes('the server responded with a status of 404');
      await expect.poll(() => session.errors.filter(isThe404).length).toBe(1);
      session.errors.splice(session.errors.findIndex(isThe404), 1);
    }
    await page.close();
  });
});

describe('Back and Forward', () => {
  it('on a linked dataset, imports a file; Back shows the dataset with its URL, Forward the import', async () => {
    const page = await session.newPage('#data=/fixtures/nav-x.json');
    await showing(page, ['n1', 'n2', 'n3']);
    await importJson(page, 'b.json', B);
    await showing(page, ['b1', 'b2']);
    expect(hashOf(page)).toBe('data=file:b.json');
    await page.goBack();
    await showing(page, ['n1', 'n2', 'n3']);
    expect(hashOf(page)).toBe('data=/fixtures/nav-x.json');
    await page.goForward();
    await showing(page, ['b1', 'b2']);
    expect(hashOf(page)).toBe('data=file:b.json');
    await page.close();
  });

  it('keeps an imported graph for the session: import, select, Back to the bundled graph, Forward again', async () => {
    const page = await session.newPage();
    const bundled = await evalKg<number>(page, 'cy.nodes().length');
    await importJson(page, 'b.json', B);
    await showing(page, ['b1', 'b2']);
    await evalKg(page, 'explorer.selectEntity("b2")');
    await expect.poll(() => hashOf(page)).toBe('data=file:b.json&e=b2');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => evalKg<number>(page, 'cy.nodes().length')).toBe(bundled);
    await page.goForward();
    await page.goForward();
    await showing(page, ['b1', 'b2']);
    expect(await evalKg(page, 'explorer.entity')).toBe('b2');
    expect(await page.getByTestId('notice').count()).toBe(0);
    await page.close();
  });

  it('cancels an import still running when Back leaves its entry, and keeps history as it was', async () => {
    const page = await session.newPage('#e=deepseek');
    await gates.hold(page, 'import-result');
    // Following a link inside the app: a new history entry that names a dataset.
    await page.evaluate(() => {
      history.pushState(null, '', '#data=/fixtures/nav-x.json');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await gates.waiting(page, 'import-result');
    await page.goBack();
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBe('deepseek');
    await gates.release(page, 'import-result');
    await settled(page);
    expect(await evalKg(page, 'explorer.compiled === explorer.bundled')).toBe(true);
    expect(hashOf(page)).toBe('e=deepseek');
    await page.goForward();
    await showing(page, ['n1', 'n2', 'n3']);
    await page.close();
  });
});

describe('ids in the URL', () => {
  const ids = [`it's <b>"x"</b> \`y\``, 'a,b & c=d', '深度求索 C++', `long-${'x'.repeat(250)}`];

  it('round-trips ids with quotes, markup characters, commas and 250 characters through Back and Forward', async () => {
    const page = await session.newPage();
    await importJson(page, 'ids.json', {
      nodes: ids.map((key) => ({ key, attributes: { type: 'kind, with a comma' } })),
      edges: [{ source: ids[0], target: ids[1] }],
    });
    await showing(page, ids);
    for (const id of ids) {
      await page.evaluate(
        (entity) => (window as unknown as { __kg: { explorer: { selectEntity(id: string): void } } }).__kg.explorer.selectEntity(entity),
        id,
      );
      await expect.poll(() => hashOf(page)).toContain(`e=${id}`);
    }
    await evalKg(page, 'explorer.toggleEntityType("kind, with a comma")');
    await expect.poll(() => hashOf(page)).toContain('ht=kind, with a comma');
    // Back from the type filter's entry to each selection in turn, then Forward again.
    for (const id of [...ids].reverse()) {
      await page.goBack();
      await expect.poll(() => evalKg(page, 'explorer.entity')).toBe(id);
    }
    for (const id of ids.slice(1)) {
      await page.goForward();
      await expect.poll(() => evalKg(page, 'explorer.entity')).toBe(id);
    }
    await page.goForward();
    await expect.poll(() => evalKg<string[]>(page, 'explorer.hiddenEntityTypes')).toEqual(['kind, with a comma']);
    expect(await page.getByTestId('notice').count()).toBe(0);
    await page.close();
  });

  it('keeps following the view after a 20 KB id is selected', async () => {
    const page = await session.newPage();
    const huge = `h${'u'.repeat(20_000)}`;
    await importJson(page, 'huge.json', { nodes: [{ key: huge }, { key: 'small' }], edges: [{ source: huge, target: 'small' }] });
    await showing(page, [huge, 'small']);
    await page.evaluate(
      (entity) => (window as unknown as { __kg: { explorer: { focus(id: string, d: number): void } } }).__kg.explorer.focus(entity, 1),
      huge,
    );
    await expect.poll(() => hashOf(page)).toBe('data=file:huge.json&d=1');
    await evalKg(page, 'explorer.focus("small", 2)');
    await expect.poll(() => hashOf(page)).toBe('data=file:huge.json&e=small&d=2');
    await page.close();
  });
});
