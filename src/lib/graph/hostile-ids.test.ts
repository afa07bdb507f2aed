// Ids that are Object members (`__proto__`, `constructor`, …) are plain data everywhere in the engine: graph building,
// neighbourhoods, paths, every lens, stats, search, filters, time slices and copies. graphology keeps adjacency in
// plain objects, which these ids used to corrupt (`kg stats` crashed inside graphology; PageRank lost `__proto__`).
import { describe, expect, it } from 'vitest';
import { buildGraph } from './model.ts';
import { neighbourhood } from './neighbourhood.ts';
import { findPaths } from './paths/find-paths.ts';
import { graphStats } from './stats.ts';
import { buildSearchIndex, search } from './search.ts';
import { visibleSet } from './view-filter.ts';
import { entityRelationGroups } from './entity-relations.ts';
import { LENSES, runLens } from './lenses/registry.ts';
import { graphAsOf } from './lenses/as-of.ts';
import { importGraph } from './formats/import-graph.ts';
import type { CompiledGraph } from './types.ts';
import { MODALITIES } from './types.ts';
import { ent, rel } from './graph.fixture.ts';

const MAGIC = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const IDS = [...MAGIC, 'b'];

/** A ring through every id, a chord, and a symmetric relation, so paths, lenses and communities have work to do. */
const COMPILED: CompiledGraph = {
  format: 'kg-compiled',
  version: 1,
  title: 'magic',
  entityTypes: [{ id: 'node', label: { en: 'Node', zh: '' }, color: '#112233', shape: 'ellipse' }],
  relationTypes: [
    { id: 'link', label: { en: 'link', zh: '' }, reverse: { en: 'linked by', zh: '' }, symmetric: false, reflexive: false },
    { id: 'peer', label: { en: 'peer', zh: '' }, reverse: { en: 'peer', zh: '' }, symmetric: true, reflexive: false },
  ],
  sources: [{ id: 'article', title: 'A', publisher: 'P', date: '2024', language: 'en', url: 'https://example.org' }],
  entities: IDS.map((id) => ent(id, 'node')),
  relations: [
    ...IDS.map((id, i) => ({ ...rel(id, 'link', IDS[(i + 1) % IDS.length]!), date: '2024' })),
    rel('b', 'peer', '__proto__'),
    rel('constructor', 'link', 'valueOf'),
  ],
};

describe('ids that are Object members', () => {
  const graph = buildGraph(COMPILED);

  it('builds the graph with every entity and relation, and answers edge questions between them', () => {
    expect(graph.order).toBe(IDS.length);
    expect(graph.size).toBe(COMPILED.relations.length);
    expect(graph.hasDirectedEdge('__proto__', 'constructor')).toBe(true);
    expect(graph.hasDirectedEdge('constructor', '__proto__')).toBe(false);
    expect(graph.hasUndirectedEdge('__proto__', 'b')).toBe(true);
    expect(graph.hasEdge('toString', 'b')).toBe(false);
    expect(graph.neighbors('__proto__').sort()).toEqual(['b', 'constructor']);
    expect(graph.neighbors('constructor').sort()).toEqual(['__proto__', 'toString', 'valueOf']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('finds neighbourhoods and paths through them', () => {
    expect([...neighbourhood(graph, 'b', 1).distances.keys()].sort()).toEqual(['__defineGetter__', '__proto__', 'b'].sort());
    const result = findPaths(graph, 'b', 'valueOf', { direction: 'forward' });
    expect(result.paths[0]?.nodes).toEqual(['b', '__proto__', 'constructor', 'valueOf']);
    expect(findPaths(graph, '__proto__', 'toString', { mode: 'k', k: 3 }).paths.length).toBeGreaterThan(0);
  });

  it.each(LENSES.map((lens) => lens.id))('runs the %s lens with a value for every entity', (id) => {
    const result = runLens(graph, id);
    const values = 'values' in result ? (result.values as Map<string, unknown>) : undefined;
    if (values) expect([...values.keys()].sort()).toEqual([...IDS].sort());
  });

  it('counts, searches, filters, groups relations and slices by time', () => {
    expect(graphStats(graph).entities).toBe(IDS.length);
    expect(search(buildSearchIndex(COMPILED.entities), '__proto__')[0]?.id).toBe('__proto__');
    const visible = visibleSet(graph, { hiddenEntityTypes: [], hiddenRelationTypes: [], modalities: [...MODALITIES] });
    expect(visible.nodes.has('__proto__')).toBe(true);
    expect(
      entityRelationGroups(graph, '__proto__')
        .flatMap((g) => g.items.map((i) => i.other))
        .sort(),
    ).toEqual(['b', 'b', 'constructor']);
    // The ring's relations begin in 2024; the two undated ones stay.
    expect(graphAsOf(graph, '2023').size).toBe(graph.size - IDS.length);
    expect(graph.copy().hasDirectedEdge('__proto__', 'constructor')).toBe(true);
  });

  it('imports the issue’s file and answers on it', () => {
    const text = '{"nodes":[{"key":"__proto__"},{"key":"b"}],"edges":[{"source":"__proto__","target":"b"}]}';
    const imported = buildGraph(importGraph(text, { fileName: 'g.json' }).graph);
    expect(imported.neighbors('b')).toEqual(['__proto__']);
    expect(runLens(imported, 'pagerank')).toMatchObject({
      values: new Map([
        ['__proto__', 0.5],
        ['b', 0.5],
      ]),
    });
  });
});
