// Betweenness against hand counts: a path, a star, a path of 4, a triangle with a tail, and direction.
import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness.ts';
import { rounded, shape } from './lenses.fixture.ts';

describe('betweenness', () => {
  it('gives the middle of a-b-c 1, normalised or not (1 pair, 1 path; normalised 2 / (2·1))', () => {
    expect(rounded(betweenness(shape('a-b b-c')))).toEqual({ a: 0, b: 1, c: 0 });
    expect(rounded(betweenness(shape('a-b b-c'), { normalized: false }))).toEqual({ a: 0, b: 1, c: 0 });
  });

  it('gives the centre of a 4-leaf star the 6 leaf pairs, 1 when normalised', () => {
    const star = shape('h-l1 h-l2 h-l3 h-l4');
    expect(betweenness(star, { normalized: false }).get('h')).toBe(6);
    expect(betweenness(star).get('h')).toBeCloseTo(1, 12);
    expect(betweenness(star).get('l1')).toBe(0);
  });

  it('gives the middles of a path of 4 two pairs each, 2/3 normalised', () => {
    expect(rounded(betweenness(shape('a-b b-c c-d'), { normalized: false }))).toEqual({ a: 0, b: 2, c: 2, d: 0 });
    expect(rounded(betweenness(shape('a-b b-c c-d')))).toEqual({ a: 0, b: 0.666667, c: 0.666667, d: 0 });
  });

  it('credits only the corner that leads to the tail of a triangle', () => {
    expect(rounded(betweenness(shape('a-b b-c c-a c-d'), { normalized: false }))).toEqual({ a: 0, b: 0, c: 2, d: 0 });
  });

  it('splits credit between equally short routes', () => {
    // a–b–d and a–c–d: each middle carries half of the a–d pair.
    expect(rounded(betweenness(shape('a-b b-d a-c c-d'), { normalized: false }))).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
  });

  it('walks relations either way by default and only forward when directed', () => {
    const chain = shape('a>b c>b');
    expect(betweenness(chain, { normalized: false }).get('b')).toBe(1);
    expect(betweenness(chain, { directed: true, normalized: false }).get('b')).toBe(0);
    // Directed a→b→c: one ordered pair through b, normalised by (n−1)(n−2) = 2.
    expect(betweenness(shape('a>b b>c'), { directed: true }).get('b')).toBeCloseTo(0.5, 12);
  });

  it('is not changed by parallel relations', () => {
    expect(rounded(betweenness(shape('a-b a-b a>b b-c')))).toEqual({ a: 0, b: 1, c: 0 });
  });
});
