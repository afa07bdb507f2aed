// Path finding in the browser: From/To from search, results as sentences, highlight on the canvas, evidence per hop,
// a constraint that changes the answer, a no-path explanation, and the query restored from the link.
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

async function pickEnd(page: Page, end: 'From' | 'To', text: string): Promise<void> {
  const box = page.getByRole('combobox', { name: end, exact: true });
  await box.fill(text);
  await page.getByRole('listbox', { name: end, exact: true }).waitFor();
  await box.press('Enter');
}

const results = (page: Page) => page.getByRole('list', { name: 'Path results' });

describe('finding paths from the UI', () => {
  it('finds High-Flyer → JD Cloud, reads it as a sentence, highlights it and shows a hop’s evidence', async () => {
    const page = await session.newPage();
    await pickEnd(page, 'From', '幻方');
    await pickEnd(page, 'To', 'JD Cloud');
    await page.getByTestId('path-find').click();
    await results(page).waitFor();
    const sentence = await page.getByTestId('path-result-0').textContent();
    expect(sentence).toBe('High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud');
    // The path is highlighted on the canvas and the rest fades.
    const highlighted = await evalKg<string[]>(page, "cy.elements('.path').map(e => e.id()).sort()");
    expect(highlighted).toEqual(
      [
        'deepseek',
        'deepseek--releases--deepseek-r1',
        'deepseek-r1',
        'high-flyer',
        'high-flyer--funds--deepseek',
        'jd-cloud',
        'jd-cloud--deploys--deepseek-r1',
      ].sort(),
    );
    expect(await evalKg(page, "cy.getElementById('baidu').hasClass('faded')")).toBe(true);
    // A hop opens its evidence quote with the source.
    await page.getByTestId('path-hop-0-2').click();
    await expect.poll(() => page.getByTestId('path-panel').textContent()).toContain('京东云已正式上线DeepSeek-R1和DeepSeek-V3模型');
    expect(page.url()).toContain('from=high-flyer');
    expect(page.url()).toContain('to=jd-cloud');
    await settled(page);
    await shot(page, 'path-high-flyer-jd-cloud');
    // The link reopens the same paths, highlighted.
    await page.reload();
    await waitForGraph(page);
    await results(page).waitFor();
    expect(await page.getByTestId('path-result-0').textContent()).toBe(sentence);
    expect(await evalKg<number>(page, "cy.elements('.path').length")).toBe(7);
    await page.close();
  });

  it('excluding a relation type from "More options" changes the answer', async () => {
    const page = await session.newPage('#from=high-flyer&to=jd-cloud');
    await results(page).waitFor();
    await page.getByText('More options').click();
    await page.getByTestId('path-exclude-funds').check();
    await page.getByTestId('path-find').click();
    await expect.poll(() => page.getByTestId('path-result-0').textContent()).not.toContain('funds');
    expect(page.url()).toContain('p.exclude-relations=funds');
    await page.close();
  });

  it('explains why there is no path under a hop limit, and finds one when the limit is raised', async () => {
    const page = await session.newPage('#from=high-flyer&to=jd-cloud&p.max-hops=2');
    await expect
      .poll(() => page.getByTestId('path-reason').textContent())
      .toBe('High-Flyer and JD Cloud are connected in 3 hops; your limit is 2.');
    await shot(page, 'path-no-path-reason');
    await page.getByTestId('path-max-hops').fill('3');
    await page.getByTestId('path-max-hops').dispatchEvent('change');
    await page.getByTestId('path-find').click();
    await results(page).waitFor();
    await page.close();
  });

  it('k shortest paths with "Highlight all", and "path from here" from the details panel', async () => {
    const page = await session.newPage('#e=liang-wenfeng');
    await page.getByTestId('path-from-here').click();
    await pickEnd(page, 'To', 'Qwen');
    await page.getByTestId('path-mode').selectOption('k');
    await page.getByTestId('path-find').click();
    await results(page).waitFor();
    const count = await results(page).locator(':scope > li').count();
    expect(count).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Highlight all' }).click();
    expect(page.url()).toContain('pr=-1');
    await settled(page);
    await shot(page, 'path-k-highlight-all');
    await page.close();
  });
});
