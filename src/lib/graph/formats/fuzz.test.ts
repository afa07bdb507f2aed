// Fuzzing: random and mutated files into every importer give a graph or a located KgError, nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KgError, type Problem } from '../errors.ts';
import { exportCsv } from './export-csv.ts';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { exportGraphologyJson } from './export-graphology-json.ts';
import { exportKgJson } from './export-kg-json.ts';
import { importGraph } from './import-graph.ts';
import { IMPORT_FORMATS } from './import-types.ts';
import { SAMPLE } from './test-support/sample-graph.ts';
import { fuzzParameters } from '../../../../tests/fixtures/fuzz.ts';

// FUZZ_RUNS / FUZZ_SEED scale this up for a longer run (README, Testing).
const RUNS = fuzzParameters(250, 7);

const csv = exportCsv(SAMPLE);
const SEEDS = [exportKgJson(SAMPLE), exportGraphologyJson(SAMPLE), exportGexf(SAMPLE), exportGraphml(SAMPLE), csv.edges, csv.nodes];

const PIECES = [
  '<',
  '>',
  '/',
  '"',
  "'",
  '=',
  '&',
  ';',
  ',',
  '\t',
  '\n',
  '\r',
  '{',
  '}',
  '[',
  ']',
  ':',
  '\\',
  '\u0000',
  '\uFEFF',
  '\uD800',
  'é',
  '中',
  '😀',
];
const TOKENS = [
  '__proto__',
  'constructor',
  '<!DOCTYPE x>',
  '<node id="a"/>',
  '<edge source="a"/>',
  '"key":',
  '"nodes":',
  '[]',
  '{}',
  'null',
  '1e999',
  '""',
  '<![CDATA[',
  '-->',
];
const junk = fc.string({
  unit: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...TOKENS), fc.string({ maxLength: 1 })),
  maxLength: 30,
});

interface Mutation {
  kind: 'insert' | 'delete' | 'replace' | 'truncate';
  at: number;
  length: number;
  text: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'truncate'),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 40 }),
  text: junk,
});

function mutate(seed: string, mutations: readonly Mutation[]): string {
  let text = seed;
  for (const m of mutations) {
    const at = m.at % (text.length + 1);
    if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
    else if (m.kind === 'replace') text = text.slice(0, at) + m.text + text.slice(at + m.text.length);
    else text = text.slice(0, at);
  }
  return text;
}

const LINE_CODES = new Set([
  'IMPORT_XML_MALFORMED',
  'IMPORT_XML_DOCTYPE',
  'IMPORT_JSON_SYNTAX',
  'IMPORT_JSON_DUPLICATE_KEY',
  'IMPORT_JSON_TOO_DEEP',
  'IMPORT_CSV_UNCLOSED_QUOTE',
  'IMPORT_CSV_BAD_QUOTE',
  'IMPORT_CSV_RAGGED_ROW',
]);

/** A problem says where: a line for text syntax, a field path for JSON shape, a record for graph-level trouble. */
function expectLocated(problem: Problem): void {
  expect(problem.file).toBe('fuzzed');
  if (LINE_CODES.has(problem.code)) expect(problem.line).toBeGreaterThanOrEqual(1);
  if (problem.code === 'IMPORT_JSON_SHAPE' && problem.severity === 'error')
    expect(problem.field !== undefined || problem.message.startsWith('the top level')).toBe(true);
  if (problem.code === 'IMPORT_MISSING_ENDPOINT' || problem.code === 'IMPORT_DUPLICATE_NODE' || problem.code === 'IMPORT_DUPLICATE_EDGE') {
    expect(problem.record).toBeDefined();
  }
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** Imports `text`: success, or a KgError whose problems are all located; never any other exception or pollution. */
function checkImport(text: string, format: (typeof IMPORT_FORMATS)[number] | 'auto'): void {
  try {
    const { graph } = importGraph(text, { fileName: 'fuzzed', format });
    expect(graph.format).toBe('kg-compiled');
  } catch (error) {
    if (!(error instanceof KgError)) throw error;
    expect(error.code).not.toBe('IMPORT_INTERNAL');
    expect(error.problems.length).toBeGreaterThan(0);
    error.problems.forEach(expectLocated);
  }
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect('polluted' in {}).toBe(false);
}

describe('fuzzing the importers', () => {
  for (const format of ['auto', ...IMPORT_FORMATS] as const) {
    it(`gives a graph or a located KgError for mutated files read as ${format}`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...SEEDS), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
          checkImport(mutate(seed, mutations), format);
        }),
        RUNS,
      );
    });
  }

  it('gives a graph or a located KgError for random text in any format', () => {
    fc.assert(
      fc.property(
        fc.oneof(junk, fc.string({ unit: 'binary', maxLength: 200 }), fc.json()),
        fc.constantFrom('auto', ...IMPORT_FORMATS),
        (text, format) => {
          checkImport(text, format);
        },
      ),
      RUNS,
    );
  });

  it('gives a graph or a located KgError for random JSON values shaped like graphs', () => {
    const keyish = fc.constantFrom(
      'nodes',
      'edges',
      'key',
      'source',
      'target',
      'attributes',
      'options',
      'undirected',
      'format',
      '__proto__',
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('a', 'b', 1, null, true, 'kg-compiled'),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(keyish, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(keyish, value, { maxKeys: 5 }), (doc) => {
        checkImport(JSON.stringify(doc), 'auto');
      }),
      RUNS,
    );
  });
});
