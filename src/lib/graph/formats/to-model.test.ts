// Pins the shared node/edge → entity/relation mapping every format goes through.
import { describe, expect, it } from 'vitest';
import { KgError, type Problem } from '../errors.ts';
import type { CompiledGraph } from '../types.ts';
import type { AttributeValue, RawEdge, RawGraph, RawNode, ResolvedImportOptions } from './import-types.ts';
import { ProblemCollector } from './problems.ts';
import { toModel } from './to-model.ts';

const OPTIONS: ResolvedImportOptions = { fileName: 'g', typeAttribute: undefined, onMissingEndpoint: 'error' };

const node = (id: string, attributes: Record<string, AttributeValue> = {}, extra: Partial<RawNode> = {}): RawNode => ({
  id,
  attributes: new Map(Object.entries(attributes)),
  ...extra,
});
const edge = (source: string, target: string, attributes: Record<string, AttributeValue> = {}, extra: Partial<RawEdge> = {}): RawEdge => ({
  source,
  target,
  directed: true,
  attributes: new Map(Object.entries(attributes)),
  ...extra,
});

function run(raw: Partial<RawGraph>, options: Partial<ResolvedImportOptions> = {}): { graph: CompiledGraph; notices: Problem[] } {
  const problems = new ProblemCollector('g');
  const graph = toModel({ title: 't', nodes: [], edges: [], ...raw }, { ...OPTIONS, ...options }, problems);
  return { graph, notices: problems.notices() };
}

function failure(raw: Partial<RawGraph>, options: Partial<ResolvedImportOptions> = {}): Problem[] {
  try {
    run(raw, options);
  } catch (error) {
    if (error instanceof KgError) return error.problems;
    throw error;
  }
  throw new Error('expected failure');
}

describe('entities', () => {
  it('takes names from label and name_zh, keeping the rest as attributes', () => {
    const { graph } = run({ nodes: [node('a', { label: 'DeepSeek', name_zh: '深度求索', founded: 2023 })] });
    expect(graph.entities).toEqual([
      {
        id: 'a',
        type: 'node',
        name: { en: 'DeepSeek', zh: '深度求索' },
        aliases: [],
        description: { en: '', zh: '' },
        attributes: { founded: 2023 },
      },
    ]);
  });

  it('falls back on the id for a node without any label', () => {
    expect(run({ nodes: [node('n1')] }).graph.entities[0]?.name).toEqual({ en: 'n1', zh: '' });
  });

  it('auto-detects a type attribute by name, says so, and builds one entity type per value', () => {
    const { graph, notices } = run({
      nodes: [node('a', { Category: 'lab' }), node('b', { Category: 'fund' }), node('c', { Category: 'lab' })],
    });
    expect(graph.entities.map((e) => e.type)).toEqual(['lab', 'fund', 'lab']);
    expect(graph.entityTypes.map((t) => t.id)).toEqual(['lab', 'fund']);
    expect(notices[0]).toMatchObject({ code: 'IMPORT_TYPE_ATTRIBUTE', field: 'Category' });
  });

  it('uses the typeAttribute option, and suggests a close name when it is missing', () => {
    expect(run({ nodes: [node('a', { sector: 'AI' })] }, { typeAttribute: 'SECTOR' }).graph.entities[0]?.type).toBe('AI');
    expect(failure({ nodes: [node('a', { sector: 'AI' })] }, { typeAttribute: 'sectr' })[0]).toMatchObject({
      code: 'IMPORT_TYPE_ATTRIBUTE',
      hint: 'did you mean "sector"?',
    });
  });

  it('gives a type the colour its nodes share, else a palette colour, and keeps differing node colours', () => {
    const { graph } = run({
      nodes: [
        node('a', { type: 'x' }, { color: '#FF0000' }),
        node('b', { type: 'x' }, { color: 'rgb(255, 0, 0)' }),
        node('c', { type: 'y' }, { color: '#00f' }),
        node('d', { type: 'y' }),
      ],
    });
    expect(graph.entityTypes.map((t) => [t.id, t.color])).toEqual([
      ['x', '#ff0000'],
      ['y', '#e69f00'],
    ]);
    expect(graph.entities.map((e) => e.attributes?.color)).toEqual([undefined, undefined, '#0000ff', undefined]);
  });

  it('reads positions from x/y attributes when the format has no position of its own', () => {
    expect(run({ nodes: [node('a', { x: '1.5', y: -2 })] }).graph.positions).toEqual({ a: { x: 1.5, y: -2 } });
    expect(run({ nodes: [node('a', { x: 'left' })] }).graph.positions).toBeUndefined();
  });
});

describe('relations', () => {
  const nodes = [node('a'), node('b')];

  it('takes the type from a relation attribute, the modality and date when valid, and generates ids', () => {
    const { graph } = run({ nodes, edges: [edge('a', 'b', { relation: 'funds', modality: 'opinion', date: '2024', weight: 2 })] });
    expect(graph.relations).toEqual([
      { id: 'e0', source: 'a', target: 'b', type: 'funds', modality: 'opinion', date: '2024', evidence: [], attributes: { weight: 2 } },
    ]);
    expect(graph.relationTypes).toEqual([
      { id: 'funds', label: { en: 'funds', zh: '' }, reverse: { en: 'funds (inverse)', zh: '' }, symmetric: false, reflexive: false },
    ]);
  });

  it('splits a type used by directed and undirected edges into link and link-undirected, and marks self-loops reflexive', () => {
    const { graph } = run({
      nodes,
      edges: [edge('a', 'b'), edge('b', 'a', {}, { directed: false }), edge('a', 'a', {}, { directed: false })],
    });
    expect(graph.relations.map((r) => r.type)).toEqual(['link', 'link-undirected', 'link-undirected']);
    expect(graph.relationTypes.map((t) => [t.id, t.symmetric, t.reflexive])).toEqual([
      ['link', false, false],
      ['link-undirected', true, true],
    ]);
  });

  it('does not reuse a file id for a generated one, and rejects duplicate edge ids', () => {
    expect(run({ nodes, edges: [edge('a', 'b'), edge('a', 'b', {}, { id: 'e0' })] }).graph.relations.map((r) => r.id)).toEqual([
      'e0-2',
      'e0',
    ]);
    expect(failure({ nodes, edges: [edge('a', 'b', {}, { id: 'x' }), edge('b', 'a', {}, { id: 'x', line: 9 })] })[0]).toMatchObject({
      code: 'IMPORT_DUPLICATE_EDGE',
      record: 'x',
      line: 9,
    });
  });

  it('keeps a label with too many distinct values as an attribute rather than a relation type', () => {
    const many = Array.from({ length: 120 }, (_, i) => edge('a', 'b', {}, { label: `edge ${i}` }));
    const { graph, notices } = run({ nodes, edges: many });
    expect(graph.relationTypes.map((t) => t.id)).toEqual(['link']);
    expect(graph.relations[5]?.attributes?.label).toBe('edge 5');
    expect(notices.find((n) => n.code === 'IMPORT_TYPE_ATTRIBUTE')?.field).toBe('label');
  });

  it('suggests the closest node id for a missing endpoint', () => {
    expect(failure({ nodes: [node('alpha'), node('beta')], edges: [edge('alpha', 'betta', {}, { id: 'r' })] })[0]).toMatchObject({
      code: 'IMPORT_MISSING_ENDPOINT',
      record: 'r',
      field: 'target',
      hint: expect.stringContaining('did you mean "beta"?'),
    });
  });
});
