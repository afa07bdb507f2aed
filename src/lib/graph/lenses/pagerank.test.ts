// PageRank against values worked out by hand: a cycle, a star, a path of 4, and direction.
import { describe, expect, it } from 'vitest';
import { rounded, shape } from './lenses.fixture.ts';
import { pagerank } from './pagerank.ts';

const sum = (values: Map<string, number>): number => [...values.values()].reduce((a, b) => a + b, 0);

describe('pagerank', () => {
  it('gives each entity of a 3-cycle 1/3, directed or not', () => {
    const cycle = shape('a>b b>c c>a');
    for (const directed of [false, true]) {
      for (const v of pagerank(cycle, { directed }).values()) expect(v).toBeCloseTo(1 / 3, 9);
    }
  });

  it('gives the centre of a 5-entity star 0.88 / 1.85 and each leaf a quarter of the rest', () => {
    // centre y = 0.15/5 + 0.85·4x, leaf x = 0.15/5 + 0.85·y/4, y + 4x = 1  ⇒  y = 0.88 / 1.85
    const values = pagerank(shape('h-l1 h-l2 h-l3 h-l4'));
    expect(values.get('h')).toBeCloseTo(0.88 / 1.85, 9);
    expect(values.get('l1')).toBeCloseTo((1 - 0.88 / 1.85) / 4, 9);
  });

  it('ranks the middle of a path of 4 at 0.069375 / 0.21375', () => {
    // ends x = 0.0375 + 0.425y, middles y = 0.0375 + 0.85x + 0.425y, 2x + 2y = 1
    const values = pagerank(shape('a-b b-c c-d'));
    expect(values.get('b')).toBeCloseTo(0.069375 / 0.21375, 9);
    expect(values.get('a')).toBeCloseTo(0.5 - 0.069375 / 0.21375, 9);
  });

  it('treats relations as undirected by default, so being funded counts as much as funding', () => {
    expect(rounded(pagerank(shape('a>b')))).toEqual({ a: 0.5, b: 0.5 });
  });

  it('lets rank flow only along relations when directed, the sink spreading its rank evenly', () => {
    // a = 0.075 + 0.425b, b = 0.075 + 0.85a + 0.425b, a + b = 1  ⇒  b = 0.925 / 1.425
    const values = pagerank(shape('a>b'), { directed: true });
    expect(values.get('b')).toBeCloseTo(0.925 / 1.425, 9);
  });

  it('weighs a link by its number of relations unless told not to', () => {
    const graph = shape('a-b a-b a-b b-c');
    const weighted = pagerank(graph);
    const unweighted = pagerank(graph, { weighted: false });
    expect(weighted.get('a')!).toBeGreaterThan(weighted.get('c')!);
    expect(unweighted.get('a')).toBeCloseTo(unweighted.get('c')!, 9);
  });

  it('sums to 1, entities without relations included', () => {
    expect(sum(pagerank(shape('a-b b-c c>d +e +f')))).toBeCloseTo(1, 9);
  });

  it('returns nothing for an empty graph instead of failing to converge', () => {
    expect(pagerank(shape('a-b'), { nodeFilter: () => false }).size).toBe(0);
  });
});
