// Agreement with an independent implementation: networkx (python3) measures the same graphs, values must match to 1e-6.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { KnowledgeGraph } from '../model.ts';
import type { Relation } from '../types.ts';
import { betweenness } from './betweenness.ts';
import { degree } from './degree.ts';
import { louvainCommunities, type LouvainResult } from './louvain-communities.ts';
import { pagerank } from './pagerank.ts';
import { mulberry32 } from '../prng.ts';
import { weightedDegree } from './weighted-degree.ts';

const DATASETS = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const TOLERANCE = 1e-6;

/**
 * The networkx side. It collapses relations the way the lenses document (parallel relations summed, self-relations
 * dropped; directed: a symmetric relation both ways), then measures with networkx's own algorithms. A GEXF file is
 * read by networkx itself (`nx.read_gexf`), so parsing is independent too.
 */
const SCRIPT = String.raw`
import json, sys
import networkx as nx

spec = json.load(open(sys.argv[1]))
if 'gexf' in spec:
    src = nx.read_gexf(spec['gexf'])
    nodes = list(src.nodes())
    relations = [(s, t, src.is_directed(), d.get('weight', 1)) for s, t, d in src.edges(data=True)]
else:
    nodes = spec['nodes']
    relations = spec['relations']

def build(directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(nodes)
    for s, t, is_directed, w in relations:
        if s == t:
            continue
        w = w if isinstance(w, (int, float)) and w > 0 else 1
        for a, b in ([(s, t)] if (is_directed or not directed) else [(s, t), (t, s)]):
            if G.has_edge(a, b):
                G[a][b]['weight'] += w
            else:
                G.add_edge(a, b, weight=w)
    return G

def pr(G, **kw):
    return nx.pagerank(G, tol=1e-13, max_iter=100000, **kw)

U, D = build(False), build(True)
out = {
    'nodes': len(nodes),
    'degree': dict(U.degree()),
    'degree normalised': nx.degree_centrality(U),
    'in-degree': dict(D.in_degree()),
    'out-degree': dict(D.out_degree()),
    'weighted degree': dict(U.degree(weight='weight')),
    'weighted in-degree': dict(D.in_degree(weight='weight')),
    'weighted out-degree': dict(D.out_degree(weight='weight')),
    'pagerank': pr(U, alpha=0.85, weight='weight'),
    'pagerank unweighted': pr(U, alpha=0.85, weight=None),
    'pagerank directed': pr(D, alpha=0.85, weight='weight'),
    'pagerank alpha 0.5': pr(U, alpha=0.5, weight='weight'),
    'betweenness': nx.betweenness_centrality(U, normalized=True),
    'betweenness raw': nx.betweenness_centrality(U, normalized=False),
    'betweenness directed': nx.betweenness_centrality(D, normalized=True),
    'betweenness directed raw': nx.betweenness_centrality(D, normalized=False),
}
groups = {}
for node, group in spec['partition'].items():
    groups.setdefault(group, set()).add(node)
out['modularity of our partition'] = nx.community.modularity(U, list(groups.values()), weight='weight')
theirs = nx.community.louvain_communities(U, weight='weight', seed=1)
out['networkx louvain modularity'] = nx.community.modularity(U, theirs, weight='weight')
print(json.dumps(out))
`;

/** Whether python3 can import networkx here; the reason when not. */
function networkxMissing(): string | undefined {
  const probe = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
  if (probe.error) return `python3 cannot be run (${probe.error.message})`;
  if (probe.status !== 0) return `python3 cannot import networkx (${probe.stderr.trim().split('\n').pop()})`;
  return undefined;
}

type Measured = Record<string, Record<string, number>> & { nodes: number };

