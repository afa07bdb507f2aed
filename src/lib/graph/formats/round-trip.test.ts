// Property-based round trips: random graphs exported and imported again come back equal (what each format carries).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { basisOf, type CompiledGraph } from '../types.ts';
import { exportCsvZip } from './export-csv.ts';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { exportGraphologyJson } from './export-graphology-json.ts';
import { exportKgJson } from './export-kg-json.ts';
import { importCsvZip } from './import-csv-zip.ts';
import { importGraph } from './import-graph.ts';
import { compiledGraphArb } from './test-support/arbitraries.ts';

const RUNS = { seed: 20240501, numRuns: 150 };

/** What GEXF, GraphML and graphology JSON carry: everything but type labels/shapes, sources, evidence, dates, pinyin. */
const byKey = <T>(entries: Array<[string, T]>): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Attributes without empty-string values, or undefined when none is left. */
function nonEmpty(attributes: Record<string, string | number | boolean>): Record<string, string | number | boolean> | undefined {
  const kept = Object.entries(attributes).filter(([, v]) => v !== '');
  return kept.length === 0 ? undefined : Object.fromEntries(kept);
}

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
      background: e.background,
      url: e.url,
      attributes: withoutKeys(e.attributes, []),
    })),
    relations: graph.relations.map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      type: r.type,
      modality: r.modality,
      basis: basisOf(r),
      negated: r.negated === true,
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
  it('kg JSON: export then import gives an equal graph, evidence, basis, negation, background and descriptive titles and all', () => {
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

  it('GEXF: export then import keeps ids, names, background, types, basis, negation, modality, date ranges, direction, positions, colours and attributes', () => {
    fc.assert(
      fc.property(compiledGraphArb(), fc.constantFrom('en' as const, 'zh' as const), (graph, lang) => {
        const { graph: back } = importGraph(exportGexf(graph, { lang }), { fileName: 'graph.gexf' });
        expect(carried(back)).toEqual(carried(graph));
      }),
      RUNS,
    );
  });

  it('GraphML: export then import keeps ids, names, background, types, basis, negation, modality, date ranges, direction, positions, colours and attributes', () => {
    fc.assert(
      fc.property(compiledGraphArb(), fc.constantFrom('en' as const, 'zh' as const), (graph, lang) => {
        const { graph: back } = importGraph(exportGraphml(graph, { lang }), { fileName: 'graph.graphml' });
        expect(carried(back)).toEqual(carried(graph));
      }),
      RUNS,
    );
  });

  it('CSV zip: export then import keeps title, sources and their descriptive titles, ids, names, background, types, basis, negation, modality, date ranges, direction, positions, colours, evidence and attributes', () => {
    // An empty cell is an absent value in CSV, so empty notes, dates and text attributes are not kept.
    const withoutEmpty = (graph: CompiledGraph): CompiledGraph => ({
      ...graph,
      entities: graph.entities.map(({ background, ...e }) => ({
        ...e,
        ...(background ? { background } : {}),
        ...(e.attributes ? { attributes: nonEmpty(e.attributes) } : {}),
      })),
      relations: graph.relations.map(({ note, date, ...r }) => ({
        ...r,
        ...(note ? { note } : {}),
        ...(date ? { date } : {}),
        ...(r.attributes ? { attributes: nonEmpty(r.attributes) } : {}),
      })),
    });
    fc.assert(
      fc.property(compiledGraphArb({ evidence: true }), (graph) => {
        const { graph: back } = importCsvZip(exportCsvZip(graph), { fileName: 'graph.zip' });
        expect(carried(back)).toEqual(carried(withoutEmpty(graph)));
        expect(back.relations.map((r) => r.evidence)).toEqual(graph.relations.map((r) => r.evidence));
        const cited = new Set(graph.relations.flatMap((r) => r.evidence.map((ev) => ev.source)));
        expect(back.sources.filter((s) => cited.has(s.id))).toEqual(graph.sources.filter((s) => cited.has(s.id)));
      }),
      RUNS,
    );
  });

  it('graphology JSON: export then import keeps ids, names, background, types, basis, negation, modality, date ranges, direction, positions, colours and attributes', () => {
    fc.assert(
      fc.property(compiledGraphArb(), (graph) => {
        const { graph: back } = importGraph(exportGraphologyJson(graph), { fileName: 'graph.json' });
        expect(carried(back)).toEqual(carried(graph));
      }),
      RUNS,
    );
  });
});

