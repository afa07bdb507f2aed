// Engine benchmarks in Node: compiling graph-data, search, path queries, analysis lenses and file imports.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import pagerank from 'graphology-metrics/centrality/pagerank.js';
import louvain from 'graphology-communities-louvain';
import { buildArtifact } from '../src/cli/build-artifact.ts';
import { readDataFolder } from '../src/cli/data-folder.ts';
import { compile } from '../src/lib/graph/compile.ts';
import { buildGraph } from '../src/lib/graph/model.ts';
import { allShortestPaths, findPaths, kShortestPaths, shortestPath } from '../src/lib/graph/paths/index.ts';
import { buildSearchIndex, search } from '../src/lib/graph/search.ts';
import type { CompiledGraph, Entity } from '../src/lib/graph/types.ts';
import { benchPaths, loadDataset } from './paths.bench.ts';
import type { Budget, ResultRow } from './stats.ts';
import { measuredRow, summarize, timeRuns, unmeasuredRow } from './stats.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATASETS = join(ROOT, '../shared/datasets');
export const DATASET_FILES = [
  'les_miserables.gexf',
  'miserables.graphml',
  'celegans.gexf',
  'arctic.gexf',
  'euroSIS.json',
  'large-graph.json',
];

export interface NodeBenchOptions {
  quick: boolean;
}

/** The bundled graph as the app ships it: generated/graph.json, or a fresh compile when it has not been built. */
export function bundledGraph(): CompiledGraph {
  const artifact = join(ROOT, 'generated/graph.json');
  if (existsSync(artifact)) return JSON.parse(readFileSync(artifact, 'utf8')) as CompiledGraph;
  const { compiled } = compile(readDataFolder(join(ROOT, 'graph-data')));
  if (!compiled) throw new Error('bench: graph-data does not compile — run `npm run kg -- validate` to see why');
  return compiled;
}

