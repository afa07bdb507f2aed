// Streams rows into a table with COPY … FROM STDIN (text format), batched, with backpressure: memory stays flat
// however many rows the iterable yields.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | null | undefined;

/** One field in COPY's text format: backslash, tab, newline and carriage return escaped; null and undefined as \N. */
export function copyField(value: Cell): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A PostgreSQL array literal of text (each element double-quoted, so commas, braces and quotes stay data). */
export function textArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** JSON for a json/jsonb column, or null when there is nothing. */
export function jsonCell(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

const BATCH_CHARS = 1 << 18;

/** COPYs `rows` into `table (columns)`; returns the number of rows written. */
export async function copyRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: Iterable<Cell[]>): Promise<number> {
  let count = 0;
  function* batches(): Generator<string> {
    let batch = '';
    for (const row of rows) {
      batch += `${row.map(copyField).join('\t')}\n`;
      count++;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = '';
      }
    }
    if (batch) yield batch;
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(batches()), sink);
  return count;
}
