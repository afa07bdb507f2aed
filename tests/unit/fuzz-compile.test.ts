// Fuzzing the compiler (bad-inputs cases 1–14): mutated copies of the real graph-data files and random YAML give a
// compiled graph or located problems — never an exception, never a silent failure, never a polluted prototype.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/cli/data-folder.ts';
import { compile, type DataFile } from '../../src/lib/graph/compile.ts';
import { fuzzParameters } from '../fixtures/fuzz.ts';
import { PAYLOADS } from '../fixtures/payloads.ts';

const RUNS = fuzzParameters(200, 20250315);
/** Generous per-test time: the properties are bounded by run count, not by the clock. */
const TIMEOUT = Math.max(30_000, RUNS.numRuns * 400);

const DATA: readonly DataFile[] = readDataFolder(fileURLToPath(new URL('../../graph-data', import.meta.url)));
/** What every data file needs around it to compile: the schema and the sources. */
const CONTEXT = DATA.filter((f) => f.path === 'schema.yaml' || f.path.startsWith('sources/'));
const YAML_FILES = DATA.filter((f) => f.path.endsWith('.yaml'));

/** YAML syntax, YAML 1.1 look-alikes, tags, anchors, magic keys, hidden characters and payloads to splice in. */
const TOKENS = [
  ':',
  ': ',
  '- ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  '#',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '|',
  '>',
  '? ',
  '---',
  '...',
  '%YAML 1.1',
  '&a ',
  '*a',
  '<<: *a',
  '!!js/function "function () { return 1 }"',
  '!!binary aGk=',
  '!<tag:yaml.org,2002:js/undefined> x',
  '!custom x',
  '~',
  'null',
  'no',
  'yes',
  'true',
  '0012',
  '0x1F',
  '.inf',
  '1e999',
  '2024-01-01',
  '2024-01-01T00:00:00Z',
  '__proto__',
  '__proto__: { polluted: 1 }',
  'constructor: { prototype: { polluted: 1 } }',
  'toString',
  'id: ',
  'type: ',
  'source: ',
  'target: ',
  'evidence: []',
  'quote: ',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\uD800',
  '深度求索',
  'x'.repeat(5000),
  ...Object.values(PAYLOADS),
];
const junk = fc.string({ unit: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 1 })), maxLength: 12 });

type Mutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'indent-line' | 'dedent-line'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }
  | { kind: 'insert-line'; line: number; text: string }
  | { kind: 'insert' | 'replace'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'indent-line', 'dedent-line'), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines'), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert-line'), line: fc.nat(), text: junk }),
  fc.record({ kind: fc.constantFrom('insert', 'replace'), at: fc.nat(), text: junk }),
  fc.record({ kind: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
) as fc.Arbitrary<Mutation>;

/** Applies mutations in order; positions wrap around the current text, so every mutation lands somewhere. */
function mutate(text: string, mutations: readonly Mutation[]): string {
  for (const m of mutations) {
    if ('line' in m) {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      if (m.kind === 'delete-line') lines.splice(i, 1);
      else if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i]!);
      else if (m.kind === 'indent-line') lines[i] = ` ${lines[i]}`;
      else if (m.kind === 'dedent-line') lines[i] = lines[i]!.replace(/^ /, '');
      else if (m.kind === 'insert-line') lines.splice(i, 0, m.text);
      else if (m.kind === 'swap-lines') {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      text = lines.join('\n');
    } else {
      const at = m.at % (text.length + 1);
      if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
      else if (m.kind === 'replace') text = text.slice(0, at) + m.text + text.slice(at + m.text.length);
      else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
      else text = text.slice(0, at);
    }
  }
  return text;
}

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

/** Compiles: a graph with no errors, or at least one error; every problem has a code and a file:line:col in the input. */
function checkCompile(files: readonly DataFile[]): void {
  const result = compile(files);
  const paths = new Set(files.map((f) => f.path));
  for (const p of result.problems) {
    expect(p.code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(['error', 'warning']).toContain(p.severity);
    expect(paths.has(p.file ?? ''), `problem without a file of the input: ${JSON.stringify(p)}`).toBe(true);
    expect(p.line, `problem without a line: ${JSON.stringify(p)}`).toBeGreaterThanOrEqual(1);
    expect(p.column, `problem without a column: ${JSON.stringify(p)}`).toBeGreaterThanOrEqual(1);
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (result.compiled) expect(errors).toEqual([]);
  else expect(errors.length, 'a failed compile must say why').toBeGreaterThan(0);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

/** `files` with the file at `path` replaced by `text`. */
const replacing = (files: readonly DataFile[], path: string, text: string): DataFile[] =>
  files.some((f) => f.path === path) ? files.map((f) => (f.path === path ? { path, text } : f)) : [...files, { path, text }];

describe('fuzzing the compiler', () => {
  it(
    'compiles or locates every problem for a mutated real file beside the schema and sources',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...YAML_FILES), fc.array(mutation, { minLength: 1, maxLength: 5 }), (file, mutations) => {
          checkCompile(replacing(CONTEXT, file.path, mutate(file.text, mutations)));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'compiles or locates every problem when one file of the whole graph-data folder is mutated',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...YAML_FILES), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, mutations) => {
          checkCompile(replacing(DATA, file.path, mutate(file.text, mutations)));
        }),
        { ...RUNS, numRuns: Math.ceil(RUNS.numRuns / 5) },
      );
    },
    TIMEOUT,
  );

  it(
    'compiles or locates every problem for random YAML in any kind of file',
    () => {
      const path = fc.constantFrom('schema.yaml', 'sources/seed-article.yaml', 'entities/people.yaml', 'relations/deepseek.yaml');
      const text = fc.oneof(
        fc.string({ unit: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 1 })), maxLength: 40 }),
        fc.string(),
      );
      fc.assert(
        fc.property(path, text, (p, t) => {
          checkCompile(replacing(CONTEXT, p, t));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
