// Labels on the canvas at 1440×900 and on a phone (390×844): no two visible labels overlap (Cytoscape's rendered
// label boxes, edge labels turned along their line), zooming in makes room for hidden names, a hidden name shows on
// hover, the Labels control switches all / none, and an imported graph (euroSIS) shows its largest entities' names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, settled, shot, waitForGraph } from './harness.ts';
import { startSession } from './harness.ts';
import type { TextBox } from './picture-measure.ts';
import { countOverlaps } from './picture-measure.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

/** Waits until no label placement is pending and the picture is still, then returns the visible labels' boxes. */
async function labelsNow(page: Page): Promise<(TextBox & { id: string })[]> {
  await settled(page);
  await page.waitForFunction(() => !(window as unknown as { __kg: { labelsPending(): boolean } }).__kg.labelsPending());
  return evalKg(page, 'window.__kg.labelBoxes()');
}

async function open(width: number, height: number, hash = ''): Promise<Page> {
  const context = await session.browser.newContext({
    viewport: { width, height },
    ...(width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.on('pageerror', (e: Error) => session.errors.push(e.message));
  await page.goto(`${session.baseUrl}${hash}`);
  await waitForGraph(page);
  return page;
}

for (const [width, height] of [
  [1440, 900],
  [390, 844],
] as const) {
  describe(`canvas labels at ${width}×${height}`, () => {
    it('shows labels without overlaps, makes room when zoomed in, and shows a hidden name on hover', async () => {
      const page = await open(width, height);
      const first = await labelsNow(page);
      await shot(page, `canvas-labels-${width}`);
      const count = countOverlaps(first);
      expect(count.labels).toBeGreaterThan(5);
      expect({ overlapping: count.overlapping, examples: count.examples }).toEqual({ overlapping: 0, examples: [] });
      const hiddenBefore = new Set(await evalKg<string[]>(page, "cy.nodes('.label-hidden').map((n) => n.id())"));

      // Zooming in spreads the nodes while labels keep their size on screen: fewer names stay hidden.
      await evalKg(page, 'cy.zoom({ level: cy.zoom() * 2.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })');
      const zoomed = await labelsNow(page);
      await shot(page, `canvas-labels-${width}-zoomed`);
      const zoomedCount = countOverlaps(zoomed);
      expect({ overlapping: zoomedCount.overlapping, examples: zoomedCount.examples }).toEqual({ overlapping: 0, examples: [] });
      const hiddenOnScreen = await evalKg<string[]>(
        page,
        `cy.nodes('.label-hidden').filter((n) => { const p = n.renderedPosition(); return p.x > 20 && p.y > 20 && p.x < cy.width() - 20 && p.y < cy.height() - 20; }).map((n) => n.id())`,
      );
      // Of the entities now on screen, fewer names are hidden than were before the zoom.
      const onScreen = await evalKg<string[]>(
        page,
        `cy.nodes().filter((n) => { const p = n.renderedPosition(); return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height(); }).map((n) => n.id())`,
      );
      const wereHidden = onScreen.filter((id) => hiddenBefore.has(id)).length;
      const stillHidden = onScreen.filter((id) => hiddenOnScreen.includes(id)).length;
      if (wereHidden > 0) expect(stillHidden).toBeLessThan(wereHidden);
      else expect(stillHidden).toBe(0);

      // A hidden name shows while its node is hovered.
      if (hiddenOnScreen.length) {
        const id = hiddenOnScreen[0]!;
        const pos = await evalKg<{ x: number; y: number }>(page, `cy.getElementById(${JSON.stringify(id)}).renderedPosition()`);
        const box = (await page.getByTestId('graph-canvas').boundingBox())!;
        await page.mouse.move(box.x + pos.x, box.y + pos.y);
        await expect.poll(() => evalKg(page, 'explorer.hover')).toBe(id);
        const shown = await labelsNow(page);
        expect(shown.map((b) => b.id)).toContain(id);
        await shot(page, `canvas-labels-${width}-hover`);
      }
      await page.context().close();
    });
  });
}

describe('the Labels control', () => {
  it('shows every label with "all", only the selection’s with "none", and keeps the choice in the link', async () => {
    const page = await open(1440, 900, '#e=deepseek');
    const auto = await labelsNow(page);
    await page.getByTestId('label-mode').selectOption('all');
    await expect.poll(() => page.url()).toContain('lb=all');
    const all = await labelsNow(page);
    expect(all.length).toBeGreaterThan(auto.length);
    await page.getByTestId('label-mode').selectOption('none');
    await expect.poll(() => page.url()).toContain('lb=none');
    const none = await labelsNow(page);
    await shot(page, 'canvas-labels-none');
    expect(none.length).toBeLessThan(auto.length);
    // The selected entity and its relations keep their names.
    expect(none.map((b) => b.id)).toContain('deepseek');
    await page.context().close();
  });

  it('shows a name the canvas cuts with "…" whole while its entity is hovered', async () => {
    const page = await open(1440, 900, '#e=engineer-rebutting-dario');
    const id = 'engineer-rebutting-dario';
    const cut = (await labelsNow(page)).find((b) => b.id === id);
    expect(cut?.text).toMatch(/…$/);
    const pos = await evalKg<{ x: number; y: number }>(page, `cy.getElementById(${JSON.stringify(id)}).renderedPosition()`);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.move(box.x + pos.x, box.y + pos.y);
    await expect.poll(() => evalKg(page, 'explorer.hover')).toBe(id);
    const whole = (await labelsNow(page)).find((b) => b.id === id);
    expect(whole?.text).toBe('Engineer who rebutted Dario Amodei');
    await shot(page, 'canvas-labels-full-name-on-hover');
    await page.context().close();
  });
});

describe('an imported graph', () => {
  it('labels euroSIS’s largest entities at the whole-graph view, without overlaps', async () => {
    const page = await open(1440, 900, '#data=/datasets/euroSIS.json');
    await page.waitForFunction(
      () => (window as unknown as { __kg: { cy: { nodes(): { length: number } } } }).__kg.cy.nodes().length === 1285,
    );
    const boxes = await labelsNow(page);
    await shot(page, 'canvas-labels-eurosis');
    expect(boxes.length).toBeGreaterThan(5);
    const count = countOverlaps(boxes);
    expect({ overlapping: count.overlapping, examples: count.examples }).toEqual({ overlapping: 0, examples: [] });
    // The labelled ones are the best connected: the best-connected entity on screen is among them.
    const top = await evalKg<string>(
      page,
      `cy.nodes().filter((n) => { const p = n.renderedPosition(); return p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height(); }).max((n) => n.data('degree')).ele.id()`,
    );
    expect(boxes.map((b) => b.id)).toContain(top);
    await page.context().close();
  });
});
