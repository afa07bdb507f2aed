import { describe, expect, it } from 'vitest';
import { UnionFind } from './components.ts';

describe('UnionFind', () => {
  it('numbers components by first member and lists sizes largest first', () => {
    const sets = new UnionFind(6);
    sets.union(4, 5);
    sets.union(1, 2);
    sets.union(2, 4);
    const { component, sizes } = sets.components();
    expect([...component]).toEqual([0, 1, 1, 2, 1, 1]);
    expect(sizes).toEqual([4, 1, 1]);
  });

  it('keeps a long chain in one component', () => {
    const n = 10_000;
    const sets = new UnionFind(n);
    for (let i = 1; i < n; i++) sets.union(i - 1, i);
    expect(sets.components().sizes).toEqual([n]);
  });
});