/** 1. Compiling graph-data, and the full artifact build with the precomputed layout (written to a temp folder). */
export function benchCompile({ quick }: NodeBenchOptions): ResultRow[] {
  const folder = join(ROOT, 'graph-data');
  const compileTimes = timeRuns(() => compile(readDataFolder(folder)), { warmup: quick ? 1 : 2, runs: quick ? 3 : 10 });
  const tmp = mkdtempSync(join(tmpdir(), 'kg-bench-'));
  try {
    const out = join(tmp, 'graph.json');
    const buildTimes = timeRuns(() => buildArtifact(folder, out), { warmup: 1, runs: quick ? 3 : 5 });
    return [
      measuredRow('compile', 'compile(readDataFolder(graph-data))', 'ms', summarize(compileTimes)),
      measuredRow('compile', 'buildArtifact (compile + layout + write)', 'ms', summarize(buildTimes)),
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Fixed search queries by kind; the large graph's entities are named by number, so its exact and prefix queries differ. */
const QUERIES = {
  exact: ['DeepSeek', 'High-Flyer', 'JD Cloud', 'Liang Wenfeng'],
  prefix: ['deeps', 'high', 'jd c', 'qw'],
  chinese: ['深度求索', '幻方', '京东云', '梁文峰'],
  pinyin: ['liang wenfeng', 'huanfang', 'jingdongyun', 'lwf'],
  typo: ['Deepsek', 'Hihg-Flyer', 'Liang Wen-feng', 'Alibba Cloud'],
} as const;
const LARGE_QUERIES = { ...QUERIES, exact: ['4242', '9999', '17', '0'], prefix: ['42', '99', '123', '7'] };

/** 2. Building the search index and per-query latency by kind of query, on the bundled graph and on large-graph.json. */
export async function benchSearch({ quick }: NodeBenchOptions): Promise<ResultRow[]> {
  const large = await largeGraphEntities();
  const graphs: [string, Entity[], Record<string, readonly string[]>, string][] = [
    ['bundled', bundledGraph().entities, QUERIES, 'generated/graph.json'],
    ['large-graph', large.entities, LARGE_QUERIES, large.via],
  ];
  const rows: ResultRow[] = [];
  for (const [label, entities, queries, via] of graphs) {
    const group = `search (${label}, ${entities.length} entities)`;
    const indexTimes = timeRuns(() => buildSearchIndex(entities), { warmup: 2, runs: quick ? 5 : 20 });
    rows.push(measuredRow(group, `buildSearchIndex`, 'ms', summarize(indexTimes), undefined, `loaded via ${via}`));
    const index = buildSearchIndex(entities);
    for (const [kind, list] of Object.entries(queries)) {
      const times = list.flatMap((q) => timeRuns(() => search(index, q), { warmup: quick ? 2 : 5, runs: quick ? 10 : 50 }));
      rows.push(measuredRow(group, `search: ${kind} (${list.join(', ')})`, 'ms', summarize(times, true)));
    }
  }
  return rows;
}

/** large-graph.json's entities, through the app's importer when it loads, else the path bench's loader. */
async function largeGraphEntities(): Promise<{ entities: Entity[]; via: string }> {
  const formats = await importFormats();
  if (formats) {
    const text = readFileSync(join(DATASETS, 'large-graph.json'), 'utf8');
    return { entities: formats.importGraph(text, { fileName: 'large-graph.json' }).graph.entities, via: 'importGraph' };
  }
  return { entities: loadDataset('large-graph.json').mapNodes((_, entity) => entity), via: 'paths.bench loadDataset' };
}

type Formats = typeof import('../src/lib/graph/formats/index.ts');

/** The import module, if it exists and loads (it is being written alongside the bench). */
async function importFormats(): Promise<Formats | undefined> {
  try {
    return await import('../src/lib/graph/formats/index.ts');
  } catch {
    return undefined;
  }
}

const PATH_BUDGETS: Record<string, Budget> = {
  'shortest (any direction)': { limit: 2, strict: true },
  'all shortest': { limit: 5, strict: true },
  'k=5 simple, ≤6 hops': { limit: 50, strict: true },
};

/** 3. Path queries in each mode: random pairs on large-graph.json (bench/paths.bench.ts), and High-Flyer → JD Cloud. */
export async function benchPathQueries({ quick }: NodeBenchOptions): Promise<ResultRow[]> {
  const rows: ResultRow[] = (await benchPaths({ quick })).map((r) =>
    measuredRow(
      'paths (large-graph, random pairs)',
      r.name,
      'ms',
      { median: r.median, min: r.min, max: r.max, p95: r.p95, runs: r.queries },
      PATH_BUDGETS[r.name],
      r.found > 0
        ? `${r.found}/${r.queries} pairs connected (median ${r.medianFound} ms for those)`
        : `none of the ${r.queries} pairs connected`,
    ),
  );
  const graph = buildGraph(bundledGraph());
  const [from, to] = ['high-flyer', 'jd-cloud'];
  const modes: [string, () => unknown][] = [
    ['shortest', () => shortestPath(graph, from, to)],
    ['all shortest', () => allShortestPaths(graph, from, to)],
    ['k=5 simple, ≤6 hops', () => kShortestPaths(graph, from, to, { k: 5, maxHops: 6 })],
    ['findPaths (paths, common, reason)', () => findPaths(graph, from, to)],
  ];
  for (const [name, run] of modes) {
    const times = timeRuns(run, { warmup: 20, runs: quick ? 50 : 200 });
    rows.push(measuredRow('paths (bundled, High-Flyer → JD Cloud)', name, 'ms', summarize(times, true)));
  }
  return rows;
}

/**
 * Analysis lenses on large-graph.json (no budget yet). A full run uses bench/lenses.bench.ts (the app's `runLens`,
 * three exact-betweenness runs of about a minute each) when it loads; --quick, or a full run without it, times the
 * graphology algorithms directly, and --quick leaves exact betweenness out to stay within two minutes.
 */
export async function benchLenses({ quick }: NodeBenchOptions): Promise<ResultRow[]> {
  const lensBench = quick ? undefined : await import('./lenses.bench.ts').catch(() => undefined);
  if (lensBench) {
    const rows = await lensBench.benchLenses({ quick });
    return rows.map((r) => measuredRow('lenses (large-graph, runLens)', r.name, 'ms', r));
  }
  const group = 'lenses (large-graph, graphology)';
  const graph = loadDataset('large-graph.json');
  const runs = { warmup: 1, runs: quick ? 3 : 5 };
  const rows = [
    measuredRow(group, 'pagerank', 'ms', summarize(timeRuns(() => pagerank(graph), runs))),
    measuredRow(group, 'louvain communities', 'ms', summarize(timeRuns(() => louvain(graph), runs))),
  ];
  if (quick) {
    rows.push(unmeasuredRow(group, 'betweenness (exact)', 'skipped', 'about a minute per run; measured without --quick'));
  } else {
    // Warm the code up on a smaller graph rather than paying a full extra run.
    betweenness(loadDataset('euroSIS.json'));
    const times = timeRuns(() => betweenness(graph), { warmup: 0, runs: 2 });
    rows.push(measuredRow(group, 'betweenness (exact)', 'ms', summarize(times), undefined, '2 runs (about a minute each)'));
  }
  return rows;
}

/** 6. Importing each shared dataset in Node: parse (importGraph) and building the graphology graph (buildGraph). */
export async function benchImports({ quick }: NodeBenchOptions): Promise<ResultRow[]> {
  const group = 'import (Node)';
  const formats = await importFormats();
  if (!formats) return DATASET_FILES.map((file) => unmeasuredRow(group, file, 'not available yet', 'src/lib/graph/formats does not load'));
  const rows: ResultRow[] = [];
  // The first import below (for the sizes) is the warm-up.
  const runs = { warmup: 0, runs: quick ? 3 : 5 };
  for (const file of DATASET_FILES) {
    const text = readFileSync(join(DATASETS, file), 'utf8');
    try {
      const { graph, format } = formats.importGraph(text, { fileName: file });
      const size = `${format}, ${graph.entities.length} entities / ${graph.relations.length} relations`;
      rows.push(
        measuredRow(
          group,
          `${file}: importGraph`,
          'ms',
          summarize(timeRuns(() => formats.importGraph(text, { fileName: file }), runs)),
          undefined,
          size,
        ),
      );
      rows.push(measuredRow(group, `${file}: buildGraph`, 'ms', summarize(timeRuns(() => buildGraph(graph), { ...runs, warmup: 1 }))));
    } catch (error) {
      rows.push(unmeasuredRow(group, `${file}: importGraph`, 'failed', String(error).slice(0, 200)));
    }
  }
  return rows;
}
