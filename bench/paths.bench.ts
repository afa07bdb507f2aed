// Benchmarks the path engine on the 10,000-entity / 20,000-relation dataset: per-query time of each mode.
import { readFileSync } from 'node:fs';
import { MultiGraph } from 'graphology';
import type { KnowledgeGraph } from '../src/lib/graph/model.ts';
import type { RelationAttributes } from '../src/lib/graph/types.ts';
import { allShortestPaths, findPaths, kShortestPaths, shortestPath } from '../src/lib/graph/paths/index.ts';

/** One benchmark row; times in milliseconds per query. */
export interface BenchRow {
  name: string;
  median: number;
  p95: number;
  min: number;
  max: number;
  /** How many of the queries found at least one path, and their median (queries without a path end early). */
  found: number;
  medianFound: number;
  queries: number;
}

interface SerializedGraph {
  nodes: { key: string }[];
  edges: { key?: string; source: string; target: string; undirected?: boolean }[];
}

/**
 * Loads a graphology-serialized dataset from ../shared/datasets as a knowledge graph: entities of type `node`,
 * relations `link` facts, or with `opinionEvery: n` every n-th relation an opinion (so that path ranking has
 * non-fact hops to weigh).
 */
export function loadDataset(file: string, { opinionEvery }: { opinionEvery?: number } = {}): KnowledgeGraph {
  const data = JSON.parse(readFileSync(new URL(`../../shared/datasets/${file}`, import.meta.url), 'utf8')) as SerializedGraph;
  const graph: KnowledgeGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  graph.replaceAttributes({ title: file, entityTypes: [], relationTypes: [], sources: [] });
  for (const { key } of data.nodes) {
    graph.addNode(key, { id: key, type: 'node', name: { en: key, zh: '' }, aliases: [], description: { en: '', zh: '' } });
  }
  data.edges.forEach(({ key, source, target, undirected }, i) => {
    const id = key ?? `e${i}`;
    const modality = opinionEvery !== undefined && i % opinionEvery === 0 ? 'opinion' : 'fact';
    const relation = { id, source, target, type: 'link', modality, evidence: [] } satisfies RelationAttributes;
    if (undirected) graph.addUndirectedEdgeWithKey(id, source, target, relation);
    else graph.addDirectedEdgeWithKey(id, source, target, relation);
  });
  return graph;
}

/** A small seeded PRNG (mulberry32), so every run queries the same pairs. */
import { mulberry32 as random } from '../src/lib/graph/prng.ts';

export { random };

function quantile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function summarize(name: string, times: number[], foundTimes: number[]): BenchRow {
  const round = (ms: number): number => Math.round(ms * 1000) / 1000;
  return {
    name,
    median: round(quantile(times, 0.5)),
    p95: round(quantile(times, 0.95)),
    min: round(quantile(times, 0)),
    max: round(quantile(times, 1)),
    found: foundTimes.length,
    medianFound: round(quantile(foundTimes, 0.5)),
    queries: times.length,
  };
}

/**
 * Times each mode over 100 seeded random pairs (20 when `quick`), after one untimed warm-up pass. The rows marked
 * "a third opinions" run on the same graph with every third relation an opinion.
 */
export async function benchPaths({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const graph = loadDataset('large-graph.json');
  const mixed = loadDataset('large-graph.json', { opinionEvery: 3 });
  const nodes = graph.nodes();
  const next = random(20250120);
  const pairs = Array.from({ length: quick ? 20 : 100 }, () => [
    nodes[Math.floor(next() * nodes.length)]!,
    nodes[Math.floor(next() * nodes.length)]!,
  ]);
  const cases: [string, (from: string, to: string) => number][] = [
    ['shortest (any direction)', (a, b) => (shortestPath(graph, a, b) ? 1 : 0)],
    ['shortest (forward)', (a, b) => (shortestPath(graph, a, b, { direction: 'forward' }) ? 1 : 0)],
    ['shortest, ≤20 hops', (a, b) => (shortestPath(graph, a, b, { maxHops: 20 }) ? 1 : 0)],
    ['all shortest', (a, b) => allShortestPaths(graph, a, b).paths.length],
    ['all shortest, ≤20 hops', (a, b) => allShortestPaths(graph, a, b, { maxHops: 20 }).paths.length],
    ['k=5 simple, ≤6 hops', (a, b) => kShortestPaths(graph, a, b, { k: 5, maxHops: 6 }).length],
    ['k=5 simple, ≤20 hops', (a, b) => kShortestPaths(graph, a, b, { k: 5, maxHops: 20 }).length],
    ['findPaths (paths, common, reason)', (a, b) => findPaths(graph, a, b).paths.length],
    ['shortest, ≤20 hops, a third opinions', (a, b) => (shortestPath(mixed, a, b, { maxHops: 20 }) ? 1 : 0)],
    ['all shortest, ≤20 hops, a third opinions', (a, b) => allShortestPaths(mixed, a, b, { maxHops: 20 }).paths.length],
    ['k=5 simple, ≤6 hops, a third opinions', (a, b) => kShortestPaths(mixed, a, b, { k: 5, maxHops: 6 }).length],
  ];
  const rows: BenchRow[] = [];
  for (const [name, run] of cases) {
    for (const [a, b] of pairs) run(a!, b!);
    const times: number[] = [];
    const foundTimes: number[] = [];
    for (const [a, b] of pairs) {
      const start = performance.now();
      const count = run(a!, b!);
      const time = performance.now() - start;
      times.push(time);
      if (count > 0) foundTimes.push(time);
    }
    rows.push(summarize(name, times, foundTimes));
    await Promise.resolve();
  }
  return rows;
}
