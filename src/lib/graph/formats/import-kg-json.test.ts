// Pins the kg-compiled reader: full validation by path, references checked with suggestions, safe copies.
import { describe, expect, it } from 'vitest';
import { KgError, type Problem } from '../errors.ts';
import { exportKgJson } from './export-kg-json.ts';
import { importGraph } from './import-graph.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

function problems(document: unknown): Problem[] {
  try {
    importGraph(JSON.stringify(document), { fileName: 'kg.json' });
  } catch (error) {
    if (error instanceof KgError) return error.problems;
    throw error;
  }
  return [];
}

const base = JSON.parse(exportKgJson(SAMPLE));

describe('kg JSON import', () => {
  it('accepts its own export unchanged and without notices', () => {
    expect(importGraph(exportKgJson(SAMPLE), { fileName: 'kg.json' })).toEqual({ graph: SAMPLE, format: 'kg-json', notices: [] });
  });

  it('reports every wrong field with its path and record', () => {
    const doc = structuredClone(base);
    doc.entities[1].aliases = ['ok', 3];
    doc.relations[0].modality = 'rumour';
    doc.entityTypes[0].shape = 'blob';
    expect(problems(doc).map((p) => [p.code, p.field, p.record])).toEqual([
      ['IMPORT_JSON_SHAPE', 'entityTypes[0].shape', 'org'],
      ['IMPORT_JSON_SHAPE', 'entities[1].aliases[1]', 'b'],
      ['IMPORT_JSON_SHAPE', 'relations[0].modality', 'r1'],
    ]);
  });

  it('reports a basis that is not stated or inferred, and a negated or descriptiveTitle that is not a boolean, by file, field and record', () => {
    const doc = structuredClone(base);
    doc.relations[0].basis = 'guessed';
    doc.relations[1].negated = 'yes';
    doc.sources[0].descriptiveTitle = 1;
    expect(problems(doc).map((p) => [p.code, p.file, p.field, p.record])).toEqual([
      ['IMPORT_JSON_SHAPE', 'kg.json', 'sources[0].descriptiveTitle', 's1'],
      ['IMPORT_JSON_SHAPE', 'kg.json', 'relations[0].basis', 'r1'],
      ['IMPORT_JSON_SHAPE', 'kg.json', 'relations[1].negated', 'r2'],
    ]);
    expect(problems(doc)[1]?.message).toBe('relations[0].basis: expected one of stated, inferred, found the string "guessed"');
  });

  it('keeps basis, negation, questions, date ranges, background and descriptive titles; a stated basis or false flag is stored absent', () => {
    const doc = structuredClone(base);
    Object.assign(doc.relations[0], { modality: 'question', basis: 'inferred', negated: true, date: '2026/2027', note: 'from the name' });
    Object.assign(doc.relations[1], { basis: 'stated', negated: false });
    doc.entities[0].background = { en: 'owned by X', zh: '' };
    doc.sources[0].descriptiveTitle = true;
    const { graph } = importGraph(JSON.stringify(doc), { fileName: 'kg.json' });
    expect(graph.relations[0]).toMatchObject({ modality: 'question', basis: 'inferred', negated: true, date: '2026/2027' });
    expect(Object.keys(graph.relations[1]!)).not.toContain('basis');
    expect(Object.keys(graph.relations[1]!)).not.toContain('negated');
    expect(graph.entities[0]!.background).toEqual({ en: 'owned by X', zh: '' });
    expect(graph.sources[0]!.descriptiveTitle).toBe(true);
    const again = JSON.parse(exportKgJson(graph));
    expect(Object.keys(again.relations[0])).toEqual([
      'id',
      'source',
      'target',
      'type',
      'modality',
      'basis',
      'negated',
      'date',
      'evidence',
      'note',
    ]);
    expect(Object.keys(again.sources[0])).toEqual(['id', 'title', 'descriptiveTitle', 'publisher', 'date', 'language', 'url']);
    expect(Object.keys(again.entities[0])).toEqual(['id', 'type', 'name', 'aliases', 'description', 'background', 'attributes']);
  });

  it('rejects duplicate ids, unknown types, missing endpoints and unknown evidence sources, with suggestions', () => {
    const doc = structuredClone(base);
    doc.entities.push(structuredClone(doc.entities[0]));
    doc.relations[0].type = 'fund';
    doc.relations[0].target = 'c';
    doc.relations[0].evidence[0].source = 's2';
    const found = problems(doc);
    expect(found.map((p) => p.code)).toEqual([
      'IMPORT_DUPLICATE_NODE',
      'IMPORT_UNKNOWN_TYPE',
      'IMPORT_MISSING_ENDPOINT',
      'IMPORT_UNKNOWN_SOURCE',
    ]);
    expect(found[1]?.hint).toBe('did you mean "funds"?');
  });

  it('refuses another version, and replaces an invalid type colour with a notice', () => {
    expect(problems({ ...base, version: 2 })[0]).toMatchObject({ code: 'IMPORT_JSON_SHAPE', field: 'version' });
    const doc = structuredClone(base);
    doc.entityTypes[0].color = 'red; background: url(x)';
    const { graph, notices } = importGraph(JSON.stringify(doc), { fileName: 'kg.json' });
    expect(graph.entityTypes[0]?.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(notices[0]?.code).toBe('IMPORT_INVALID_COLOR');
  });
});