const folder = mkdtempSync(join(tmpdir(), 'kg-lenses-nx-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function networkx(name: string, spec: object): Measured {
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return JSON.parse(execFileSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8', maxBuffer: 64 << 20 })) as Measured;
}

/** The largest difference between our values and networkx's, and where; the key sets must be the same. */
function worst(ours: Map<string, number>, theirs: Record<string, number>): { id: string; difference: number } {
  expect([...ours.keys()].sort()).toEqual(Object.keys(theirs).sort());
  let found = { id: '', difference: 0 };
  for (const [id, value] of ours) {
    const difference = Math.abs(value - theirs[id]!);
    if (difference > found.difference) found = { id, difference };
  }
  return found;
}

/** Every lens measurement compared with its networkx counterpart. */
function agree(graph: KnowledgeGraph, theirs: Measured): void {
  const pairs: [string, Map<string, number>][] = [
    ['degree', degree(graph)],
    ['degree normalised', degree(graph, { normalized: true })],
    ['in-degree', degree(graph, { direction: 'in' })],
    ['out-degree', degree(graph, { direction: 'out' })],
    ['weighted degree', weightedDegree(graph)],
    ['weighted in-degree', weightedDegree(graph, { direction: 'in' })],
    ['weighted out-degree', weightedDegree(graph, { direction: 'out' })],
    ['pagerank', pagerank(graph)],
    ['pagerank unweighted', pagerank(graph, { weighted: false })],
    ['pagerank directed', pagerank(graph, { directed: true })],
    ['pagerank alpha 0.5', pagerank(graph, { alpha: 0.5 })],
    ['betweenness', betweenness(graph)],
    ['betweenness raw', betweenness(graph, { normalized: false })],
    ['betweenness directed', betweenness(graph, { directed: true })],
    ['betweenness directed raw', betweenness(graph, { directed: true, normalized: false })],
  ];
  expect(theirs.nodes).toBe(graph.order);
  for (const [name, ours] of pairs) {
    const { id, difference } = worst(ours, theirs[name]!);
    expect(difference, `${name}: entity ${id} differs by ${difference}`).toBeLessThan(TOLERANCE);
  }
}

/** A deterministic random knowledge graph: both kinds of relation, parallels, self-relations, weights, loners. */
function randomGraph(seed: number, entities: number, relations: number): KnowledgeGraph {
  const next = mulberry32(seed);
  const graph: KnowledgeGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  graph.replaceAttributes({ title: 'random', entityTypes: [], relationTypes: [], sources: [] });
  for (let i = 0; i < entities; i++) {
    graph.addNode(`n${i}`, { id: `n${i}`, type: 'node', name: { en: `n${i}`, zh: '' }, aliases: [], description: { en: '', zh: '' } });
  }
  // Draw from the first 85% so the rest stay without relations.
  const pick = () => `n${Math.floor(next() * entities * 0.85)}`;
  for (let i = 0; i < relations; i++) {
    const source = pick();
    const target = next() < 0.05 ? source : pick();
    const relation: Relation = { id: `r${i}`, source, target, type: 'link', modality: 'fact', evidence: [] };
    if (next() < 0.3) relation.attributes = { weight: Math.round(next() * 40) / 10 + 0.5 };
    if (next() < 0.4) graph.addUndirectedEdgeWithKey(relation.id, source, target, relation);
    else graph.addDirectedEdgeWithKey(relation.id, source, target, relation);
  }
  return graph;
}

/** A GEXF dataset as a knowledge graph: entities by node id, relations keeping direction and the `weight` attribute. */
function gexfGraph(file: string): KnowledgeGraph {
  const parsed = parseGexf(MultiGraph, readFileSync(join(DATASETS, file), 'utf8'));
  const graph: KnowledgeGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  graph.replaceAttributes({ title: file, entityTypes: [], relationTypes: [], sources: [] });
  parsed.forEachNode((id) => {
    graph.addNode(id, { id, type: 'node', name: { en: id, zh: '' }, aliases: [], description: { en: '', zh: '' } });
  });
  parsed.forEachEdge((key, attributes, source, target, _s, _t, undirected) => {
    const weight: unknown = attributes.weight;
    const relation: Relation = {
      id: key,
      source,
      target,
      type: 'link',
      modality: 'fact',
      evidence: [],
      ...(typeof weight === 'number' ? { attributes: { weight } } : {}),
    };
    if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, relation);
    else graph.addDirectedEdgeWithKey(key, source, target, relation);
  });
  return graph;
}

function relationList(graph: KnowledgeGraph): [string, string, boolean, number][] {
  return graph.mapEdges((_, r, source, target, _s, _t, undirected) => [source, target, !undirected, Number(r.attributes?.weight ?? 1)]);
}

const missing = networkxMissing();

describe('agreement with networkx', () => {
  if (missing) {
    it('cannot be checked on this machine', () => {
      console.warn(`lenses: NOT compared with networkx — ${missing}. Install python3 and networkx to run this check.`);
    });
    return;
  }

  it('matches degree, weighted degree, PageRank and betweenness on a random mixed multigraph', () => {
    const graph = randomGraph(20250301, 120, 360);
    const partition = Object.fromEntries(louvainCommunities(graph).membership);
    agree(graph, networkx('random', { nodes: graph.nodes(), relations: relationList(graph), partition }));
  });

  // networkx takes a few seconds per dataset (exact betweenness four ways), so each is measured once for both tests.
  const measured = new Map<string, { graph: KnowledgeGraph; ours: LouvainResult; theirs: Measured }>();
  const measure = (file: string) => {
    let found = measured.get(file);
    if (!found) {
      const graph = gexfGraph(file);
      const ours = louvainCommunities(graph);
      const theirs = networkx(file, { gexf: join(DATASETS, file), partition: Object.fromEntries(ours.membership) });
      found = { graph, ours, theirs };
      measured.set(file, found);
    }
    return found;
  };

  for (const file of ['les_miserables.gexf', 'celegans.gexf']) {
    it(`matches every measure on ${file}, read by networkx on its own`, () => {
      const { graph, theirs } = measure(file);
      agree(graph, theirs);
    });

    it(`reports the modularity networkx computes for our communities on ${file}, as good as networkx's own Louvain`, () => {
      const { ours, theirs } = measure(file);
      expect(Math.abs(ours.modularity - Number(theirs['modularity of our partition']))).toBeLessThan(TOLERANCE);
      expect(ours.modularity).toBeGreaterThan(Number(theirs['networkx louvain modularity']) - 0.02);
    });
  }
});
