// Degree: distinct related entities, by direction, raw or normalised — on a star, a path and a triangle with a tail.
import { describe, expect, it } from 'vitest';
import { degree } from './degree.ts';
import { rounded, shape } from './lenses.fixture.ts';

const star = () => shape('h-l1 h-l2 h-l3 h-l4');
const path4 = () => shape('a-b b-c c-d');
const triangleWithTail = () => shape('a-b b-c c-a c-d');

describe('degree', () => {
  it('gives the centre of a star its number of leaves and every leaf 1', () => {
    expect(rounded(degree(star()))).toEqual({ h: 4, l1: 1, l2: 1, l3: 1, l4: 1 });
  });

  it('gives the ends of a path of 4 one and the middle two', () => {
    expect(rounded(degree(path4()))).toEqual({ a: 1, b: 2, c: 2, d: 1 });
  });

  it('gives the triangle corner with the tail 3', () => {
    expect(rounded(degree(triangleWithTail()))).toEqual({ a: 2, b: 2, c: 3, d: 1 });
  });

  it('normalises by entities − 1, so the centre of a star scores 1', () => {
    expect(rounded(degree(star(), { normalized: true }))).toEqual({ h: 1, l1: 0.25, l2: 0.25, l3: 0.25, l4: 0.25 });
  });

  it('counts several relations with the same entity once', () => {
    expect(rounded(degree(shape('a>b a-b b>a')))).toEqual({ a: 1, b: 1 });
  });

  it('counts incoming and outgoing relations apart, symmetric ones both ways', () => {
    const graph = shape('a>b a>c b-c');
    expect(rounded(degree(graph, { direction: 'in' }))).toEqual({ a: 0, b: 2, c: 2 });
    expect(rounded(degree(graph, { direction: 'out' }))).toEqual({ a: 2, b: 1, c: 1 });
  });

  it('gives an entity without relations 0, and a lone entity 1 when normalised (as networkx does)', () => {
    expect(rounded(degree(shape('a-b +c')))).toEqual({ a: 1, b: 1, c: 0 });
    expect(rounded(degree(shape('+a'), { normalized: true }))).toEqual({ a: 1 });
  });

  it('counts only relations in scope', () => {
    expect(rounded(degree(path4(), { edgeFilter: (id) => id !== 'r1' }))).toEqual({ a: 1, b: 1, c: 1, d: 1 });
  });
});
