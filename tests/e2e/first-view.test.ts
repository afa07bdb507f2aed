// The first view and the path layout in Chromium: the whole bundled graph inside the canvas with readable labels at
// 1440×900 (and what a phone gets), Reset view back to exactly that view, and paths laid out left to right and back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { evalKg, settled, shot, startSession, waitForGraph } from './harness.ts';
import { pngSize } from './image-decode.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

async function openAt(width: number, height: number, hash = ''): Promise<Page> {
  const phone = width < 600;
  const context = await session.browser.newContext({ viewport: { width, height }, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  page.on('pageerror', (e: Error) => session.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') session.errors.push(m.text());
  });
  await page.goto(`${session.baseUrl}${hash}`);
  await waitForGraph(page);
  await settled(page);
  return page;
}

interface FirstView {
  width: number;
  height: number;
  zoom: number;
  /** Entities whose rendered box, label included, reaches outside the canvas. */
  outside: string[];
  /** The smallest node label on screen, in px (font size × zoom). */
  smallestLabel: number;
  shown: number;
  /** Entities whose name is drawn. */
  named: number;
}

const firstView = (page: Page): Promise<FirstView> =>
  evalKg<FirstView>(
    page,
    `(() => {
      const width = cy.width(), height = cy.height();
      const nodes = cy.nodes(':visible');
      // A label the placement hid is not drawn: only drawn labels count, and every node body does.
      const named = nodes.filter((n) => !n.hasClass('label-hidden'));
      const outside = nodes.filter((n) => {
        const b = n.renderedBoundingBox({ includeLabels: !n.hasClass('label-hidden'), includeOverlays: false });
        return b.x1 < 0 || b.y1 < 0 || b.x2 > width || b.y2 > height;
      }).map((n) => n.id());
      const smallestLabel = Math.min(...named.map((n) => parseFloat(n.style('font-size')) * cy.zoom()));
      return { width, height, zoom: cy.zoom(), outside, smallestLabel, shown: nodes.length, named: named.length };
    })()`,
  );

const camera = (page: Page): Promise<{ zoom: number; x: number; y: number }> => evalKg(page, '({ zoom: cy.zoom(), ...cy.pan() })');
const positions = (page: Page): Promise<Record<string, { x: number; y: number }>> =>
  evalKg(page, 'Object.fromEntries(cy.nodes().map((n) => [n.id(), { ...n.position() }]))');

describe('the first view', () => {
  it('at 1440×900 shows every entity whole inside the canvas with node labels of at least 11 px', async () => {
    const page = await openAt(1440, 900);
    const view = await firstView(page);
    expect(view.shown).toBeGreaterThan(80);
    expect(view.outside).toEqual([]);
    expect(view.smallestLabel).toBeGreaterThanOrEqual(11);
    await shot(page, 'first-view-1440x900');
    await page.context().close();
  });

  it('at 390×844 shows every entity inside the canvas, and the names that fit whole, at 11 px or more', async () => {
    const page = await openAt(390, 844);
    const view = await firstView(page);
    expect(view.outside).toEqual([]);
    // Names keep a readable size on screen whatever the zoom; those that would overlap or reach an edge wait for a zoom.
    expect(view.named).toBeGreaterThan(10);
    expect(view.smallestLabel).toBeGreaterThanOrEqual(11);
    await shot(page, 'first-view-390x844');
    await page.context().close();
  });

  it('Reset view returns to exactly the first view after zooming, panning and moving an entity', async () => {
    const page = await openAt(1440, 900);
    const first = await camera(page);
    const placed = await positions(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    // An entity moved (as a drag or a relayout would) and the camera panned; the expression returns nothing big.
    await evalKg(page, "(cy.getElementById('deepseek').position({ x: 5000, y: 5000 }), cy.panBy({ x: 120, y: -40 }), true)");
    await settled(page);
    expect((await camera(page)).zoom).not.toBeCloseTo(first.zoom, 3);
    await page.getByTestId('reset').click();
    await expect.poll(async () => Math.abs((await camera(page)).zoom - first.zoom)).toBeLessThan(1e-6);
    const back = await camera(page);
    expect(Math.abs(back.x - first.x)).toBeLessThan(1e-6);
    expect(Math.abs(back.y - first.y)).toBeLessThan(1e-6);
    expect(await positions(page)).toEqual(placed);
    await page.context().close();
  });
});

/** The x of each entity along each highlighted path, in the path's order. */
const pathXs = (page: Page): Promise<number[][]> =>
  evalKg(page, 'explorer.pathLayoutPaths.map((path) => path.map((id) => cy.getElementById(id).position().x))');

describe('the path layout', () => {
  it('lays High-Flyer → JD Cloud out left to right, hides the rest, and puts everything back when toggled off', async () => {
    const page = await openAt(1440, 900, '#from=high-flyer&to=jd-cloud');
    await page.getByRole('list', { name: 'Path results' }).waitFor();
    await settled(page);
    const before = await positions(page);
    const cameraBefore = await camera(page);
    const toggle = page.getByTestId('path-layout');
    await toggle.click();
    await settled(page);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const [xs] = await pathXs(page);
    expect(xs).toHaveLength(4);
    for (let i = 1; i < xs!.length; i++) expect(xs![i]!).toBeGreaterThan(xs![i - 1]!);
    // The rest of the graph is hidden while the layout is on; the path's entities are all shown.
    expect(await evalKg(page, "cy.nodes(':visible').map((n) => n.id()).sort()")).toEqual([
      'deepseek',
      'deepseek-r1',
      'high-flyer',
      'jd-cloud',
    ]);
    await shot(page, 'path-layout-on');
    await toggle.click();
    await settled(page);
    expect(await positions(page)).toEqual(before);
    const cameraAfter = await camera(page);
    expect(Math.abs(cameraAfter.zoom - cameraBefore.zoom)).toBeLessThan(1e-6);
    expect(await evalKg(page, "cy.nodes(':visible').length")).toBeGreaterThan(80);
    await page.context().close();
  });

  it('lays three shortest paths out as lanes, every path left to right, shared entities once', async () => {
    const page = await openAt(1440, 900, '#from=high-flyer&to=jd-cloud&p.mode=k&p.k=3&pr=-1');
    await page.getByRole('list', { name: 'Path results' }).waitFor();
    await page.getByTestId('path-layout').click();
    await settled(page);
    const lanes = await pathXs(page);
    expect(lanes.length).toBeGreaterThan(1);
    for (const xs of lanes) for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
    await shot(page, 'path-layout-k3');
    await page.context().close();
  });
});

describe('the path card', () => {
  it('is a picture of the path with its quotes as footnotes, nothing cut at the right or bottom edge', async () => {
    const page = await openAt(1440, 900, '#from=high-flyer&to=jd-cloud&lang=zh');
    await page.getByRole('list', { name: '路径结果' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('path-card-0').click()]);
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    mkdirSync('test-results/exports', { recursive: true });
    writeFileSync('test-results/exports/path-card-high-flyer-jd-cloud-zh.png', bytes);
    const size = pngSize(bytes);
    expect(size.width).toBeGreaterThanOrEqual(1440);
    // The margins along the right and bottom edges (12 px at 2×) are blank: no line of text or shape runs into them.
    const inked = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      const blank = (x: number, y: number, w: number, h: number): boolean =>
        ctx.getImageData(x, y, w, h).data.every((v, i) => i % 4 === 3 || v > 245);
      return {
        right: !blank(image.width - 24, 0, 24, image.height),
        bottom: !blank(12, image.height - 24, image.width - 12, 24),
        // The path itself is drawn: coloured pixels in the band under the title.
        drawing: !blank(12, 60, image.width - 12, 120),
      };
    }, Buffer.from(bytes).toString('base64'));
    expect(inked).toEqual({ right: false, bottom: false, drawing: true });
    await page.context().close();
  });
});

