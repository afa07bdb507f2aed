// Weighted degree: how many relations an entity takes part in, or their summed imported weights.
import { describe, expect, it } from 'vitest';
import { rounded, shape } from './lenses.fixture.ts';
import { weightedDegree } from './weighted-degree.ts';

describe('weightedDegree', () => {
  it('equals degree when every pair has one relation (a star)', () => {
    expect(rounded(weightedDegree(shape('h-l1 h-l2 h-l3 h-l4')))).toEqual({ h: 4, l1: 1, l2: 1, l3: 1, l4: 1 });
  });

  it('counts each of several relations between the same entities', () => {
    expect(rounded(weightedDegree(shape('a-b b-c c-a c-d a>b b>a')))).toEqual({ a: 4, b: 4, c: 3, d: 1 });
  });

  it('sums imported weights instead of counting', () => {
    expect(rounded(weightedDegree(shape('a-b*3 b-c*0.5')))).toEqual({ a: 3, b: 3.5, c: 0.5 });
  });

  it('does not count a self-relation', () => {
    expect(rounded(weightedDegree(shape('a>a a-b')))).toEqual({ a: 1, b: 1 });
  });

  it('counts incoming and outgoing relations apart', () => {
    const graph = shape('a>b a>b b-c');
    expect(rounded(weightedDegree(graph, { direction: 'in' }))).toEqual({ a: 0, b: 3, c: 1 });
    expect(rounded(weightedDegree(graph, { direction: 'out' }))).toEqual({ a: 2, b: 1, c: 1 });
  });
});
