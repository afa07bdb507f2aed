// Louvain communities: two cliques split apart, the same seed giving the same answer, ids and labels stable.
import { describe, expect, it } from 'vitest';
import { shape } from './lenses.fixture.ts';
import { louvainCommunities } from './louvain-communities.ts';

/** Two 4-cliques, p1..p4 and q1..q4, joined by one relation p4–q1. */
const twoCliques = () => shape('p1-p2 p1-p3 p1-p4 p2-p3 p2-p4 p3-p4 q1-q2 q1-q3 q1-q4 q2-q3 q2-q4 q3-q4 p4-q1');

describe('louvainCommunities', () => {
  it('finds the two cliques joined by one relation', () => {
    const { communities } = louvainCommunities(twoCliques());
    expect(communities.map((c) => [...c.members].sort())).toEqual([
      ['p1', 'p2', 'p3', 'p4'],
      ['q1', 'q2', 'q3', 'q4'],
    ]);
  });

  it('reports the modularity of that split: 2 · (6/13 − (13/26)²)', () => {
    expect(louvainCommunities(twoCliques()).modularity).toBeCloseTo(2 * (6 / 13 - 0.25), 12);
  });

  it('gives the same communities for the same data and seed, run after run', () => {
    const graph = shape('a-b b-c c-a c-d d-e e-f f-d f-g g-h h-i i-g a-i b-e');
    const first = louvainCommunities(graph, { seed: 7 });
    const second = louvainCommunities(graph, { seed: 7 });
    expect(second).toEqual(first);
    expect(louvainCommunities(shape('a-b b-c c-a c-d d-e e-f f-d f-g g-h h-i i-g a-i b-e'), { seed: 7 })).toEqual(first);
  });

  it('names each community after its most central member and lists that member first', () => {
    const { communities } = louvainCommunities(twoCliques());
    // The bridge ends are the best connected in each clique.
    expect(communities.map((c) => [c.centre, c.label, c.members[0]])).toEqual([
      ['p4', 'P4', 'p4'],
      ['q1', 'Q1', 'q1'],
    ]);
  });

  it('numbers communities 0..n−1, largest first, then by label', () => {
    const { communities, membership } = louvainCommunities(shape('z1-z2 z2-z3 z3-z1 a1-a2 +m'));
    expect(communities.map((c) => [c.id, c.size, c.label])).toEqual([
      [0, 3, 'Z1'],
      [1, 2, 'A1'],
      [2, 1, 'M'],
    ]);
    expect(membership.get('z2')).toBe(0);
    expect(membership.get('a2')).toBe(1);
    expect(membership.get('m')).toBe(2);
  });

  it('puts every entity in a community of its own, with modularity 0, when there are no relations', () => {
    const result = louvainCommunities(shape('+a +b'));
    expect(result.communities.map((c) => c.members)).toEqual([['a'], ['b']]);
    expect(result.modularity).toBe(0);
  });

  it('falls back to the id when the central member has no English name', () => {
    const graph = shape('a-b');
    graph.forEachNode((id) => graph.setNodeAttribute(id, 'name', { en: '', zh: id === 'a' ? '甲' : '乙' }));
    expect(louvainCommunities(graph).communities[0]!.label).toBe('a');
  });
});
