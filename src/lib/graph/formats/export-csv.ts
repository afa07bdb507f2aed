// Writes a compiled graph as two RFC 4180 CSV tables (nodes, edges), as text or zipped together.
import { strToU8, zipSync } from 'fflate';
import type { CompiledGraph } from '../types.ts';

export const CSV_NODE_COLUMNS = ['id', 'type', 'name_en', 'name_zh', 'aliases', 'description_en'] as const;
export const CSV_EDGE_COLUMNS = ['id', 'source', 'target', 'type', 'modality', 'date', 'evidence_sources', 'evidence_quotes'] as const;

/** Within one cell, list items (aliases, evidence) are separated by this; evidence sources and quotes pair up by position. */
export const CSV_LIST_SEPARATOR = '|';

/** Fixed zip entry time. Local-time constructor on purpose: zip stores local time, so bytes match in every time zone. */
const ZIP_TIME = new Date(2000, 0, 1);

/** Quotes a field when it holds a comma, quote, CR or LF, or starts or ends with a space (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The node and edge tables as CSV text (CRLF line ends, no BOM). Aliases and evidence lists are joined with
 * `|` inside one cell; evidence sources are source ids, in the same order as the quotes.
 */
export function exportCsv(compiled: CompiledGraph): { nodes: string; edges: string } {
  const nodes = compiled.entities.map((e) => [e.id, e.type, e.name.en, e.name.zh, e.aliases.join(CSV_LIST_SEPARATOR), e.description.en]);
  const edges = compiled.relations.map((r) => [
    r.id,
    r.source,
    r.target,
    r.type,
    r.modality,
    r.date ?? '',
    r.evidence.map((ev) => ev.source).join(CSV_LIST_SEPARATOR),
    r.evidence.map((ev) => ev.quote).join(CSV_LIST_SEPARATOR),
  ]);
  return { nodes: csvTable(CSV_NODE_COLUMNS, nodes), edges: csvTable(CSV_EDGE_COLUMNS, edges) };
}

/**
 * `nodes.csv` and `edges.csv` in one zip. Each file starts with a UTF-8 BOM so spreadsheet programs read Chinese
 * text correctly (the CSV importer strips it). Entry times are fixed, so output is deterministic.
 */
export function exportCsvZip(compiled: CompiledGraph): Uint8Array {
  const { nodes, edges } = exportCsv(compiled);
  const file = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(`\uFEFF${text}`), { mtime: ZIP_TIME }];
  return zipSync({ 'nodes.csv': file(nodes), 'edges.csv': file(edges) }, { level: 6 });
}
