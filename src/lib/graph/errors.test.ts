// Pins the "did you mean" suggester: the same answers as comparing every candidate, and no quadratic hang on huge input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTION_LENGTH, didYouMean, editDistance } from './errors.ts';

/** The suggester without its shortcuts: compare with every candidate. */
function bruteForce(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

describe('didYouMean', () => {
  it('suggests the closest candidate, ignoring case, within a third of the word’s length', () => {
    expect(didYouMean('fund', ['funds', 'leads', 'competes-with'])).toBe('funds');
    expect(didYouMean('DEEPSEK', ['deepseek', 'baidu'])).toBe('deepseek');
    expect(didYouMean('xyz', ['funds', 'leads'])).toBeUndefined();
  });

  it('gives the same answer as comparing every candidate', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', 'İ'), maxLength: 12 });
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (w, candidates) => {
        expect(didYouMean(w, candidates)).toBe(bruteForce(w, candidates));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('gives no suggestion for a word longer than MAX_SUGGESTION_LENGTH, and returns at once for 1 MB ids', () => {
    const huge = 'a'.repeat(1024 * 1024);
    // Compared in full, these would take hours; the test timeout is the hang guard.
    expect(didYouMean(huge, [`${huge}b`, 'b'.repeat(1024 * 1024)])).toBeUndefined();
    expect(didYouMean('deepseek', [huge, 'deepseek-r1', 'deepsek'])).toBe('deepsek');
    expect(didYouMean('a'.repeat(MAX_SUGGESTION_LENGTH + 1), ['a'.repeat(MAX_SUGGESTION_LENGTH)])).toBeUndefined();
  });
});
