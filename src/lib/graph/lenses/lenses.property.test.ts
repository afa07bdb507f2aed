// Property tests on random small graphs: betweenness against a brute-force count of shortest paths, and invariants.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asOfBound, relationsAsOf } from './as-of.ts';
import { betweenness } from './betweenness.ts';
import { degree } from './degree.ts';
import { shape } from './lenses.fixture.ts';
import { louvainCommunities } from './louvain-communities.ts';
import { pagerank } from './pagerank.ts';
import { simpleGraph } from './simple-graph.ts';
import { weightedDegree } from './weighted-degree.ts';

const RUNS = { seed: 20250301, numRuns: 150 } as const;
const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const DATES = ['', '@2019', '@2020-05', '@2020s', '@2021-02-03'];

/** A random graph in `shape` notation: some entities, links of both kinds, parallels, self-links and dates. */
const specArbitrary = fc
  .record({
    lone: fc.subarray(IDS),
    links: fc.array(fc.tuple(fc.nat(6), fc.constantFrom('-', '>'), fc.nat(6), fc.constantFrom(...DATES)), { maxLength: 14 }),
  })
  .map(({ lone, links }) =>
    [...lone.map((id) => `+${id}`), ...links.map(([s, arrow, t, date]) => `${IDS[s]}${arrow}${IDS[t]}${date}`)].join(' '),
  )
  .filter((spec) => spec.trim() !== '');

/** Brute force: distances and path counts by BFS from every entity, then Σ σ(s,v)·σ(v,t)/σ(s,t) over ordered pairs. */
function bruteBetweenness(neighbours: Map<string, string[]>): Map<string, number> {
  const nodes = [...neighbours.keys()];
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const dist = new Int32Array(n * n).fill(-1);
  const sigma = new Float64Array(n * n);
  for (let s = 0; s < n; s++) {
    dist[s * n + s] = 0;
    sigma[s * n + s] = 1;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i]!;
      for (const name of neighbours.get(nodes[u]!)!) {
        const w = index.get(name)!;
        if (dist[s * n + w] === -1) {
          dist[s * n + w] = dist[s * n + u]! + 1;
          queue.push(w);
        }
        if (dist[s * n + w] === dist[s * n + u]! + 1) sigma[s * n + w]! += sigma[s * n + u]!;
      }
    }
  }
  const result = new Float64Array(n);
  for (let s = 0; s < n; s++)
    for (let t = 0; t < n; t++) {
      const st = dist[s * n + t]!;
      if (s === t || st === -1) continue;
      for (let v = 0; v < n; v++) {
        if (v === s || v === t) continue;
        const sv = dist[s * n + v]!;
        const vt = dist[v * n + t]!;
        if (sv === -1 || vt === -1 || sv + vt !== st) continue;
        result[v]! += (sigma[s * n + v]! * sigma[v * n + t]!) / sigma[s * n + t]!;
      }
    }
  return new Map(nodes.map((id, i) => [id, result[i]!]));
}

describe('lens properties', () => {
  it('betweenness equals a brute-force count of shortest paths, directed or not', () => {
    fc.assert(
      fc.property(specArbitrary, fc.boolean(), (spec, directed) => {
        const graph = shape(spec);
        const simple = simpleGraph(graph, { directed });
        const neighbours = new Map(simple.mapNodes((id) => [id, directed ? simple.outNeighbors(id) : simple.neighbors(id)]));
        const expected = bruteBetweenness(neighbours);
        // Unnormalised undirected betweenness counts each unordered pair once; the brute force counts ordered pairs.
        const actual = betweenness(graph, { directed, normalized: false });
        for (const [id, value] of expected) expect(actual.get(id)).toBeCloseTo(directed ? value : value / 2, 9);
      }),
      RUNS,
    );
  });

  it('counts beyond 2³² shortest paths without overflowing (a 20 × 20 grid, against the brute force)', () => {
    const links: string[] = [];
    for (let i = 0; i < 20; i++)
      for (let j = 0; j < 20; j++) {
        if (i < 19) links.push(`g${i}.${j}-g${i + 1}.${j}`);
        if (j < 19) links.push(`g${i}.${j}-g${i}.${j + 1}`);
      }
    const graph = shape(links.join(' '));
    const simple = simpleGraph(graph);
    const expected = bruteBetweenness(new Map(simple.mapNodes((id) => [id, simple.neighbors(id)])));
    const actual = betweenness(graph, { normalized: false });
    for (const [id, value] of expected) expect(actual.get(id)! / (value / 2)).toBeCloseTo(1, 9);
  });

  it('PageRank sums to 1 and is never negative', () => {
    fc.assert(
      fc.property(specArbitrary, fc.boolean(), (spec, directed) => {
        const values = [...pagerank(shape(spec), { directed }).values()];
        expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
        expect(values.every((v) => v >= 0)).toBe(true);
      }),
      RUNS,
    );
  });

  it('degrees sum to twice the related pairs, weighted degrees to twice the relations between different entities', () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const graph = shape(spec);
        const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
        expect(sum(degree(graph))).toBe(2 * simpleGraph(graph).size);
        expect(sum(weightedDegree(graph))).toBe(2 * graph.filterEdges((_, __, s, t) => s !== t).length);
        expect(sum(degree(graph, { direction: 'in' }))).toBe(sum(degree(graph, { direction: 'out' })));
      }),
      RUNS,
    );
  });

  it('Louvain puts every entity in exactly one community, numbered by size, the same on every run', () => {
    fc.assert(
      fc.property(specArbitrary, fc.nat(1000), (spec, seed) => {
        const graph = shape(spec);
        const result = louvainCommunities(graph, { seed });
        expect(result.communities.flatMap((c) => c.members).sort()).toEqual(graph.nodes().sort());
        expect(result.communities.map((c) => c.id)).toEqual(result.communities.map((_, i) => i));
        for (let i = 1; i < result.communities.length; i++) {
          expect(result.communities[i - 1]!.size).toBeGreaterThanOrEqual(result.communities[i]!.size);
        }
        expect(louvainCommunities(graph, { seed })).toEqual(result);
      }),
      RUNS,
    );
  });

  it('as of a later date keeps every relation kept as of an earlier one', () => {
    const dates = fc.constantFrom('2018', '2019-12', '2020', '2020-05-31', '2021', '2020s', '2021-02-02');
    fc.assert(
      fc.property(specArbitrary, dates, dates, fc.boolean(), (spec, x, y, includeUndated) => {
        const [earlier, later] = asOfBound(x) <= asOfBound(y) ? [x, y] : [y, x];
        const graph = shape(spec);
        const then = relationsAsOf(graph, earlier, { includeUndated });
        const now = relationsAsOf(graph, later, { includeUndated });
        for (const id of then) expect(now.has(id)).toBe(true);
      }),
      RUNS,
    );
  });
});
