// An independent reader: networkx (when installed) must read our GEXF/GraphML exports and agree with our importers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../types.ts';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { importGraph } from './import-graph.ts';
import { bundledGraph } from '../../../../tests/fixtures/bundled-graph.ts';

const DATASETS = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));

function networkxAvailable(): boolean {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const HAS_NETWORKX = networkxAvailable();
if (!HAS_NETWORKX) {
  console.warn('networkx.test.ts: python3 with networkx is NOT available; the independent-reader checks assert nothing in this run.');
}

/** Reads a file with networkx and returns its node count, edge count, directedness and node labels. */
function readWithNetworkx(
  path: string,
  kind: 'gexf' | 'graphml',
): { nodes: number; edges: number; directed: boolean; labels: Record<string, string>; symmetric: number } {
  const script = [
    'import json, sys, networkx as nx',
    `g = nx.read_${kind}(sys.argv[1])`,
    'labels = {str(n): str(d.get("label", d.get("name_en", ""))) for n, d in g.nodes(data=True)}',
    'symmetric = sum(1 for _, _, d in g.edges(data=True) if d.get("symmetric") in (True, "true"))',
    'print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "directed": g.is_directed(), "labels": labels, "symmetric": symmetric}, ensure_ascii=False))',
  ].join('\n');
  const result: ReturnType<typeof readWithNetworkx> = JSON.parse(
    execFileSync('python3', ['-c', script, path], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  return result;
}

const NASTY = `A&B <c> "d" 'e' 😀 中文`;

function smallGraph(symmetric: boolean): CompiledGraph {
  return {
    format: 'kg-compiled',
    version: 1,
    title: '小图 & <test>',
    entityTypes: [{ id: '公司', label: { en: 'company', zh: '公司' }, color: '#336699', shape: 'ellipse' }],
    relationTypes: [{ id: 'link', label: { en: 'link', zh: '' }, reverse: { en: 'link', zh: '' }, symmetric, reflexive: false }],
    sources: [{ id: 's', title: 'S & T', publisher: 'p', date: '2024', language: 'zh' }],
    entities: [
      { id: 'n&1', type: '公司', name: { en: NASTY, zh: '深度求索' }, aliases: ['DS'], description: { en: '<script>x</script>', zh: '' } },
      { id: "n'2", type: '公司', name: { en: 'Two', zh: '二' }, aliases: [], description: { en: '', zh: '' }, attributes: { score: 1.5 } },
      { id: 'n"3', type: '公司', name: { en: '😀', zh: '' }, aliases: [], description: { en: '', zh: '' } },
    ],
    relations: [
      { id: 'e1', source: 'n&1', target: "n'2", type: 'link', modality: 'fact', evidence: [{ source: 's', quote: '"quoted" & <b>' }] },
      { id: 'e2', source: "n'2", target: 'n"3', type: 'link', modality: 'opinion', evidence: [], date: '2024-01' },
    ],
    positions: { 'n&1': { x: 1.5, y: -2 } },
  };
}

describe('networkx as an independent reader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kg-formats-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const kind of ['gexf', 'graphml'] as const) {
    for (const symmetric of [false, true]) {
      it(`reads our ${kind} export (${symmetric ? 'undirected' : 'directed'}) with the right counts and escaped labels`, () => {
        if (!HAS_NETWORKX) return console.warn(`networkx absent: ${kind} export not checked by an independent reader`);
        const graph = smallGraph(symmetric);
        const path = join(dir, `small-${symmetric}.${kind}`);
        writeFileSync(path, kind === 'gexf' ? exportGexf(graph) : exportGraphml(graph), 'utf8');
        const read = readWithNetworkx(path, kind);
        expect(read).toMatchObject({ nodes: 3, edges: 2, directed: !symmetric });
        expect(read.labels['n&1']).toBe(NASTY);
        expect(read.labels['n"3']).toBe('😀');
      });
    }
  }

  /** networkx reads the bundled (mixed) graph's default export: every relation, the symmetric ones marked. */
  function checkBundled(kind: 'gexf' | 'graphml'): void {
    if (!HAS_NETWORKX) return console.warn(`networkx absent: bundled ${kind} export not checked`);
    const write = kind === 'gexf' ? exportGexf : exportGraphml;
    const graph = bundledGraph();
    const symmetricTypes = new Set(graph.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
    const symmetric = graph.relations.filter((r) => symmetricTypes.has(r.type)).length;
    expect([symmetric > 0, symmetric < graph.relations.length]).toEqual([true, true]);
    const path = join(dir, `bundled.${kind}`);
    writeFileSync(path, write(graph), 'utf8');
    const read = readWithNetworkx(path, kind);
    expect(read).toMatchObject({ nodes: graph.entities.length, edges: graph.relations.length, directed: true, symmetric });
    const { graph: back } = importGraph(write(graph), { fileName: `bundled.${kind}` });
    const backSymmetric = new Set(back.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
    expect(back.relations.filter((r) => backSymmetric.has(r.type)).map((r) => r.id)).toEqual(
      graph.relations.filter((r) => symmetricTypes.has(r.type)).map((r) => r.id),
    );
  }

  it('networkx reads the bundled mixed graph as GEXF: every relation, symmetric ones marked', () => checkBundled('gexf'));
  it('networkx reads the bundled mixed graph as GraphML: every relation, symmetric ones marked', () => checkBundled('graphml'));

  for (const kind of ['gexf', 'graphml'] as const) {
    it(`cannot read the Gephi-only ${kind} export of the bundled graph, which is why it is not the default`, () => {
      if (!HAS_NETWORKX) return console.warn(`networkx absent: bundled ${kind} export not checked`);
      const path = join(dir, `bundled-undirected.${kind}`);
      writeFileSync(path, (kind === 'gexf' ? exportGexf : exportGraphml)(bundledGraph(), { symmetric: 'undirected' }), 'utf8');
      expect(() => readWithNetworkx(path, kind)).toThrow();
    });
  }

  for (const [file, kind] of [
    ['les_miserables.gexf', 'gexf'],
    ['miserables.graphml', 'graphml'],
    ['celegans.gexf', 'gexf'],
  ] as const) {
    it(`agrees with networkx on the counts of ${file}`, () => {
      if (!HAS_NETWORKX) return console.warn(`networkx absent: ${file} counts not cross-checked`);
      const read = readWithNetworkx(DATASETS + file, kind);
      const { graph } = importGraph(readFileSync(DATASETS + file, 'utf8'), { fileName: file });
      expect([graph.entities.length, graph.relations.length]).toEqual([read.nodes, read.edges]);
    });
  }
});
