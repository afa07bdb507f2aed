// Rankings: highest value first, ties by id, cut to the top N.
import { describe, expect, it } from 'vitest';
import { ranking } from './ranking.ts';

describe('ranking', () => {
  const values = new Map([
    ['b', 1],
    ['c', 3],
    ['a', 1],
    ['d', 2],
  ]);

  it('sorts by value, highest first, breaking ties by id', () => {
    expect(ranking(values).map((r) => r.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('keeps only the top N when asked', () => {
    expect(ranking(values, 2)).toEqual([
      { id: 'c', value: 3 },
      { id: 'd', value: 2 },
    ]);
  });
});
