// Pins the compiler: a tiny valid graph-data folder compiles, and each kind of broken data gives its own located problem.
import { describe, expect, it } from 'vitest';
import type { CompileResult, DataFile } from './compile.ts';
import { compile } from './compile.ts';
import type { Problem } from './errors.ts';

/** YAML text from lines, so line N of the file is the N-th argument. */
const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

const SCHEMA = yaml(
  'version: 1',
  'title: Tiny graph',
  'entityTypes:',
  '  company: { label: { en: Company, zh: 公司 }, color: "#2563eb", shape: round-rectangle }',
  '  person: { label: { en: Person, zh: 人物 }, color: "#db2777", shape: ellipse }',
  'relationTypes:',
  '  funds: { label: { en: funds, zh: 资助 }, reverse: { en: funded by, zh: 受资助于 } }',
  '  leads: { label: { en: leads, zh: 领导 }, reverse: { en: led by, zh: 领导者为 } }',
  '  competes-with: { label: { en: competes with, zh: 竞争 }, symmetric: true }',
);

const SOURCE = yaml(
  'id: article',
  'title: A short article',
  'publisher: Example News',
  'date: "2025-02"',
  'language: en',
  'text: article.txt',
);

const ARTICLE = 'High-Flyer funds DeepSeek. 梁文锋领导深度求索，专注研究。\n';

const COMPANIES = yaml(
  '- id: deepseek',
  '  type: company',
  '  name: { en: DeepSeek, zh: 深度求索 }',
  '  aliases: [DeepSeek AI]',
  '  description: { en: An AI lab. }',
  '- id: high-flyer',
  '  type: company',
  '  name: { en: High-Flyer, zh: 幻方量化 }',
  '  description: { en: A hedge fund. }',
);

const PEOPLE = yaml(
  '- id: liang-wenfeng',
  '  type: person',
  '  name: { en: Liang Wenfeng, zh: 梁文锋 }',
  '  description: { en: Founder of DeepSeek. }',
);

const RELATIONS = yaml(
  '- source: high-flyer',
  '  type: funds',
  '  target: deepseek',
  '  modality: fact',
  '  evidence:',
  '    - source: article',
  '      quote: High-Flyer funds DeepSeek.',
  '- source: liang-wenfeng',
  '  type: leads',
  '  target: deepseek',
  '  modality: fact',
  '  evidence:',
  '    - source: article',
  '      quote: 梁文锋领导深度求索，专注研究。',
);

const FIXTURE: Record<string, string> = {
  'schema.yaml': SCHEMA,
  'sources/article.yaml': SOURCE,
  'sources/article.txt': ARTICLE,
  'entities/companies.yaml': COMPANIES,
  'entities/people.yaml': PEOPLE,
  'relations/main.yaml': RELATIONS,
};

/** The fixture as data files, with some files replaced, added, or (as `undefined`) removed. */
function filesWith(overrides: Record<string, string | undefined> = {}): DataFile[] {
  return Object.entries({ ...FIXTURE, ...overrides }).flatMap(([path, text]) => (text === undefined ? [] : [{ path, text }]));
}

const compileWith = (overrides: Record<string, string | undefined> = {}): CompileResult => compile(filesWith(overrides));

/** A relation whose quote is in the article, for tests that need one more valid-looking relation. */
const relation = (source: string, type: string, target: string, ...extra: string[]): string[] => [
  `- source: ${source}`,
  `  type: ${type}`,
  `  target: ${target}`,
  '  modality: fact',
  ...extra,
  '  evidence:',
  '    - source: article',
  '      quote: High-Flyer funds DeepSeek.',
];

/** A relation from DeepSeek to High-Flyer citing `quote`. */
const citing = (quote: string, source = 'article'): string =>
  yaml(...relation('deepseek', 'competes-with', 'high-flyer').slice(0, -2), `    - source: ${source}`, `      quote: ${quote}`);