/** Aliases and quotes holding the list separator, attributes named like model fields, and two evidence items. */
function pipesGraph(): CompiledGraph {
  return {
    format: 'kg-compiled',
    version: 1,
    title: 'pipes',
    entityTypes: [{ id: 'org', label: { en: 'org', zh: '' }, color: '#112233', shape: 'ellipse' }],
    relationTypes: [
      { id: 'funds', label: { en: 'funds', zh: '' }, reverse: { en: 'funded by', zh: '' }, symmetric: false, reflexive: false },
    ],
    sources: [
      { id: 's1', title: 's1', publisher: '', date: '', language: '' },
      { id: 's|2', title: 's|2', publisher: '', date: '', language: '' },
    ],
    entities: [
      {
        id: 'att',
        type: 'org',
        name: { en: 'AT&T', zh: '' },
        aliases: ['AT|T', 'back\\slash', 'a\\|b'],
        description: { en: '', zh: '' },
        attributes: {
          label: 'own label',
          x: 'left',
          y: 3,
          id: 'ATT-1',
          'attr.label': 'prefixed',
          Type: 'mixed case',
          background_en: 'an attribute, not the background',
          Background_ZH: '属性',
        },
      },
      { id: 'b', type: 'org', name: { en: 'B', zh: '' }, aliases: [], description: { en: '', zh: '' } },
    ],
    relations: [
      {
        id: 'r1',
        source: 'att',
        target: 'b',
        type: 'funds',
        modality: 'fact',
        evidence: [
          { source: 's1', quote: 'first | with a pipe' },
          { source: 's|2', quote: 'second \\ with a backslash' },
        ],
        attributes: { label: 'edge label', source: 'not an endpoint', weight: 2, basis: 'inferred', negated: true, Modality: 'question' },
      },
    ],
  };
}

describe('pipes, field-like attribute names (label, basis, negated, background_en, …) and several evidence items', () => {
  /** Exports `pipesGraph` through `roundTrip` and checks that lists, names and evidence items come back unchanged. */
  function checkPipes(roundTrip: (g: CompiledGraph) => CompiledGraph): void {
    const graph = pipesGraph();
    const back = roundTrip(graph);
    expect(back.entities[0]!.aliases).toEqual(['AT|T', 'back\\slash', 'a\\|b']);
    expect(back.entities[0]!.name.en).toBe('AT&T');
    expect(back.entities[0]!.attributes).toEqual(graph.entities[0]!.attributes);
    expect(back.positions?.att).toBeUndefined();
    expect(back.relations[0]!.evidence).toEqual(graph.relations[0]!.evidence);
    expect(back.relations[0]!.attributes).toEqual(graph.relations[0]!.attributes);
    expect(back.relations[0]).toMatchObject({ source: 'att', target: 'b', type: 'funds', modality: 'fact' });
    expect(back.relations[0]!.basis).toBeUndefined();
    expect(back.relations[0]!.negated).toBeUndefined();
    expect(back.entities[0]!.background).toBeUndefined();
  }

  it('GEXF: an alias with | stays one alias, attributes named label/x/y/id keep their names, two evidence items stay two', () =>
    checkPipes((g) => importGraph(exportGexf(g), { fileName: 'p.gexf' }).graph));
  it('GraphML: an alias with | stays one alias, attributes named label/x/y/id keep their names, two evidence items stay two', () =>
    checkPipes((g) => importGraph(exportGraphml(g), { fileName: 'p.graphml' }).graph));
  it('graphology JSON: an alias with | stays one alias, attributes named label/x/y/id keep their names, two evidence items stay two', () =>
    checkPipes((g) => importGraph(exportGraphologyJson(g), { fileName: 'p.json' }).graph));
  it('CSV zip: an alias with | stays one alias, attributes named label/x/y/id keep their names, two evidence items stay two', () =>
    checkPipes((g) => importCsvZip(exportCsvZip(g), { fileName: 'p.zip' }).graph));
});
