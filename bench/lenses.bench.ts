// Benchmarks the analysis lenses on the 10,000-entity / 19,995-relation dataset: time per run of each lens.
import { asOfEdgeFilter, datedTimeline, graphAsOf, runLens, scaleOf, simpleGraph } from '../src/lib/graph/lenses/index.ts';
import { loadDataset } from './paths.bench.ts';
import { median, timeRuns } from './stats.ts';

/** One benchmark row; times in milliseconds per run. */
export interface LensBenchRow {
  name: string;
  median: number;
  min: number;
  max: number;
  runs: number;
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

function row(name: string, times: number[]): LensBenchRow {
  return { name, median: round(median(times)), min: round(Math.min(...times)), max: round(Math.max(...times)), runs: times.length };
}

/**
 * Times each lens as the app runs it (`runLens`: parameter validation, collapsing to a simple graph, the algorithm),
 * plus the time-slice helpers. Exact betweenness is the slow one (Brandes, O(entities × relations)), so it gets one
 * run when `quick` and three otherwise; the rest get 3 (`quick`) or 7 runs after a warm-up.
 */
export async function benchLenses({ quick }: { quick: boolean }): Promise<LensBenchRow[]> {
  const graph = loadDataset('large-graph.json');
  const runs = { warmup: 1, runs: quick ? 3 : 7 };
  const slow = { warmup: 0, runs: quick ? 1 : 3 };
  const cases: [string, () => unknown, { warmup: number; runs: number }][] = [
    ['collapse to a simple graph (undirected)', () => simpleGraph(graph), runs],
    ['degree', () => runLens(graph, 'degree'), runs],
    ['weighted degree', () => runLens(graph, 'weighted-degree'), runs],
    ['pagerank (undirected, weighted)', () => runLens(graph, 'pagerank'), runs],
    ['pagerank (directed)', () => runLens(graph, 'pagerank', { directed: true }), runs],
    ['louvain communities', () => runLens(graph, 'louvain'), runs],
    ['betweenness (exact, undirected)', () => runLens(graph, 'betweenness'), slow],
    ['pagerank as of 2020 (edge filter)', () => runLens(graph, 'pagerank', {}, { edgeFilter: asOfEdgeFilter(graph, '2020') }), runs],
    ['graphAsOf copy', () => graphAsOf(graph, '2020'), runs],
    ['datedTimeline', () => datedTimeline(graph), runs],
    ['degree + scaleOf', () => scaleOf(runLens(graph, 'degree').values), runs],
  ];
  const rows: LensBenchRow[] = [];
  for (const [name, run, plan] of cases) {
    rows.push(row(name, timeRuns(run, plan)));
    // Let the harness report progress between cases.
    await Promise.resolve();
  }
  return rows;
}
