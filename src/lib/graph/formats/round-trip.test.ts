// Property-based round trips: random graphs exported and imported again come back equal (what each format carries).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../types.ts';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { exportGraphologyJson } from './export-graphology-json.ts';
import { exportKgJson } from './export-kg-json.ts';
import { importGraph } from './import-graph.ts';
import { compiledGraphArb } from './test-support/arbitraries.ts';

const RUNS = { seed: 20240501, numRuns: 150 };

/** What GEXF, GraphML and graphology JSON carry: everything but type labels/shapes, sources, evidence, dates, pinyin. */
const byKey = <T>(entries: Array<[string, T]>): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function carried(graph: CompiledGraph): unknown {
  const usedEntityTypes = new Set(graph.entities.map((e) => e.type));
  const usedRelationTypes = new Set(graph.relations.map((r) => r.type));
  const withoutKeys = (record: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> =>
    Object.fromEntries(Object.entries(record ?? {}).filter(([k]) => !keys.includes(k)));
  return {
    title: graph.title,
    entities: graph.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      description: e.description,
      url: e.url,
      attributes: withoutKeys(e.attributes, []),
    })),
    relations: graph.relations.map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      modality: r.modality,
      date: r.date,
      note: r.note,
      attributes: withoutKeys(r.attributes, ['evidence']),
    })),
    entityTypeColors: byKey(graph.entityTypes.filter((t) => usedEntityTypes.has(t.id)).map((t) => [t.id, t.color])),
    symmetric: byKey(graph.relationTypes.filter((t) => usedRelationTypes.has(t.id)).map((t) => [t.id, t.symmetric])),
    positions: byKey(Object.entries(graph.positions ?? {}).map(([id, p]) => [id, { x: p.x, y: p.y }])),
  };
}

describe('round trips', () => {
  it('kg JSON: export then import gives an equal graph, evidence and all', () => {
    fc.assert(
      fc.property(compiledGraphArb({ evidence: true }), (graph) => {
        const text = exportKgJson(graph);
        const { graph: back, notices } = importGraph(text, { fileName: 'graph.json' });
        expect(back).toEqual(graph);
        expect(notices).toEqual([]);
        expect(exportKgJson(back)).toBe(text);
      }),
      RUNS,
    );
  });

  it('GEXF: export then import keeps ids, names, types, direction, positions, colours and attributes', () => {
    fc.assert(
      fc.property(compiledGraphArb(), fc.constantFrom('en' as const, 'zh' as const), (graph, lang) => {
        const { graph: back } = importGraph(exportGexf(graph, { lang }), { fileName: 'graph.gexf' });
        expect(carried(back)).toEqual(carried(graph));
      }),
      RUNS,
    );
  });

  it('GraphML: export then import keeps ids, names, types, direction, positions, colours and attributes', () => {
    fc.assert(
      fc.property(compiledGraphArb(), fc.constantFrom('en' as const, 'zh' as const), (graph, lang) => {
        const { graph: back } = importGraph(exportGraphml(graph, { lang }), { fileName: 'graph.graphml' });
        expect(carried(back)).toEqual(carried(graph));
      }),
      RUNS,
    );
  });

  it('graphology JSON: export then import keeps ids, names, types, direction, positions, colours and attributes', () => {
    fc.assert(
      fc.property(compiledGraphArb(), (graph) => {
        const { graph: back } = importGraph(exportGraphologyJson(graph), { fileName: 'graph.json' });
        expect(carried(back)).toEqual(carried(graph));
      }),
      RUNS,
    );
  });
});
