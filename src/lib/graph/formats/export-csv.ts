// Writes a compiled graph as RFC 4180 CSV tables (nodes, edges, sources, graph), as text or zipped together.
import { strToU8, zipSync } from 'fflate';
import type { CompiledGraph, Entity, Relation, Source } from '../types.ts';
import { entityColor, entityFields, relationFields, type ExportField, type FieldType } from './export-fields.ts';
import { neutralizeCell } from './spreadsheet-safe.ts';
import { positionOf } from '../with-positions.ts';

/** The columns every node table starts with (from `entityFields`); extra attributes follow, typed, then position and colour. */
export const CSV_NODE_COLUMNS = [
  'id',
  'type',
  'name_en',
  'name_zh',
  'aliases',
  'description_en',
  'description_zh',
  'background_en',
  'background_zh',
  'url',
] as const;
/** The columns every edge table starts with (endpoints, direction, then `relationFields`); extra attributes follow, typed. */
export const CSV_EDGE_COLUMNS = [
  'id',
  'source',
  'target',
  'directed',
  'type',
  'modality',
  'basis',
  'negated',
  'date',
  'note',
  'evidence',
  'evidence_sources',
  'evidence_quotes',
] as const;
/** The sources table's columns; `descriptive_title` is `true` when the title describes the source rather than being its own. */
export const CSV_SOURCE_COLUMNS = ['id', 'title', 'descriptive_title', 'publisher', 'date', 'language', 'url'] as const;
export const CSV_GRAPH_COLUMNS = ['title'] as const;

/** Within one cell, list items (aliases, evidence) are separated by this (`\|` inside an item); sources and quotes pair up by position. */
export const CSV_LIST_SEPARATOR = '|';

/** Header suffixes that declare an attribute column's value type; importers convert and remove them. */
export const CSV_TYPE_SUFFIXES = { string: ':string', double: ':double', boolean: ':boolean' } as const satisfies Record<FieldType, string>;

/** Fixed zip entry time. Local-time constructor on purpose: zip stores local time, so bytes match in every time zone. */
const ZIP_TIME = new Date(2000, 0, 1);

/**
 * One cell as written: neutralised against spreadsheet formulas (see `neutralizeCell`), then quoted when it holds a
 * comma, quote, CR or LF, starts or ends with a space (RFC 4180), or was neutralised (OWASP: quote such cells).
 */
export function csvField(value: string): string {
  const safe = neutralizeCell(value);
  return safe !== value || /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A table from one list of columns: every field is a column, in order, so a new field is one line in its list. */
function table<T>(fields: readonly ExportField<T>[], items: readonly T[]): string {
  const header = fields.map((f) => (f.attribute ? `${f.name}${CSV_TYPE_SUFFIXES[f.type]}` : f.name));
  const rows = items.map((item) =>
    fields.map((f) => {
      const value = f.get(item);
      return value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? '' : String(value);
    }),
  );
  return csvTable(header, rows);
}

/**
 * The tables as CSV text (CRLF line ends, no BOM). Nodes: id, the model's fields, every extra attribute (its header
 * names its type, `weight:double`), x, y, colour. Edges: id, endpoints, `directed`, the relation fields and extra
 * attributes (`basis` and `negated` on every row). Sources: one row each, `descriptive_title` true or false. Graph: the title. Lists (aliases, evidence) are `|`-joined inside one cell.
 * Every cell is neutralised against spreadsheet formulas.
 */
export function exportCsv(compiled: CompiledGraph): { nodes: string; edges: string; sources: string; graph: string } {
  const typeColors = new Map(compiled.entityTypes.map((t) => [t.id, t.color]));
  const symmetric = new Set(compiled.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
  const nodeFields: ExportField<Entity>[] = [
    { name: 'id', type: 'string', get: (e) => e.id },
    ...entityFields(compiled),
    { name: 'x', type: 'double', get: (e) => positionOf(compiled, e.id)?.x },
    { name: 'y', type: 'double', get: (e) => positionOf(compiled, e.id)?.y },
    { name: 'color', type: 'string', get: (e) => entityColor(e, typeColors) },
  ];
  const edgeFields: ExportField<Relation>[] = [
    { name: 'id', type: 'string', get: (r) => r.id },
    { name: 'source', type: 'string', get: (r) => r.source },
    { name: 'target', type: 'string', get: (r) => r.target },
    { name: 'directed', type: 'boolean', get: (r) => !symmetric.has(r.type) },
    ...relationFields(compiled),
  ];
  const sourceFields = CSV_SOURCE_COLUMNS.map((name): ExportField<Source> => ({
    name,
    type: name === 'descriptive_title' ? 'boolean' : 'string',
    get: (s) => (name === 'descriptive_title' ? s.descriptiveTitle === true : s[name]),
  }));
  return {
    nodes: table(nodeFields, compiled.entities),
    edges: table(edgeFields, compiled.relations),
    sources: table(sourceFields, compiled.sources),
    graph: csvTable(CSV_GRAPH_COLUMNS, [[compiled.title]]),
  };
}

/** The zip's file names, by table. */
export const CSV_ZIP_FILES = { nodes: 'nodes.csv', edges: 'edges.csv', sources: 'sources.csv', graph: 'graph.csv' } as const;

/**
 * `nodes.csv`, `edges.csv`, `sources.csv` and `graph.csv` in one zip. Each file starts with a UTF-8 BOM so
 * spreadsheet programs read Chinese text correctly (the CSV importer strips it). Entry times are fixed, so output
 * is deterministic.
 */
export function exportCsvZip(compiled: CompiledGraph): Uint8Array {
  const tables = exportCsv(compiled);
  const file = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(`\uFEFF${text}`), { mtime: ZIP_TIME }];
  return zipSync(
    {
      [CSV_ZIP_FILES.nodes]: file(tables.nodes),
      [CSV_ZIP_FILES.edges]: file(tables.edges),
      [CSV_ZIP_FILES.sources]: file(tables.sources),
      [CSV_ZIP_FILES.graph]: file(tables.graph),
    },
    { level: 6 },
  );
}
