// What a relation claims, as a reader sees it: inferred relations marked and hidden by "stated only" (and a path
// through one then takes the stated way round), denials shown in the panel and on the canvas but never walked by a
// path unless asked, questions and background knowledge labelled as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './harness.ts';
import { evalKg, settled, shot, startSession } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

const shown = (id: string): string => `!cy.getElementById(${JSON.stringify(id)}).hasClass('hidden')`;

describe('stated or inferred', () => {
  it('"stated only" hides inferred relations, and a path through one changes to the stated way round', async () => {
    const page = await session.newPage('#from=deepseek-llm-appliance&to=deepseek');
    const first = page.getByTestId('path-result-0');
    await expect.poll(() => first.textContent()).toBe('DeepSeek LLM All-in-One Appliance —uses (inferred)→ DeepSeek');
    expect(await evalKg<boolean>(page, shown('deepseek-llm-appliance--uses--deepseek'))).toBe(true);
    expect(await evalKg<boolean>(page, "cy.getElementById('deepseek-llm-appliance--uses--deepseek').hasClass('inferred')")).toBe(true);

    await page.getByTestId('stated-only').check();
    await expect.poll(() => first.textContent()).not.toContain('(inferred)');
    const sentence = (await first.textContent())!;
    expect(sentence.startsWith('DeepSeek LLM All-in-One Appliance ←releases— JD Cloud')).toBe(true);
    expect(sentence.endsWith('DeepSeek')).toBe(true);
    expect(await evalKg<boolean>(page, shown('deepseek-llm-appliance--uses--deepseek'))).toBe(false);
    expect(await evalKg<number>(page, "cy.edges('.inferred').filter(e => !e.hasClass('hidden')).length")).toBe(0);
    expect(page.url()).toContain('basis=stated');
    await settled(page);
    await shot(page, 'fidelity-stated-only-path');

    // The link carries the filter: reopening it gives the same stated path.
    const again = await session.newPage(new URL(page.url()).hash);
    await expect.poll(() => again.getByTestId('path-result-0').textContent()).toBe(sentence);
    await again.close();
    await page.close();
  });

  it('shows why an inferred relation is inferred, with the note, in its evidence', async () => {
    const page = await session.newPage('#e=deepseek-llm-appliance&r=deepseek-llm-appliance--uses--deepseek');
    await expect.poll(() => page.getByTestId('evidence-inferred').first().textContent()).toContain('Inferred, not stated by the source');
    expect(await page.getByTestId('evidence-inferred').first().textContent()).toContain('large-model appliance');
    await page.close();
  });
});

describe('what the source denies', () => {
  it('lists a denial in DeepSeek’s panel and draws it in its own style', async () => {
    const page = await session.newPage('#e=deepseek');
    const item = page.locator('[data-rel="outside-investors--invests-in--deepseek"]');
    await expect.poll(() => item.textContent()).toContain('the source says not');
    expect(await item.textContent()).toContain('Outside investors');
    const edge = "cy.getElementById('outside-investors--invests-in--deepseek')";
    expect(await evalKg<boolean>(page, `${edge}.hasClass('negated') && !${edge}.hasClass('hidden')`)).toBe(true);
    expect(await evalKg<string>(page, `${edge}.data('label')`)).toBe('✕ invests in');
    expect(await evalKg<string>(page, `${edge}.style('target-arrow-shape')`)).toBe('tee');
    // DeepSeek is selected, so its relations are emphasised; the denial keeps its red.
    await expect.poll(() => evalKg<boolean>(page, `${edge}.hasClass('neighbour')`)).toBe(true);
    expect(await evalKg<string>(page, `${edge}.style('line-color')`)).toBe('rgb(185,28,28)');
    await settled(page);
    await shot(page, 'fidelity-deepseek-denials');
    // "Show what the source denies" off: the line goes, and comes back.
    await page.getByTestId('show-negated').uncheck();
    await expect.poll(() => evalKg<boolean>(page, `${edge}.hasClass('hidden')`)).toBe(true);
    expect(page.url()).toContain('neg=hide');
    await page.getByTestId('show-negated').check();
    await expect.poll(() => evalKg<boolean>(page, `${edge}.hasClass('hidden')`)).toBe(false);
    await page.close();
  });

  it('never walks a denial in a path by default, says why, and walks it only when asked', async () => {
    const page = await session.newPage('#from=outside-investors&to=deepseek');
    await expect
      .poll(() => page.getByTestId('path-reason').textContent())
      .toBe('Outside investors and DeepSeek are connected only through a relation the source denies.');
    expect(await evalKg<number>(page, "cy.elements('.path').length")).toBe(0);

    await page.getByText('More options').click();
    await page.getByTestId('path-negated').check();
    await page.getByTestId('path-find').click();
    await expect
      .poll(() => page.getByTestId('path-result-0').textContent())
      .toBe('Outside investors —invests in (the source says not)→ DeepSeek');
    expect(page.url()).toContain('p.negated=include');
    await page.close();
  });

  it('keeps every default path from DeepSeek free of denials', async () => {
    const page = await session.newPage('#from=high-flyer&to=jd-cloud');
    await expect
      .poll(() => page.getByTestId('path-result-0').textContent())
      .toBe('High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud');
    expect(await evalKg<number>(page, "cy.edges('.path.negated').length")).toBe(0);
    await page.close();
  });
});

describe('questions and background', () => {
  it('reads a question as asked, not forecast', async () => {
    const page = await session.newPage('#e=chinese-regulators&r=chinese-regulators--regulates--deepseek');
    const edge = "cy.getElementById('chinese-regulators--regulates--deepseek')";
    expect(await evalKg<boolean>(page, `${edge}.hasClass('question')`)).toBe(true);
    expect(await evalKg<string>(page, `${edge}.data('label')`)).toBe('regulates ?');
    await expect.poll(() => page.getByTestId('details').textContent()).toContain('question (the source asks)');
    await page.close();
  });

  it('shows background knowledge apart from the sourced description', async () => {
    const page = await session.newPage('#e=jd-cloud');
    await expect.poll(() => page.getByTestId('details-background').textContent()).toContain('Background (not from the source)');
    expect(await page.getByTestId('details-background').textContent()).toContain('JD.com');
    expect(await page.locator('.description').textContent()).not.toContain('JD.com');
    await page.close();
  });
});