describe('phones and tablets', () => {
  for (const [width, height] of [
    [390, 844],
    [768, 1024],
  ] as const) {
    it(`at ${width}×${height}: the graph keeps ≥ 55% of the height with the bottom sheet open on a selection, which stays in view`, async () => {
      const page = await openAt(width, height);
      const sheet = page.getByTestId('sheet-handle');
      expect(await sheet.getAttribute('aria-expanded')).toBe('false');
      await evalKg(page, "(explorer.selectEntity('jd-cloud'), true)");
      await expect.poll(() => sheet.getAttribute('aria-expanded')).toBe('true');
      await expect.poll(() => page.getByTestId('details-name').isVisible()).toBe(true);
      await settled(page);
      const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
      expect(canvas.height).toBeGreaterThanOrEqual(height * 0.55);
      // The selected entity is inside the (shorter) canvas, not under the sheet.
      const at = await evalKg<{ x: number; y: number }>(page, "cy.getElementById('jd-cloud').renderedPosition()");
      expect(at.y).toBeGreaterThan(0);
      expect(at.y).toBeLessThan(canvas.height);
      expect(at.x).toBeGreaterThan(0);
      expect(at.x).toBeLessThan(canvas.width);
      // The status line is in the sheet's bar, not over the canvas.
      expect(await page.locator('.stage .status').isVisible()).toBe(false);
      await shot(page, `sheet-open-${width}x${height}`);
      await sheet.click();
      await expect.poll(() => sheet.getAttribute('aria-expanded')).toBe('false');
      await page.context().close();
    });
  }

  it('at 390×844: secondary actions sit in a ⋯ menu that opens, works and closes from the keyboard', async () => {
    const page = await openAt(390, 844);
    const more = page.getByTestId('more-actions');
    expect(await page.getByTestId('reset').isVisible()).toBe(false);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('reset').isVisible()).toBe(true);
    await shot(page, 'phone-menu-open');
    await page.keyboard.press('Escape');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('more-actions');
    // An action from the menu runs and closes it.
    await page.keyboard.press('Enter');
    await page.getByTestId('lang').click();
    await expect.poll(() => evalKg(page, 'explorer.lang')).toBe('zh');
    await expect.poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await page.context().close();
  });
});
