// Regression on real graphs from ../shared/datasets: the path engine agrees with graphology-shortest-path and counting.
import { describe, expect, it } from 'vitest';
import { bidirectional, undirectedSingleSourceLength } from 'graphology-shortest-path/unweighted';
import { loadDataset, random } from '../../../../bench/paths.bench.ts';
import type { KnowledgeGraph } from '../model.ts';
import { allShortestPaths, kShortestPaths, shortestPath } from './index.ts';

function seededPairs(graph: KnowledgeGraph, count: number, seed: number): [string, string][] {
  const nodes = graph.nodes();
  const next = random(seed);
  const pick = (): string => nodes[Math.floor(next() * nodes.length)]!;
  return Array.from({ length: count }, () => [pick(), pick()]);
}

/** How many shortest walks reach `to` from `from`, counting parallel relations apart (BFS path counting). */
function countShortestPaths(graph: KnowledgeGraph, from: string, to: string): { length: number; count: number } | null {
  const distance = new Map([[from, 0]]);
  const count = new Map([[from, 1]]);
  let frontier = [from];
  while (frontier.length > 0 && !distance.has(to)) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (_edge, _relation, source, target) => {
        const neighbour = source === node ? target : source;
        if (!distance.has(neighbour)) {
          distance.set(neighbour, distance.get(node)! + 1);
          next.push(neighbour);
        }
        if (distance.get(neighbour) === distance.get(node)! + 1) count.set(neighbour, (count.get(neighbour) ?? 0) + count.get(node)!);
      });
    }
    frontier = next;
  }
  return distance.has(to) ? { length: distance.get(to)!, count: count.get(to)! } : null;
}

describe('on the 10,000-entity sigma.js graph', () => {
  const graph = loadDataset('large-graph.json');
  const pairs = seededPairs(graph, 25, 7);

  it('finds forward shortest paths as long as graphology-shortest-path does', () => {
    for (const [a, b] of pairs) {
      const expected = bidirectional(graph, a, b);
      const found = shortestPath(graph, a, b, { direction: 'forward', maxHops: 20 });
      expect(found?.length ?? null).toBe(expected && expected.length <= 21 ? expected.length - 1 : null);
    }
  });

  it('finds shortest paths in either direction as long as an undirected BFS does', () => {
    for (const [a, b] of pairs.slice(0, 10)) {
      const expected = undirectedSingleSourceLength(graph, a)[b];
      expect(shortestPath(graph, a, b, { maxHops: 20 })?.length).toBe(expected);
    }
  });

  it('ranks k shortest simple paths without repeats, the first being the shortest path', () => {
    for (const [a, b] of pairs.slice(0, 10)) {
      const paths = kShortestPaths(graph, a, b, { k: 5, maxHops: 20 });
      const keys = paths.map((p) => p.edges.map((e) => e.id).join(' '));
      expect(new Set(keys).size).toBe(paths.length);
      expect(paths.map((p) => p.length)).toEqual([...paths.map((p) => p.length)].sort((x, y) => x - y));
      for (const path of paths) expect(new Set(path.nodes).size).toBe(path.nodes.length);
      expect(paths[0]).toEqual(shortestPath(graph, a, b, { maxHops: 20 }) ?? undefined);
    }
  });
});

describe('on the euroSIS multigraph (undirected, parallel relations)', () => {
  const graph = loadDataset('euroSIS.json');

  it('lists exactly as many shortest paths as BFS path counting finds', () => {
    for (const [a, b] of seededPairs(graph, 25, 11)) {
      const expected = countShortestPaths(graph, a, b);
      const { paths, truncated } = allShortestPaths(graph, a, b, { maxHops: 20, maxPaths: 100_000 });
      if (truncated) continue;
      expect(paths.length).toBe(expected?.count ?? 0);
      for (const path of paths) expect(path.length).toBe(expected?.length);
    }
  });
});
