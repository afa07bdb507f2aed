// Pins the text rules of fidelity: which quotes deny, which are questions, which descriptions hold background.
import { describe, expect, it } from 'vitest';
import { expressesNegation, holdsBackground, isQuestion, noteSaysInferred } from './fidelity.ts';

describe('expressesNegation', () => {
  it.each([
    'DeepSeek没有外部投资者',
    '这不是一个政府背景的项目',
    '中国尚未推出',
    '还缺乏具体指导',
    'The US will not monopolise AI',
    'It has no investors',
    "It isn't so",
  ])('finds the denial in "%s"', (quote) => expect(expressesNegation(quote)).toBe(true));
  it.each(['开源AI在中国的未来如何', '无论是单极还是双极', '非常有意思', 'High-Flyer funds DeepSeek', '不断发展'])(
    'finds none in "%s" (未来, 无论, 非常 and 不断 do not deny)',
    (quote) => expect(expressesNegation(quote)).toBe(false),
  );
});

describe('isQuestion', () => {
  const text = '然而,监管者会以同样的眼光看待它吗?\n监管层会不会为了安全和控制介入?后来。DeepSeek has no investors. Will it last?';
  it('reads a quote ending in a question mark, full-width or not, closing quotes included', () => {
    expect(isQuestion('你们在做一件很疯狂的事吗?”')).toBe(true);
    expect(isQuestion('会发生什么？')).toBe(true);
  });
  it('reads on in the source to the end of the quote’s sentence', () => {
    expect(isQuestion('监管层会不会为了安全和控制介入', text)).toBe(true);
    expect(isQuestion('然而,监管者会以同样的眼光', text)).toBe(true);
  });
  it('stops at the quote’s own full stop and at line ends', () => {
    expect(isQuestion('DeepSeek has no investors.', text)).toBe(false);
    expect(isQuestion('后来', text)).toBe(false);
    expect(isQuestion('not in the text', text)).toBe(false);
  });
});

describe('holdsBackground and noteSaysInferred', () => {
  it.each([
    'A chip (background — x86).',
    'Background, not stated in the article — it makes X.',
    '中国公司（背景：x86）',
    '背景信息：百度产品',
  ])('flags "%s"', (text) => expect(holdsBackground(text)).toBe(true));
  it.each(['<b style="background:url(x)">', 'A white paper with official backing', '一份官方背景的白皮书'])('leaves "%s" alone', (text) =>
    expect(holdsBackground(text)).toBe(false),
  );
  it('reads implied or inferred in a note', () => {
    expect(noteSaysInferred('Implied by the product’s name.')).toBe(true);
    expect(noteSaysInferred('The article implies it.')).toBe(true);
    expect(noteSaysInferred('Early 2000s.')).toBe(false);
  });
});
