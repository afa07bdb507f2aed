// Pins strict JSON parsing: duplicate keys, located syntax errors, depth limit, and __proto__ as plain data.
import { describe, expect, it } from 'vitest';
import { KgError, type Problem } from '../errors.ts';
import { parseJson } from './json-parse.ts';
import { ProblemCollector } from './problems.ts';

function problems(text: string, maxDepth?: number): Problem[] {
  try {
    parseJson(text, new ProblemCollector('t.json'), maxDepth === undefined ? {} : { maxDepth });
  } catch (error) {
    if (error instanceof KgError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseJson', () => {
  it('returns what JSON.parse returns for valid JSON', () => {
    const text = '{"a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "b": {}, "c": []}';
    expect(parseJson(text, new ProblemCollector('t.json'))).toEqual(JSON.parse(text));
  });

  it('lists every duplicate key, including one spelled with an escape', () => {
    const found = problems('{"a": 1,\n "\\u0061": 2, "b": {"c": 1, "c": 2}}');
    expect(found.map((p) => [p.code, p.line, p.column, p.field])).toEqual([
      ['IMPORT_JSON_DUPLICATE_KEY', 2, 2, 'a'],
      ['IMPORT_JSON_DUPLICATE_KEY', 2, 29, 'c'],
    ]);
  });

  it('locates syntax errors: trailing commas, garbage after the value, bad escapes, raw control characters', () => {
    expect(problems('[1, 2,]')[0]).toMatchObject({ code: 'IMPORT_JSON_SYNTAX', line: 1, column: 7 });
    expect(problems('{}\n{}')[0]).toMatchObject({ code: 'IMPORT_JSON_SYNTAX', line: 2, column: 1 });
    expect(problems('["a\\x"]')[0]).toMatchObject({ code: 'IMPORT_JSON_SYNTAX', line: 1, column: 4 });
    expect(problems('["a\tb"]')[0]).toMatchObject({ code: 'IMPORT_JSON_SYNTAX', column: 4 });
    expect(problems("{'a': 1}")[0]?.message).toContain('expected a property name in double quotes');
  });

  it('refuses nesting deeper than the limit before building anything', () => {
    expect(problems('[[[1]]]', 2)[0]).toMatchObject({ code: 'IMPORT_JSON_TOO_DEEP', column: 3 });
    expect(problems('[[[1]]]', 3)).toEqual([]);
  });

  it('parses a string with a million escapes without exhausting the regex engine', () => {
    const value = parseJson(`["${'\\n'.repeat(1_000_000)}"]`, new ProblemCollector('t.json'));
    expect(Array.isArray(value) && typeof value[0] === 'string' && value[0].length).toBe(1_000_000);
  });

  it('keeps a "__proto__" key as an own data property', () => {
    const value = parseJson('{"__proto__": {"polluted": 1}}', new ProblemCollector('t.json'));
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: 1 });
    expect('polluted' in {}).toBe(false);
  });
});
