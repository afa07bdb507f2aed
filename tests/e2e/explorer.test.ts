// Explorer scenarios in Chromium: search in any language, click through relations, focus, filters, language,
// keyboard-only walking, and the view restored from the URL. Each ends with model assertions and a screenshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { doubleClick, evalKg, settled, shot, startSession, waitForGraph } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

const selected = (page: Page): Promise<string | undefined> => evalKg(page, 'explorer.entity');
const visibleNodes = (page: Page): Promise<number> => evalKg(page, "cy.nodes().filter(n => !n.hasClass('hidden')).length");

async function searchAndPick(page: Page, text: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search entities' });
  await box.fill(text);
  await page.getByRole('listbox').waitFor();
  await box.press('Enter');
}

/** Clicks a node on the canvas with the real mouse, at its rendered position. */
async function clickNode(page: Page, id: string, double = false): Promise<void> {
  const pos = await evalKg<{ x: number; y: number }>(page, `cy.getElementById(${JSON.stringify(id)}).renderedPosition()`);
  const box = (await page.getByTestId('graph-canvas').boundingBox())!;
  if (double) await doubleClick(page, box.x + pos.x, box.y + pos.y);
  else await page.mouse.click(box.x + pos.x, box.y + pos.y);
}

describe('search', () => {
  const cases: Array<[string, string, string]> = [
    ['a Chinese name', '幻方量化', 'high-flyer'],
    ['an English alias', 'Robin Li', 'li-yanhong'],
    ['pinyin without tones', 'liang wenfeng', 'liang-wenfeng'],
    ['pinyin joined', 'jingdongyun', 'jd-cloud'],
    ['a typo', 'Alibabba', 'alibaba'],
    ['a variant spelling from the article', '梁云峰', 'liang-wenfeng'],
  ];
  for (const [what, query, id] of cases) {
    it(`finds an entity by ${what} ("${query}") and opens its details`, async () => {
      const page = await session.newPage();
      await searchAndPick(page, query);
      expect(await selected(page)).toBe(id);
      await expect.poll(() => page.getByTestId('details-name').textContent()).toBeTruthy();
      await shot(page, `search-${id}-${what.replace(/\W+/g, '-')}`);
      await page.close();
    });
  }

  it('treats regular-expression characters as plain text', async () => {
    const page = await session.newPage();
    const box = page.getByRole('combobox', { name: 'Search entities' });
    for (const q of ['(a+)+$', '[broken', 'C++', '.*', 'x'.repeat(500)]) {
      await box.fill(q);
      await expect.poll(() => page.getByRole('listbox').isVisible()).toBe(true);
    }
    expect(session.errors).toEqual([]);
    await page.close();
  });
});

describe('clicking through relations', () => {
  it('walks three relations from the details panel', async () => {
    const page = await session.newPage('#e=high-flyer');
    const walk = ['deepseek', 'deepseek-r1', 'jd-cloud'];
    for (const id of walk) {
      await page.getByTestId('relation-list').locator(`[data-other="${id}"]`).first().click();
      expect(await selected(page)).toBe(id);
    }
    expect(page.url()).toContain('e=jd-cloud');
    await shot(page, 'panel-walk-jd-cloud');
    await page.close();
  });

  it('walks three relations on the canvas and shows an edge’s evidence', async () => {
    const page = await session.newPage();
    for (const id of ['deepseek', 'high-flyer', 'liang-wenfeng']) {
      await evalKg(page, `cy.getElementById(${JSON.stringify(id)}).nonempty()`);
      await clickNode(page, id);
      expect(await selected(page)).toBe(id);
    }
    // An edge click shows the relation with its quote.
    const edge = 'high-flyer--funds--deepseek';
    const mid = await evalKg<{ x: number; y: number }>(page, `cy.getElementById('${edge}').renderedMidpoint()`);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.click(box.x + mid.x, box.y + mid.y);
    expect(await evalKg(page, 'explorer.relation')).toBe(edge);
    await expect.poll(() => page.getByTestId('details').textContent()).toContain('幻方量化');
    await shot(page, 'canvas-walk-edge-evidence');
    await page.close();
  });
});

describe('focus', () => {
  it('expands an entity to depth 2 by double-click and button, hiding the rest', async () => {
    const page = await session.newPage();
    const total = await visibleNodes(page);
    await clickNode(page, 'jd-cloud', true);
    expect(await evalKg(page, 'explorer.depth')).toBe(1);
    const depth1 = await visibleNodes(page);
    await page.getByTestId('focus-2').click();
    const depth2 = await visibleNodes(page);
    expect(depth1).toBeLessThan(depth2);
    expect(depth2).toBeLessThan(total);
    const visible = await evalKg<string[]>(page, "cy.nodes().filter(n => !n.hasClass('hidden')).map(n => n.id())");
    expect(visible).toEqual(expect.arrayContaining(['jd-cloud', 'deepseek-r1', 'deepseek']));
    expect(page.url()).toContain('d=2');
    await page.getByTestId('fit').click();
    await settled(page);
    await shot(page, 'focus-jd-cloud-depth-2');
    await page.close();
  });
});

