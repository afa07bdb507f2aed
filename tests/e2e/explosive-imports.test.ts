// Small files that explode, and ids that are Object members, in Chromium: 50,000 parallel edges and 400,000 loops draw
// as one line with a count while the page keeps answering; a graph with more to draw than the canvas carries asks
// first; `__proto__` as an entity id can be selected like any other.
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

async function importCsv(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('Import graph file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/**
 * Starts recording the page's long tasks (main-thread work of 50 ms or more); `longest` reads the longest so far.
 * Reported, never asserted: timings belong in the bench, and a busy machine stretches every task.
 */
async function watchLongTasks(page: Page): Promise<{ longest(): Promise<number> }> {
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longest = Math.max(w.__longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  return { longest: () => page.evaluate(() => (window as unknown as { __longest: number }).__longest) };
}

/** The page answers while the import runs: a freeze of the main thread (the old 27–42 s) would not let it. */
async function answersWhile(page: Page, done: () => Promise<boolean>): Promise<number> {
  let answers = 0;
  while (!(await done())) {
    const answer = await Promise.race([page.evaluate(() => 1), new Promise((resolve) => setTimeout(() => resolve('frozen'), 20_000))]);
    expect(answer).toBe(1);
    answers++;
  }
  return answers;
}

describe('small files that explode', () => {
  it.each([
    ['50,000 parallel edges', 'parallel.csv', 'a,b\n', 50_000, ['a', 'b']],
    ['400,000 loops on one entity', 'loops.csv', 'a,a\n', 400_000, ['a']],
  ])('draws %s as one line with the count, and the page keeps answering', async (_, name, row, count, entities) => {
    const page = await session.newPage();
    const tasks = await watchLongTasks(page);
    await importCsv(page, name, `source,target\n${row.repeat(count)}`);
    const answers = await answersWhile(page, async () => (await page.getByTestId('import-done').count()) > 0);
    await expect.poll(() => evalKg<number>(page, 'explorer.compiled.relations.length')).toBe(count);
    expect(await evalKg<number>(page, 'cy.nodes().length')).toBe(entities.length);
    expect(await evalKg<number>(page, 'cy.edges().length')).toBe(1);
    expect(await evalKg<string>(page, 'cy.edges()[0].data("label")')).toBe(`link ×${count.toLocaleString('en')}`);
    await evalKg(page, 'explorer.selectEntity("a")');
    await expect(page.getByTestId('relation-count').first().textContent()).resolves.toBe(`×${count.toLocaleString('en')}`);
    await settled(page);
    await shot(page, `explosive-${name.replace('.csv', '')}`);
    console.log(`${name}: longest main-thread task ${Math.round(await tasks.longest())} ms, ${answers} answers while importing`);
    await page.close();
  });

  it('asks before drawing a graph with more elements than the canvas carries, and keeps the graph on Cancel', async () => {
    const page = await session.newPage('#e=deepseek');
    const before = await evalKg<number>(page, 'cy.nodes().length');
    const rows = Array.from({ length: 61_000 }, (_, i) => `s${i},t${i}\n`).join('');
    await importCsv(page, 'wide.csv', `source,target\n${rows}`);
    const dialog = page.getByTestId('import-confirm-draw');
    await expect(dialog.textContent()).resolves.toMatch(/122,000 entities and 61,000 relations \(61,000 lines to draw\)/);
    await dialog.scrollIntoViewIfNeeded();
    await shot(page, 'explosive-confirm-draw');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await evalKg<number>(page, 'cy.nodes().length')).toBe(before);
    expect(await evalKg(page, 'explorer.entity')).toBe('deepseek');
    expect(new URL(page.url()).hash).toBe('#e=deepseek');
    await page.close();
  });
});

describe('ids that are Object members', () => {
  it('imports a graph with __proto__ as an entity and selects both of its entities', async () => {
    const page = await session.newPage();
    const text = '{"nodes":[{"key":"__proto__"},{"key":"b"}],"edges":[{"source":"__proto__","target":"b"}]}';
    // Hold the worker layout's refined result, to check the picture after it is applied (not the grid before it).
    await gates.hold(page, 'layout-final');
    await page
      .getByLabel('Import graph file')
      .setInputFiles({ name: 'proto.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => evalKg<string[]>(page, 'cy.nodes().map((n) => n.id()).sort()')).toEqual(['__proto__', 'b']);
    const pairs: Array<[id: string, other: string]> = [
      ['b', '__proto__'],
      ['__proto__', 'b'],
    ];
    for (const [id, other] of pairs) {
      await page.evaluate(
        (entity) => (window as unknown as { __kg: { explorer: { selectEntity(id: string): void } } }).__kg.explorer.selectEntity(entity),
        id,
      );
      await expect.poll(() => page.getByTestId('details-name').textContent()).toBe(id);
      await expect.poll(() => page.getByTestId('relation-list').locator(`[data-other="${other}"]`).count()).toBe(1);
    }
    // Both are laid out in the worker and drawn apart, inside the canvas (positions keyed by id lost `__proto__`).
    const apart = async (): Promise<boolean> =>
      evalKg<boolean>(
        page,
        `(() => { const [a, b] = cy.nodes().map((n) => n.renderedPosition()); const w = cy.width(), h = cy.height();
          const inside = (p) => Number.isFinite(p.x) && Number.isFinite(p.y) && p.x > 0 && p.y > 0 && p.x < w && p.y < h;
          return inside(a) && inside(b) && Math.hypot(a.x - b.x, a.y - b.y) > 20; })()`,
      );
    // The worker's layout (draft, then refined) has finished and been applied: what is drawn now stays.
    await gates.waiting(page, 'layout-final');
    await gates.release(page, 'layout-final');
    await page.getByTestId('layout-running').waitFor({ state: 'detached' });
    await settled(page);
    expect(await apart()).toBe(true);
    await shot(page, 'hostile-ids-proto-selected');
    await page.close();
  });
});