/** Line and column (1-based) of the one occurrence of `needle` in `text`. */
function locate(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset === -1 || text.indexOf(needle, offset + 1) !== -1) throw new Error(`"${needle}" must occur exactly once`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The one problem with `code`; fails the test when there is none or several. */
function theProblem(result: CompileResult, code: string): Problem {
  const found = result.problems.filter((p) => p.code === code);
  expect(found, `problems: ${JSON.stringify(result.problems, null, 1)}`).toHaveLength(1);
  return found[0]!;
}

const codes = (result: CompileResult): string[] => result.problems.map((p) => p.code);

describe('compile: the tiny valid fixture', () => {
  it('compiles with no problems', () => {
    const result = compileWith();
    expect(result.problems).toEqual([]);
    expect(result.compiled).toBeDefined();
  });

  it('carries types, sources, entities and relations sorted by id', () => {
    const { compiled } = compileWith();
    expect(compiled!.title).toBe('Tiny graph');
    expect(compiled!.entityTypes.map((t) => t.id)).toEqual(['company', 'person']);
    expect(compiled!.relationTypes.map((t) => t.id)).toEqual(['funds', 'leads', 'competes-with']);
    expect(compiled!.sources).toEqual([
      { id: 'article', title: 'A short article', publisher: 'Example News', date: '2025-02', language: 'en' },
    ]);
    expect(compiled!.entities.map((e) => e.id)).toEqual(['deepseek', 'high-flyer', 'liang-wenfeng']);
    expect(compiled!.relations.map((r) => r.id)).toEqual(['high-flyer--funds--deepseek', 'liang-wenfeng--leads--deepseek']);
  });

  it('reads a symmetric relation type the same both ways', () => {
    const competes = compileWith().compiled!.relationTypes.find((t) => t.id === 'competes-with');
    expect(competes).toMatchObject({ symmetric: true, reflexive: false });
    expect(competes!.reverse).toEqual(competes!.label);
  });

  it('computes pinyin for Chinese names and fills a missing Chinese description with ""', () => {
    const liang = compileWith().compiled!.entities.find((e) => e.id === 'liang-wenfeng');
    expect(liang!.pinyin).toEqual(['liang wen feng', 'liangwenfeng', 'lwf']);
    expect(liang!.description).toEqual({ en: 'Founder of DeepSeek.', zh: '' });
  });

  it('gives byte-identical output whatever order the files come in', () => {
    const forwards = compile(filesWith());
    const backwards = compile(filesWith().reverse());
    expect(JSON.stringify(backwards)).toBe(JSON.stringify(forwards));
  });

  it('lists problems in the same order whatever order the files come in', () => {
    const broken = filesWith({ 'entities/people.yaml': PEOPLE.replace('type: person', 'type: persn') });
    expect(JSON.stringify(compile([...broken].reverse()))).toBe(JSON.stringify(compile(broken)));
  });
});

describe('compile: YAML that must not be read', () => {
  it('reports bad indentation as a syntax error with its place and an excerpt', () => {
    const people = yaml(
      '- id: liang-wenfeng',
      '  type: person',
      ' name: { en: Liang Wenfeng, zh: 梁文锋 }',
      '  description: { en: Founder. }',
    );
    const result = compileWith({ 'entities/people.yaml': people });
    const first = result.problems.find((p) => p.code === 'YAML_SYNTAX');
    expect(first).toMatchObject({ file: 'entities/people.yaml', line: 3, column: 1, severity: 'error' });
    expect(first!.message).toContain('near "name: { en: Liang Wenfeng');
    expect(result.compiled).toBeUndefined();
  });

  it('reports a duplicate key at the second key, never keeping the last one', () => {
    const people = yaml(
      '- id: liang-wenfeng',
      '  type: person',
      '  name: { en: Liang Wenfeng, zh: 梁文锋 }',
      '  type: company',
      '  description: { en: Founder. }',
    );
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'YAML_DUPLICATE_KEY');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', ...locate(people, 'type: company') });
  });

  it('reports a duplicate key in JSON-style flow syntax too', () => {
    const people = '[{"id": "liang-wenfeng", "type": "person", "id": "someone-else"}]\n';
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'YAML_DUPLICATE_KEY');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', ...locate(people, '"id": "someone-else"') });
  });

  it('rejects an unknown tag such as !!js/function without running anything', () => {
    const people = PEOPLE.replace('type: person', 'type: !!js/function "function () { return 1 }"');
    const result = compileWith({ 'entities/people.yaml': people });
    expect(theProblem(result, 'YAML_UNKNOWN_TAG')).toMatchObject({ file: 'entities/people.yaml', line: 2, column: 9 });
    expect(result.compiled).toBeUndefined();
  });

  it('rejects every alias of an alias bomb without expanding it', () => {
    // Nine aliases to the level below on each of ten levels: 9^10 nodes if expanded. The test timeout is the hang guard.
    const levels = ['- &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i <= 10; i++)
      levels.push(
        `- &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const result = compileWith({ 'entities/people.yaml': yaml(...levels) });
    const aliases = result.problems.filter((p) => p.code === 'YAML_ALIAS');
    expect(aliases).toHaveLength(90);
    expect(aliases[0]).toMatchObject({ file: 'entities/people.yaml', line: 2, column: 8 });
    expect(result.compiled).toBeUndefined();
  });
});

describe('compile: fields', () => {
  it('reports a missing field with its path, at the record', () => {
    const people = PEOPLE.replace('  type: person\n', '');
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'FIELD_MISSING');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', line: 1, column: 3, field: 'type', record: 'liang-wenfeng' });
  });

  it('reports missing evidence as a missing field', () => {
    const extra = yaml(...relation('deepseek', 'competes-with', 'high-flyer').slice(0, -3));
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'FIELD_MISSING');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 1, field: 'evidence' });
  });

  it('keeps YAML 1.1 number look-alikes as numbers, so `id: 0012` is a type error', () => {
    const people = PEOPLE.replace('id: liang-wenfeng', 'id: 0012');
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'FIELD_TYPE');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', line: 1, column: 7, field: 'id', hint: 'quote the value' });
    expect(problem.message).toContain('got number');
  });

  it('reads `id: no` as the string "no", not a boolean (YAML 1.2 core schema)', () => {
    const result = compileWith({
      'entities/people.yaml': PEOPLE.replace('id: liang-wenfeng', 'id: no'),
      'relations/main.yaml': RELATIONS.replace('source: liang-wenfeng', 'source: no'),
    });
    expect(result.problems).toEqual([]);
    expect(result.compiled!.entities.map((e) => e.id)).toContain('no');
  });

  it('treats `id: true` as a boolean, which is a type error', () => {
    const problem = theProblem(compileWith({ 'entities/people.yaml': PEOPLE.replace('id: liang-wenfeng', 'id: true') }), 'FIELD_TYPE');
    expect(problem.message).toContain('got boolean');
  });

  it('keeps an unquoted `date: 2024-01-01` a string, never a Date', () => {
    const result = compileWith({ 'sources/article.yaml': SOURCE.replace('"2025-02"', '2024-01-01') });
    expect(result.problems).toEqual([]);
    expect(result.compiled!.sources[0]!.date).toBe('2024-01-01');
  });

  it('rejects an unquoted year, which YAML reads as a number', () => {
    const problem = theProblem(compileWith({ 'sources/article.yaml': SOURCE.replace('"2025-02"', '2025') }), 'FIELD_TYPE');
    expect(problem).toMatchObject({ file: 'sources/article.yaml', line: 4, column: 7, field: 'date' });
  });

  it('reports an unknown field with a did-you-mean hint', () => {
    const extra = yaml(...relation('deepseek', 'competes-with', 'high-flyer')).replace('modality:', 'modalty:');
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'FIELD_UNKNOWN');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 4, column: 3, field: 'modalty' });
    expect(problem.hint).toBe('did you mean "modality"?');
  });

  it('reports an empty English name', () => {
    const people = PEOPLE.replace('en: Liang Wenfeng', 'en: ""');
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'FIELD_EMPTY');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', ...locate(people, '""'), field: 'name.en' });
  });

  it('reports a date that is not YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const source = SOURCE.replace('"2025-02"', '"Feb 2025"');
    const problem = theProblem(compileWith({ 'sources/article.yaml': source }), 'FIELD_DATE');
    expect(problem).toMatchObject({ file: 'sources/article.yaml', line: 4, column: 7, field: 'date' });
  });

  it('reports an impossible month on a relation date', () => {
    const extra = yaml(...relation('deepseek', 'competes-with', 'high-flyer', '  date: "2025-13"'));
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'FIELD_DATE');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 5, field: 'date' });
  });

  it('rejects a javascript: url', () => {
    const people = yaml(...PEOPLE.trimEnd().split('\n'), '  url: "javascript:alert(1)"');
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'FIELD_URL');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', line: 5, column: 8, field: 'url', record: 'liang-wenfeng' });
  });

  it('reports an unknown modality with a suggestion', () => {
    const extra = yaml(...relation('deepseek', 'competes-with', 'high-flyer')).replace('modality: fact', 'modality: facts');
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'FIELD_MODALITY');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 4, column: 13, field: 'modality', hint: 'did you mean "fact"?' });
  });

  it('reports every mistake in a file at once, one problem each', () => {
    const people = yaml(
      '- id: liang-wenfeng',
      '  type: persn',
      '  name: { en: Liang Wenfeng, zh: 梁文锋 }',
      '  description: { en: Founder. }',
      '  url: "ftp://example.com"',
      '  born: "1985"',
    );
    const result = compileWith({ 'entities/people.yaml': people });
    expect(result.problems.map((p) => [p.code, p.line])).toEqual([
      ['TYPE_UNKNOWN', 2],
      ['FIELD_URL', 5],
      ['FIELD_UNKNOWN', 6],
    ]);
    expect(result.compiled).toBeUndefined();
  });
});

describe('compile: ids', () => {
  const invisible = 'deepseek\u200b';
  it.each([
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['a space', 'Deep Seek'],
    ['a zero-width space', invisible],
    ['a trailing space', 'deepseek '],
    ['an NFC accent', 'caf\u00e9'],
    ['an NFD accent', 'cafe\u0301'],
  ])('rejects an id with %s as not a slug', (_, id) => {
    const extra = yaml(`- id: ${JSON.stringify(id)}`, '  type: person', '  name: { en: Someone, zh: 某人 }', '  description: { en: x }');
    const result = compileWith({ 'entities/extra.yaml': extra });
    expect(theProblem(result, 'ID_NOT_SLUG')).toMatchObject({ file: 'entities/extra.yaml', line: 1, column: 7, field: 'id' });
    expect(result.compiled).toBeUndefined();
  });

  it('names the invisible character in an id', () => {
    const extra = yaml(`- id: "deepseek\\u200b"`, '  type: person', '  name: { en: Someone, zh: 某人 }', '  description: { en: x }');
    const problem = theProblem(compileWith({ 'entities/extra.yaml': extra }), 'ID_NOT_SLUG');
    expect(problem.message).toContain('U+200B');
    expect(problem.hint).toBe('try "deepseek"');
  });

  it('reports the same id in two files, naming both places', () => {
    const extra = yaml('- id: deepseek', '  type: person', '  name: { en: Someone, zh: 某人 }', '  description: { en: x }');
    const problem = theProblem(compileWith({ 'entities/extra.yaml': extra }), 'ID_DUPLICATE');
    expect(problem).toMatchObject({ file: 'entities/extra.yaml', line: 1, column: 7 });
    expect(problem.message).toContain('entities/companies.yaml:1');
  });

  it('reports a relation id equal to an entity id, naming both places', () => {
    const extra = yaml('- id: deepseek', ...relation('deepseek', 'competes-with', 'high-flyer').map((l) => l.replace(/^- /, '  ')));
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'ID_DUPLICATE');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 1, column: 7 });
    expect(problem.message).toContain('entities/companies.yaml:1');
  });
});

describe('compile: types and references', () => {
  it('reports an unknown entity type, listing the allowed ones with a suggestion', () => {
    const people = PEOPLE.replace('type: person', 'type: persn');
    const problem = theProblem(compileWith({ 'entities/people.yaml': people }), 'TYPE_UNKNOWN');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', line: 2, column: 9, field: 'type', hint: 'did you mean "person"?' });
    expect(problem.message).toContain('allowed: company, person');
  });

  it('reports an unknown relation type with a suggestion', () => {
    const relations = RELATIONS.replace('type: funds', 'type: fund');
    const problem = theProblem(compileWith({ 'relations/main.yaml': relations }), 'TYPE_UNKNOWN');
    expect(problem).toMatchObject({ file: 'relations/main.yaml', line: 2, column: 9, hint: 'did you mean "funds"?' });
  });

  it('reports a relation to a missing entity with a suggestion, and compiles nothing', () => {
    const relations = RELATIONS.replace('target: deepseek', 'target: deepsek');
    const result = compileWith({ 'relations/main.yaml': relations });
    expect(theProblem(result, 'REL_DANGLING')).toMatchObject({
      file: 'relations/main.yaml',
      line: 3,
      column: 11,
      field: 'target',
      hint: 'did you mean "deepseek"?',
    });
    expect(result.compiled).toBeUndefined();
  });

  it('rejects a self-loop on a relation type that is not reflexive', () => {
    const extra = yaml(...relation('deepseek', 'funds', 'deepseek'));
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'REL_SELF_LOOP');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 3, column: 11, field: 'target' });
  });

  it('accepts a self-loop on a relation type declared reflexive', () => {
    const schema = SCHEMA.replace(
      'reverse: { en: funded by, zh: 受资助于 } }',
      'reverse: { en: funded by, zh: 受资助于 }, reflexive: true }',
    );
    const result = compileWith({ 'schema.yaml': schema, 'relations/extra.yaml': yaml(...relation('deepseek', 'funds', 'deepseek')) });
    expect(result.problems).toEqual([]);
    expect(result.compiled!.relations.map((r) => r.id)).toContain('deepseek--funds--deepseek');
  });

  it('reports the same (source, type, target) stated twice, naming the first', () => {
    // Files are read in path order, so relations/main.yaml states it first.
    const more = yaml(...relation('high-flyer', 'funds', 'deepseek'));
    const problem = theProblem(compileWith({ 'relations/more.yaml': more }), 'REL_DUPLICATE');
    expect(problem).toMatchObject({ file: 'relations/more.yaml', line: 1, hint: 'merge the evidence into one relation' });
    expect(problem.message).toContain('relations/main.yaml:1');
  });

  it('reports a symmetric relation stated both ways as a duplicate', () => {
    const extra = yaml(...relation('deepseek', 'competes-with', 'high-flyer'), ...relation('high-flyer', 'competes-with', 'deepseek'));
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'REL_DUPLICATE');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 8 });
  });
});

describe('compile: evidence', () => {
  it('reports a relation with an empty evidence list', () => {
    const extra = yaml(...relation('deepseek', 'competes-with', 'high-flyer').slice(0, -3), '  evidence: []');
    const problem = theProblem(compileWith({ 'relations/extra.yaml': extra }), 'EVIDENCE_MISSING');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 5, column: 13, field: 'evidence' });
  });

  it('reports evidence naming an unknown source, with a suggestion', () => {
    const problem = theProblem(
      compileWith({ 'relations/extra.yaml': citing('High-Flyer funds DeepSeek.', 'articel') }),
      'EVIDENCE_UNKNOWN_SOURCE',
    );
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 6, column: 15, field: 'evidence[0].source' });
    expect(problem.hint).toBe('did you mean "article"?');
  });

  it('reports an empty (whitespace-only) quote', () => {
    const problem = theProblem(compileWith({ 'relations/extra.yaml': citing('"   "') }), 'EVIDENCE_EMPTY_QUOTE');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 7, column: 14, field: 'evidence[0].quote' });
  });

  it('reports a quote that is not verbatim in the source', () => {
    const problem = theProblem(compileWith({ 'relations/extra.yaml': citing('High-Flyer fund DeepSeek.') }), 'EVIDENCE_NOT_VERBATIM');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', line: 7, column: 14, field: 'evidence[0].quote' });
    expect(problem.hint).toBeUndefined();
  });

  it('hints at punctuation width when only a half-width comma differs', () => {
    const problem = theProblem(compileWith({ 'relations/extra.yaml': citing('梁文锋领导深度求索,专注研究。') }), 'EVIDENCE_NOT_VERBATIM');
    expect(problem.hint).toContain('full-width vs half-width');
  });

  it('hints at stray spaces around an otherwise verbatim quote', () => {
    const problem = theProblem(compileWith({ 'relations/extra.yaml': citing('" High-Flyer funds DeepSeek. "') }), 'EVIDENCE_NOT_VERBATIM');
    expect(problem.hint).toBe('remove leading or trailing spaces');
  });

  it('reports a source whose text file is missing', () => {
    const problem = theProblem(compileWith({ 'sources/article.txt': undefined }), 'SOURCE_TEXT_MISSING');
    expect(problem).toMatchObject({ file: 'sources/article.yaml', line: 6, column: 7, field: 'text' });
    expect(problem.message).toContain('sources/article.txt');
  });
});

describe('compile: names and aliases', () => {
  it('reports an alias that is another entity’s alias, ignoring case', () => {
    const people = PEOPLE.replace('  description', '  aliases: [deepseek ai]\n  description');
    const result = compileWith({ 'entities/people.yaml': people });
    const problem = theProblem(result, 'ALIAS_CONFLICT');
    expect(problem).toMatchObject({ file: 'entities/people.yaml', line: 1, record: 'liang-wenfeng', field: 'aliases' });
    expect(problem.message).toContain('"deepseek" and "liang-wenfeng"');
    expect(result.compiled).toBeUndefined();
  });

  it('reports an alias that is another entity’s name written in full-width letters', () => {
    const people = PEOPLE.replace('  description', '  aliases: [ＤｅｅｐＳｅｅｋ]\n  description');
    expect(codes(compileWith({ 'entities/people.yaml': people }))).toEqual(['ALIAS_CONFLICT']);
  });

  it('warns about an alias that repeats the entity’s own name, and still compiles', () => {
    const people = PEOPLE.replace('  description', '  aliases: [梁文锋]\n  description');
    const result = compileWith({ 'entities/people.yaml': people });
    expect(theProblem(result, 'ALIAS_REDUNDANT')).toMatchObject({ severity: 'warning', file: 'entities/people.yaml', line: 1 });
    expect(result.compiled).toBeDefined();
  });

  it('reports an entity that has no relation', () => {
    const extra = yaml('- id: lonely', '  type: person', '  name: { en: Lonely, zh: 孤独 }', '  description: { en: Alone. }');
    const problem = theProblem(compileWith({ 'entities/extra.yaml': extra }), 'ENTITY_ISOLATED');
    expect(problem).toMatchObject({ file: 'entities/extra.yaml', line: 1, column: 7, record: 'lonely' });
  });

  it('warns about a bidi control in a name, with its code point, and still compiles', () => {
    const people = PEOPLE.replace('en: Liang Wenfeng', 'en: "Liang\\u202EWenfeng"');
    const result = compileWith({ 'entities/people.yaml': people });
    const problem = theProblem(result, 'TEXT_HIDDEN_CHAR');
    expect(problem).toMatchObject({ severity: 'warning', file: 'entities/people.yaml', line: 3, field: 'name' });
    expect(problem.message).toContain('U+202E');
    expect(result.compiled).toBeDefined();
  });

  it('warns about a zero-width space inside a quote', () => {
    const result = compileWith({
      'sources/article.txt': ARTICLE + 'Deep\u200bSeek\n',
      'relations/extra.yaml': citing('"Deep\\u200bSeek"'),
    });
    expect(theProblem(result, 'TEXT_HIDDEN_CHAR')).toMatchObject({ line: 7, field: 'evidence[0].quote' });
    expect(theProblem(result, 'TEXT_HIDDEN_CHAR').message).toContain('U+200B');
  });
});

describe('compile: schema', () => {
  it('reports a missing schema.yaml', () => {
    const result = compileWith({ 'schema.yaml': undefined });
    expect(theProblem(result, 'SCHEMA_MISSING')).toMatchObject({ file: 'schema.yaml' });
    expect(result.compiled).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['only a comment', '# nothing yet\n'],
  ])('reports a schema.yaml that is %s instead of failing silently', (_, text) => {
    const result = compileWith({ 'schema.yaml': text });
    expect(result.problems).toMatchObject([{ code: 'SCHEMA_EMPTY', severity: 'error', file: 'schema.yaml', line: 1, column: 1 }]);
    expect(result.compiled).toBeUndefined();
  });

  it('reports an unsupported schema version', () => {
    const problem = theProblem(compileWith({ 'schema.yaml': SCHEMA.replace('version: 1', 'version: 2') }), 'SCHEMA_VERSION');
    expect(problem).toMatchObject({ file: 'schema.yaml', line: 1, column: 10, field: 'version' });
  });

  it('reports a colour that is not #rrggbb', () => {
    const schema = SCHEMA.replace('"#2563eb"', '"#2563eb; background: url(x)"');
    const problem = theProblem(compileWith({ 'schema.yaml': schema }), 'SCHEMA_COLOR');
    expect(problem).toMatchObject({ file: 'schema.yaml', ...locate(schema, '"#2563eb;'), field: 'entityTypes.company.color' });
  });

  it('reports an unknown node shape with a suggestion', () => {
    const schema = SCHEMA.replace('shape: ellipse', 'shape: elipse');
    const problem = theProblem(compileWith({ 'schema.yaml': schema }), 'SCHEMA_SHAPE');
    expect(problem).toMatchObject({ file: 'schema.yaml', ...locate(schema, 'elipse'), hint: 'did you mean "ellipse"?' });
  });

  it('reports a reverse label on a symmetric relation type', () => {
    const schema = SCHEMA.replace('symmetric: true', 'symmetric: true, reverse: { en: x, zh: y }');
    const problem = theProblem(compileWith({ 'schema.yaml': schema }), 'SCHEMA_REVERSE');
    expect(problem).toMatchObject({ file: 'schema.yaml', line: 9, field: 'relationTypes.competes-with.reverse' });
  });

  it('reports a schema with no entity types and no relation types', () => {
    const schema = yaml('version: 1', 'title: Empty', 'entityTypes: {}', 'relationTypes: {}');
    const result = compileWith({ 'schema.yaml': schema });
    expect(result.problems.filter((p) => p.code === 'SCHEMA_EMPTY')).toMatchObject([
      { file: 'schema.yaml', line: 3, field: 'entityTypes' },
      { file: 'schema.yaml', line: 4, field: 'relationTypes' },
    ]);
  });

  it('rejects a magic type id', () => {
    const problem = theProblem(compileWith({ 'schema.yaml': SCHEMA.replace('  person:', '  constructor:') }), 'ID_NOT_SLUG');
    expect(problem).toMatchObject({ file: 'schema.yaml', line: 5, column: 3, field: 'entityTypes' });
  });
});

describe('compile: hostile keys', () => {
  it('leaves Object.prototype untouched and reports __proto__ fields as unknown', () => {
    const before = Object.getOwnPropertyNames(Object.prototype);
    const people = yaml(
      '- id: liang-wenfeng',
      '  type: person',
      '  __proto__: { polluted: 1 }',
      '  name: { en: Liang Wenfeng, zh: 梁文锋, __proto__: { polluted: 1 } }',
      '  description: { en: Founder. }',
      '  dates: { __proto__: "2020", constructor: "2021", founded: "2023" }',
    );
    const result = compileWith({ 'entities/people.yaml': people, 'sources/article.yaml': SOURCE + '__proto__: { polluted: 1 }\n' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(before);
    expect(result.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['FIELD_UNKNOWN', 'entities/people.yaml', 3],
      ['FIELD_UNKNOWN', 'entities/people.yaml', 4],
      ['FIELD_UNKNOWN', 'entities/people.yaml', 6],
      ['FIELD_UNKNOWN', 'entities/people.yaml', 6],
      ['FIELD_UNKNOWN', 'sources/article.yaml', 7],
    ]);
  });

  it('carries ordinary dates as plain data', () => {
    const people = PEOPLE.replace('  description', '  dates: { founded: "2023", born: 1980s }\n  description');
    const liang = compileWith({ 'entities/people.yaml': people }).compiled!.entities.find((e) => e.id === 'liang-wenfeng');
    expect(liang!.dates).toEqual({ founded: '2023', born: '1980s' });
  });
});

describe('compile: fidelity to the source', () => {
  const ARTICLE_WITH_DENIALS =
    ARTICLE + 'DeepSeek has no outside investors. Will regulators step in? Regulators may step in soon. 监管层会不会介入?\n';
  /** A relation with `fields` (after modality) and the given quotes, in a file of its own. */
  const claim = (fields: string[], quotes: string[], modality = 'fact'): Record<string, string> => ({
    'sources/article.txt': ARTICLE_WITH_DENIALS,
    'relations/extra.yaml': yaml(
      '- source: deepseek',
      '  type: competes-with',
      '  target: high-flyer',
      `  modality: ${modality}`,
      ...fields,
      '  evidence:',
      ...quotes.flatMap((q) => ['    - source: article', `      quote: ${q}`]),
    ),
  });

  it('keeps basis and negation on the compiled relation, stated and positive left implicit', () => {
    const result = compileWith(
      claim(['  basis: inferred', '  negated: true', '  note: Read from the denial.'], ['DeepSeek has no outside investors.']),
    );
    expect(result.problems).toEqual([]);
    const relation = result.compiled!.relations.find((r) => r.id === 'deepseek--competes-with--high-flyer')!;
    expect(relation).toMatchObject({ basis: 'inferred', negated: true });
    const stated = result.compiled!.relations.find((r) => r.id === 'high-flyer--funds--deepseek')!;
    expect('basis' in stated || 'negated' in stated).toBe(false);
  });

  it('requires a note saying what an inferred relation is inferred from', () => {
    const problem = theProblem(compileWith(claim(['  basis: inferred'], ['High-Flyer funds DeepSeek.'])), 'REL_INFERRED_NO_NOTE');
    expect(problem).toMatchObject({ file: 'relations/extra.yaml', field: 'note', record: 'deepseek--competes-with--high-flyer' });
  });

  it('refuses a note that calls a stated relation implied', () => {
    const problem = theProblem(
      compileWith(claim(['  note: Implied by the name.'], ['High-Flyer funds DeepSeek.'])),
      'REL_IMPLIED_AS_STATED',
    );
    expect(problem).toMatchObject({ field: 'basis', hint: 'add "basis: inferred"' });
  });

  it('refuses an unknown basis and a negated that is not true', () => {
    const result = compileWith(claim(['  basis: guessed', '  negated: false'], ['High-Flyer funds DeepSeek.']));
    expect(theProblem(result, 'FIELD_BASIS')).toMatchObject({ field: 'basis', line: 5 });
    expect(theProblem(result, 'FIELD_NEGATED')).toMatchObject({ field: 'negated', line: 6 });
  });

  it('requires a negated relation to quote the denial', () => {
    const problem = theProblem(compileWith(claim(['  negated: true'], ['High-Flyer funds DeepSeek.'])), 'REL_NEGATION_NOT_QUOTED');
    expect(problem).toMatchObject({ field: 'evidence' });
  });

  it('refuses a fact or forecast backed only by questions, also when the quote stops before the question mark', () => {
    for (const modality of ['fact', 'prediction']) {
      const asked = compileWith(claim([], ['Will regulators step in?', '监管层会不会介入'], modality));
      expect(theProblem(asked, 'REL_QUESTION_AS_CLAIM')).toMatchObject({
        field: 'modality',
        hint: expect.stringContaining('modality: question'),
      });
    }
    expect(compileWith(claim([], ['Will regulators step in?'], 'question')).problems).toEqual([]);
    expect(compileWith(claim([], ['Will regulators step in?', 'Regulators may step in soon.'], 'prediction')).problems).toEqual([]);
  });

  it('keeps background knowledge out of descriptions and in its own field', () => {
    const companies = COMPANIES.replace(
      '  description: { en: A hedge fund. }',
      '  description: { en: A hedge fund (background — based in Hangzhou). }',
    );
    const problem = theProblem(compileWith({ 'entities/companies.yaml': companies }), 'ENTITY_BACKGROUND_IN_DESCRIPTION');
    expect(problem).toMatchObject({ record: 'high-flyer', field: 'description' });
    const moved = COMPANIES.replace(
      '  description: { en: A hedge fund. }',
      '  description: { en: A hedge fund. }\n  background: { en: Based in Hangzhou., zh: 总部位于杭州。 }',
    );
    const result = compileWith({ 'entities/companies.yaml': moved });
    expect(result.problems).toEqual([]);
    expect(result.compiled!.entities.find((e) => e.id === 'high-flyer')!.background).toEqual({
      en: 'Based in Hangzhou.',
      zh: '总部位于杭州。',
    });
  });

  it('reads a descriptive title and date ranges, refusing a range that ends before it starts', () => {
    const result = compileWith({
      'sources/article.yaml': SOURCE.replace('title: A short article\n', 'title: A short article\ndescriptiveTitle: true\n'),
      ...claim(['  date: "2026/2027"'], ['Regulators may step in soon.'], 'prediction'),
    });
    expect(result.problems).toEqual([]);
    expect(result.compiled!.sources[0]).toMatchObject({ descriptiveTitle: true });
    expect(result.compiled!.relations.find((r) => r.date === '2026/2027')).toBeDefined();
    const backwards = compileWith(claim(['  date: "2027/2026"'], ['Regulators may step in soon.'], 'prediction'));
    expect(theProblem(backwards, 'FIELD_DATE')).toMatchObject({ field: 'date' });
  });

  it('lets an opinion and a forecast about the same pair stand side by side, but not under one derived id', () => {
    const both = yaml(...relation('high-flyer', 'funds', 'deepseek').map((l) => l.replace('modality: fact', 'modality: opinion')));
    const taken = theProblem(compileWith({ 'relations/more.yaml': both }), 'REL_ID_TAKEN');
    expect(taken).toMatchObject({ file: 'relations/more.yaml', record: 'high-flyer--funds--deepseek' });
    const named = yaml(
      '- id: high-flyer-funding-opinion',
      ...relation('high-flyer', 'funds', 'deepseek')
        .map((l) => l.replace('modality: fact', 'modality: opinion'))
        .map((l, i) => (i === 0 ? l.replace('- ', '  ') : l)),
    );
    expect(compileWith({ 'relations/more.yaml': named }).problems).toEqual([]);
  });
});
