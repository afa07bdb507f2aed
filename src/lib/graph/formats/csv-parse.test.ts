// Pins the CSV reader: RFC 4180 quoting, line numbers across multi-line fields, delimiters and errors.
import { describe, expect, it } from 'vitest';
import { KgError } from '../errors.ts';
import { detectDelimiter, parseCsv } from './csv-parse.ts';
import { ProblemCollector } from './problems.ts';

const parse = (text: string) => parseCsv(text, new ProblemCollector('t.csv'));

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, numbering rows by their first line', () => {
    const table = parse('a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\r\n\r\nlast,row');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('keeps empty fields and a trailing empty field', () => {
    expect(parse('a,b,c\n,,\n1,,').rows.map((r) => r.fields)).toEqual([
      ['', '', ''],
      ['1', '', ''],
    ]);
  });

  it('reports text after a closing quote and a ragged row, all at once', () => {
    const collector = new ProblemCollector('t.csv');
    parseCsv('a,b\n"x"y,1\n1,2,3\n', collector);
    expect(() => collector.throwIfErrors()).toThrow(KgError);
    try {
      collector.throwIfErrors();
    } catch (error) {
      if (!(error instanceof KgError)) throw error;
      expect(error.problems.map((p) => [p.code, p.line])).toEqual([
        ['IMPORT_CSV_BAD_QUOTE', 2],
        ['IMPORT_CSV_RAGGED_ROW', 3],
      ]);
    }
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter used most on the header line, ignoring quoted ones', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});