describe('filters', () => {
  it('hides an entity type and counts stay visible in the legend', async () => {
    const page = await session.newPage();
    const before = await visibleNodes(page);
    const countries = await evalKg<number>(page, "explorer.compiled.entities.filter(e => e.type === 'country').length");
    await page.getByTestId('etype-country').uncheck();
    expect(await visibleNodes(page)).toBe(before - countries);
    expect(page.url()).toContain('ht=country');
    await shot(page, 'filter-no-countries');
    await page.close();
  });

  it('shows facts only, then opinions too, with dashed opinion edges', async () => {
    const page = await session.newPage();
    await page.getByTestId('modality-factsOnly').check();
    const shown = await evalKg<string[]>(page, "[...new Set(cy.edges().filter(e => !e.hasClass('hidden')).map(e => e.data('modality')))]");
    expect(shown).toEqual(['fact']);
    await page.getByTestId('modality-withOpinions').check();
    const shown2 = await evalKg<string[]>(
      page,
      "[...new Set(cy.edges().filter(e => !e.hasClass('hidden')).map(e => e.data('modality')))].sort()",
    );
    expect(shown2).toEqual(['fact', 'opinion']);
    expect(await evalKg(page, "cy.edges('.opinion').first().style('line-style')")).toBe('dashed');
    await shot(page, 'filter-facts-and-opinions');
    await page.close();
  });
});

describe('language', () => {
  it('switches labels and UI text to Chinese and back', async () => {
    const page = await session.newPage('#e=deepseek');
    await page.getByTestId('lang').click();
    expect(await evalKg(page, "cy.getElementById('jd-cloud').data('label')")).toBe('京东云');
    await expect.poll(() => page.getByRole('combobox', { name: '搜索实体' }).isVisible()).toBe(true);
    expect(page.url()).toContain('lang=zh');
    await shot(page, 'language-zh');
    await page.getByTestId('lang').click();
    expect(await evalKg(page, "cy.getElementById('jd-cloud').data('label')")).toBe('JD Cloud');
    await page.close();
  });
});

describe('keyboard only', () => {
  it('searches, then walks along relations with arrow keys and Enter, moving the canvas selection', async () => {
    const page = await session.newPage();
    await page.keyboard.press('Tab');
    await page.keyboard.type('High-Flyer');
    await page.keyboard.press('Enter');
    expect(await selected(page)).toBe('high-flyer');
    const first = page.getByTestId('relation-list').locator('[data-rel]').first();
    await first.focus();
    const relation = await evalKg<string>(page, 'explorer.relation');
    expect(await evalKg(page, `cy.getElementById('${relation}').hasClass('selected')`)).toBe(true);
    await page.keyboard.press('Enter');
    const next = await selected(page);
    expect(next).not.toBe('high-flyer');
    await page.keyboard.press('ArrowDown');
    const moved = await evalKg<string>(page, 'explorer.relation');
    expect(moved).toBeTruthy();
    await shot(page, 'keyboard-walk');
    await page.close();
  });
});

describe('the view in the URL', () => {
  it('reload restores selection, focus, filters and language; back and forward retrace the walk', async () => {
    const page = await session.newPage('#e=deepseek&d=1&ht=country&m=fact,opinion&lang=zh');
    expect(await selected(page)).toBe('deepseek');
    expect(await evalKg(page, 'explorer.depth')).toBe(1);
    expect(await evalKg(page, 'explorer.lang')).toBe('zh');
    await page.reload();
    await waitForGraph(page);
    expect(await selected(page)).toBe('deepseek');
    expect(await evalKg(page, 'explorer.hiddenEntityTypes')).toEqual(['country']);
    await page.getByTestId('relation-list').locator('[data-other="high-flyer"]').first().click();
    expect(await selected(page)).toBe('high-flyer');
    await page.goBack();
    await expect.poll(() => selected(page)).toBe('deepseek');
    await page.goForward();
    await expect.poll(() => selected(page)).toBe('high-flyer');
    await shot(page, 'url-restored');
    await page.close();
  });

  it('opens a malformed or stale link with defaults and a notice, keeping the valid parts', async () => {
    const page = await session.newPage('#e=no-such-entity&d=99&lang=zh&%E0%A4%A=1&__proto__=x');
    await expect.poll(() => page.getByTestId('notice').isVisible()).toBe(true);
    expect(await selected(page)).toBeUndefined();
    expect(await evalKg(page, 'explorer.lang')).toBe('zh');
    expect(await evalKg(page, 'cy.nodes().length')).toBeGreaterThan(50);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('x');
    await shot(page, 'malformed-link');
    await page.close();
  });
});

describe('tablet', () => {
  it('taps to select and long-presses to expand on a touch screen, with the panel below the graph', async () => {
    const context = await session.browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    page.on('pageerror', (e) => session.errors.push(e.message));
    await page.goto(session.baseUrl);
    await waitForGraph(page);
    const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
    // The panels are a bottom sheet under the graph.
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    expect(sheet.y).toBeGreaterThan(canvas.y + canvas.height / 2);
    const at = await evalKg<{ x: number; y: number }>(page, "cy.getElementById('deepseek').renderedPosition()");
    await page.touchscreen.tap(canvas.x + at.x, canvas.y + at.y);
    await expect.poll(() => evalKg(page, 'explorer.entity')).toBe('deepseek');
    // The sheet opens and the canvas, now shorter, centres the selection: find it again.
    await settled(page);
    const shorter = (await page.getByTestId('graph-canvas').boundingBox())!;
    const now = await evalKg<{ x: number; y: number }>(page, "cy.getElementById('deepseek').renderedPosition()");
    // Long press: touch, hold, release.
    const cdp = await context.newCDPSession(page);
    const point = { x: shorter.x + now.x, y: shorter.y + now.y };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    // Held until the long press has taken effect, however long the machine takes to notice it.
    await expect.poll(() => evalKg(page, 'explorer.depth')).toBe(1);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    expect(await evalKg(page, 'explorer.depth')).toBe(1);
    await shot(page, 'tablet-long-press-focus');
    await context.close();
  });
});
