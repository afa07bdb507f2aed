// A small RFC 4180 CSV reader: quoted fields, CRLF, BOM, delimiter detection, row-numbered errors.
import type { ProblemCollector } from './problems.ts';

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** One data row and the (1-based) line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  rows: CsvRow[];
}

export interface CsvParseOptions {
  /** Forces a delimiter instead of detecting it from the header line. */
  delimiter?: CsvDelimiter;
}

/** The delimiter used most often (outside quotes) on the first line; `,` when there is a tie or none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/**
 * Reads CSV text into a header and rows. Blank lines are skipped. Rows whose field count differs from the
 * header, stray quotes and an unclosed quote are reported with their line numbers; all are collected.
 */
export function parseCsv(text: string, problems: ProblemCollector, options: CsvParseOptions = {}): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(source);
  const records: CsvRow[] = [];
  let line = 1;
  let pos = 0;
  const n = source.length;

  while (pos < n) {
    const startLine = line;
    const fields: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let value = '';
      if (source[pos] === '"') {
        const openLine = line;
        pos++;
        let closed = false;
        while (pos < n) {
          const quote = source.indexOf('"', pos);
          const chunk = source.slice(pos, quote < 0 ? n : quote);
          line += countLineBreaks(chunk);
          value += chunk;
          if (quote < 0) {
            pos = n;
            break;
          }
          if (source[quote + 1] === '"') {
            value += '"';
            pos = quote + 2;
          } else {
            pos = quote + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          problems.error('IMPORT_CSV_UNCLOSED_QUOTE', `unclosed quote in the field starting on line ${openLine}`, {
            line: openLine,
            hint: 'a field that starts with " must end with "; write a literal quote as ""',
          });
          return { delimiter, header: [], rows: [] };
        }
        const next = source[pos];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          problems.error('IMPORT_CSV_BAD_QUOTE', `unexpected text after a closing quote on line ${line}`, {
            line,
            hint: 'put the whole field in quotes and write a literal quote as ""',
          });
          const stop = findFieldEnd(source, pos, delimiter);
          value += source.slice(pos, stop);
          pos = stop;
        }
      } else {
        const stop = findFieldEnd(source, pos, delimiter);
        value = source.slice(pos, stop);
        pos = stop;
      }
      fields.push(value);
      const c = source[pos];
      if (c === delimiter) pos++;
      else {
        endOfRecord = true;
        if (c === '\r') pos += source[pos + 1] === '\n' ? 2 : 1;
        else if (c === '\n') pos++;
        if (c !== undefined) line++;
      }
    }
    if (!(fields.length === 1 && fields[0]!.trim() === '')) records.push({ line: startLine, fields });
  }

  const [first, ...rows] = records;
  const header = first ? first.fields : [];
  for (const row of rows) {
    if (row.fields.length !== header.length) {
      problems.error('IMPORT_CSV_RAGGED_ROW', `line ${row.line} has ${row.fields.length} fields but the header has ${header.length}`, {
        line: row.line,
        hint: `check for a missing or extra "${delimiter === '\t' ? '\\t' : delimiter}" or an unquoted delimiter inside a value`,
      });
    }
  }
  return { delimiter, header, rows };
}

function findFieldEnd(source: string, from: number, delimiter: string): number {
  for (let i = from; i < source.length; i++) {
    const c = source[i];
    if (c === delimiter || c === '\n' || c === '\r') return i;
  }
  return source.length;
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk.charCodeAt(i);
    if (c === 10 || (c === 13 && chunk.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}
