// Regression: every public dataset in ../shared/datasets imports with the node and edge counts really in the file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';

const DATASETS = fileURLToPath(new URL('../../../../../shared/datasets/', import.meta.url));
const load = (name: string): string => readFileSync(DATASETS + name, 'utf8');

/**
 * Counts as they are in the files (elements / JSON entries). They match the README, whose counts come from
 * networkx; networkx reads these as multigraphs, so no parallel edge is merged away (celegans, arctic and
 * euroSIS do have parallel edges, reported as notices).
 */
const EXPECTED = [
  { file: 'les_miserables.gexf', format: 'gexf', nodes: 77, edges: 254, parallel: 0 },
  { file: 'miserables.graphml', format: 'graphml', nodes: 77, edges: 254, parallel: 0 },
  { file: 'celegans.gexf', format: 'gexf', nodes: 306, edges: 2345, parallel: 197 },
  { file: 'arctic.gexf', format: 'gexf', nodes: 1715, edges: 6676, parallel: 448 },
  { file: 'euroSIS.json', format: 'graphology-json', nodes: 1285, edges: 7524, parallel: 1062 },
  { file: 'large-graph.json', format: 'graphology-json', nodes: 10000, edges: 19995, parallel: 0 },
] as const;

describe('public datasets', () => {
  for (const { file, format, nodes, edges, parallel } of EXPECTED) {
    it(`imports ${file} as ${format} with ${nodes} nodes and ${edges} edges`, () => {
      const { graph, format: detected, notices } = importGraph(load(file), { fileName: file });
      expect(detected).toBe(format);
      expect(graph.entities).toHaveLength(nodes);
      expect(graph.relations).toHaveLength(edges);
      const parallelNotice = notices.find((n) => n.code === 'IMPORT_PARALLEL_EDGES');
      if (parallel === 0) expect(parallelNotice).toBeUndefined();
      else expect(parallelNotice?.message).toMatch(new RegExp(`^${parallel} parallel edges`));
    });
  }

  it('reads arctic.gexf (GEXF 1.0, gephi.org namespace) with a position for every node and its colours', () => {
    const { graph } = importGraph(load('arctic.gexf'), { fileName: 'arctic.gexf' });
    expect(Object.keys(graph.positions ?? {})).toHaveLength(1715);
    expect(graph.positions?.['0']).toEqual({ x: -113.203964, y: 30.300962 });
    const first = graph.entities[0]!;
    expect(first.name.en).toBe('1831');
    expect(first.attributes).toMatchObject({ nodedef: 'n0', occurrences: 1, size: 3.6 });
    const colors = new Set(graph.entities.map((e) => e.attributes?.color ?? graph.entityTypes[0]!.color));
    expect(colors.has('#ff3333')).toBe(true);
  });

  it('reads les_miserables.gexf labels, declared float attributes, colours and the meta title', () => {
    const { graph } = importGraph(load('les_miserables.gexf'), { fileName: 'les_miserables.gexf' });
    expect(graph.title).toBe('Les Misérables, the characters coappearance weighted graph');
    const myriel = graph.entities.find((e) => e.id === '0.0')!;
    expect(myriel.name.en).toBe('Myriel');
    expect(myriel.attributes).toMatchObject({ Authority: 0.01880342, Hub: 0.01880342, color: '#d8482d' });
    expect(graph.relations.find((r) => r.id === '1')?.attributes?.weight).toBe(8);
    expect(graph.relationTypes.map((t) => [t.id, t.symmetric])).toEqual([['link', false]]);
  });

  it('reads miserables.graphml with entity types from "Modularity Class" and colours from r/g/b', () => {
    const { graph, notices } = importGraph(load('miserables.graphml'), { fileName: 'miserables.graphml' });
    expect(graph.entityTypes).toHaveLength(9);
    expect(notices.find((n) => n.code === 'IMPORT_TYPE_ATTRIBUTE')?.field).toBe('Modularity Class');
    const valjean = graph.entities.find((e) => e.id === '11')!;
    expect(valjean.name.en).toBe('Valjean');
    expect(graph.entityTypes.find((t) => t.id === valjean.type)?.color).toBe('#f55b5b');
    expect(graph.relationTypes.every((t) => t.symmetric)).toBe(true);
  });

  it('reads euroSIS.json undirected edges and its actor_type as entity types', () => {
    const { graph } = importGraph(load('euroSIS.json'), { fileName: 'euroSIS.json' });
    expect(graph.entityTypes).toHaveLength(22);
    expect(graph.entities[0]).toMatchObject({ id: '10', type: 'Research centers', name: { en: 'Astronomical Institute' } });
    expect(graph.relationTypes).toEqual([expect.objectContaining({ id: 'link', symmetric: true })]);
  });

  it('reads large-graph.json, dropping its invalid 5-digit colours with one notice', () => {
    const { graph, notices } = importGraph(load('large-graph.json'), { fileName: 'large-graph.json' });
    expect(graph.entities.find((e) => e.id === '2')?.attributes?.color).toBeUndefined();
    expect(notices.filter((n) => n.code === 'IMPORT_INVALID_COLOR')).toHaveLength(1);
    expect(graph.relationTypes).toEqual([expect.objectContaining({ id: 'link', symmetric: false })]);
  });
});
