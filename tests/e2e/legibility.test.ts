// Legibility in Chromium: a selection keeps its neighbourhood emphasised and its relations labelled while the mouse is
// elsewhere (the side panel), until Esc; the in-app ← and → stay inside the app's own history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

/** Clicks a node on the canvas with the real mouse, at its rendered position. */
async function clickNode(page: Page, id: string): Promise<void> {
  const pos = await evalKg<{ x: number; y: number }>(page, `cy.getElementById(${JSON.stringify(id)}).renderedPosition()`);
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
}

/** What the canvas shows of DeepSeek's selection: faded elements, and its neighbours and relations. */
interface Emphasis {
  faded: number;
  fadedNeighbours: string[];
  relations: number;
  unlabelled: string[];
}
const emphasis = (page: Page): Promise<Emphasis> =>
  evalKg<Emphasis>(
    page,
    `(() => {
      const deepseek = cy.getElementById('deepseek');
      const relations = deepseek.connectedEdges().filter((e) => !e.hasClass('hidden'));
      return {
        faded: cy.nodes('.faded').length,
        fadedNeighbours: deepseek.closedNeighborhood().filter((el) => el.hasClass('faded')).map((el) => el.id()),
        relations: relations.length,
        unlabelled: relations.filter((e) => !e.hasClass('labelled') || !e.style('label')).map((e) => e.id()),
      };
    })()`,
  );

describe('selection emphasis', () => {
  it('keeps a clicked entity’s neighbourhood emphasised and its relations labelled with the mouse on the panel, until Esc', async () => {
    const page = await session.newPage();
    await settled(page);
    await clickNode(page, 'deepseek');
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBe('deepseek');
    // The mouse leaves the canvas for the side panel: the hover ends, the selection's emphasis stays.
    await page.getByTestId('details').hover();
    await expect.poll(() => evalKg(page, 'explorer.hover')).toBeUndefined();
    await expect
      .poll(() => emphasis(page))
      .toEqual({ faded: expect.any(Number), fadedNeighbours: [], relations: expect.any(Number), unlabelled: [] });
    const held = await emphasis(page);
    expect(held.faded).toBeGreaterThan(0);
    expect(held.relations).toBeGreaterThan(0);
    await settled(page);
    await shot(page, 'legibility-selection-held');
    await page.keyboard.press('Escape');
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBeUndefined();
    await expect.poll(() => evalKg(page, "cy.elements('.faded, .labelled, .neighbour').length")).toBe(0);
    await page.close();
  });
});

describe('in-app back and forward', () => {
  it('are disabled at the ends of the app’s own history, so ← never leaves the app', async () => {
    const page = await session.newPage();
    const back = page.getByTestId('back');
    const forward = page.getByTestId('forward');
    expect(await back.isDisabled()).toBe(true);
    expect(await forward.isDisabled()).toBe(true);
    await clickNode(page, 'deepseek');
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBe('deepseek');
    await expect.poll(() => back.isEnabled()).toBe(true);
    await back.click();
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBeUndefined();
    await expect.poll(() => back.isDisabled()).toBe(true);
    expect(await forward.isEnabled()).toBe(true);
    expect(page.url().startsWith(session.baseUrl)).toBe(true);
    await settled(page);
    await shot(page, 'legibility-back-at-start');
    await page.close();
  });
});

describe('on a phone (390×844)', () => {
  it('searches across the full width with whole names, keeps the buttons on one row and gives the graph over 55% of the screen', async () => {
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    page.on('pageerror', (e: Error) => session.errors.push(e.message));
    await page.goto(session.baseUrl);
    await waitForGraph(page);
    const box = page.getByRole('combobox', { name: 'Search entities' });
    expect((await box.boundingBox())!.width).toBeGreaterThan(390 * 0.9);
    await box.fill('deeps');
    const results = page.getByRole('listbox', { name: 'Search entities' });
    await results.waitFor();
    // DeepSeek, DeepSeek-R1 and DeepSeek-V3 can be told apart: their names are not cut.
    const names = await results
      .locator('.names')
      .evaluateAll((els) => els.map((el) => ({ text: (el.textContent ?? '').trim(), cut: el.scrollWidth > el.clientWidth })));
    for (const name of ['DeepSeek', 'DeepSeek-R1', 'DeepSeek-V3']) {
      const shown = names.find((n) => n.text === name || n.text.startsWith(`${name} `));
      expect(shown, name).toMatchObject({ cut: false });
    }
    await shot(page, 'phone-search');
    await box.fill('');
    const tops = await page
      .getByRole('toolbar', { name: 'View' })
      .locator('button:visible')
      .evaluateAll((buttons) => buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    expect(canvas.height).toBeGreaterThan(844 * 0.55);
    await context.close();
  });
});
