// Reads a CSV edge list (and optionally a node table) into the format-neutral raw graph, columns mapped by name.
import { didYouMean } from '../errors.ts';
import type { Source } from '../types.ts';
import { parseCsv, type CsvTable } from './csv-parse.ts';
import type { AttributeValue, CsvColumnChoice, CsvRole, RawEdge, RawGraph, RawNode } from './import-types.ts';
import { CSV_ROLES } from './import-types.ts';
import { ProblemCollector, sampleList } from './problems.ts';
import { restoreCell } from './spreadsheet-safe.ts';
import { RELATION_TYPE_NAMES } from './to-relations.ts';

/** Accepted header names per role, first match wins (compared case-insensitively, trimmed). */
export const CSV_COLUMNS = {
  source: ['source', 'from', 'src', 'source_id', 'start', 'subject'],
  target: ['target', 'to', 'dst', 'target_id', 'end', 'object'],
  edgeId: ['id', 'key', 'edge_id'],
  edgeType: ['type', 'relation', 'relationship', 'predicate', 'label', 'category', 'kind'],
  directed: ['directed'],
  nodeId: ['id', 'key', 'node_id', 'node'],
} as const;

const TRUE_WORDS = new Set(['true', 'yes', '1', 'directed']);
/** Attribute names the relation type can be taken from after reading (see to-relations.ts). */
const TYPE_LIKE: ReadonlySet<string> = new Set([...RELATION_TYPE_NAMES, ...CSV_COLUMNS.edgeType]);

/** Header names accepted for each role of an edge list's columns. */
const ROLE_NAMES: Record<CsvRole, readonly string[]> = {
  source: CSV_COLUMNS.source,
  target: CSV_COLUMNS.target,
  type: CSV_COLUMNS.edgeType,
  id: CSV_COLUMNS.edgeId,
  directed: CSV_COLUMNS.directed,
};

/** What the column preview shows before a CSV edge list is imported. */
export interface CsvColumnPreview {
  /** The header row, as in the file. */
  header: string[];
  /** The first few data rows. */
  rows: string[][];
  /** The column each role would get by name (header text), if any. */
  guess: Partial<Record<CsvRole, string>>;
  /** Why the user should look before importing: roles with no column, or with several that could be it. */
  ambiguities: { role: CsvRole; candidates: string[] }[];
  /** A single table with an id column and no source/target: read as a node list, nothing to map. */
  nodesOnly: boolean;
}

const PREVIEW_ROWS = 5;

/**
 * The column preview of a CSV edge list, from the start of the file (a partial last line is dropped): the header,
 * a few rows, the column each role gets by name, and where that guess is missing or could be another column
 * (both "type" and "label", say). Parse problems are left to the import itself.
 */
export function previewCsvColumns(head: string): CsvColumnPreview {
  const complete = head.includes('\n') ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const table = readTable(complete, new ProblemCollector('preview.csv'));
  const lower = table.header.map((h) => h.trim().toLowerCase());
  const guess: Partial<Record<CsvRole, string>> = {};
  const ambiguities: CsvColumnPreview['ambiguities'] = [];
  for (const role of CSV_ROLES) {
    const names = ROLE_NAMES[role];
    const index = find(lower, names);
    if (index >= 0) guess[role] = table.header[index]!;
    const candidates = table.header.filter((_, i) => names.includes(lower[i]!));
    if (candidates.length > 1) ambiguities.push({ role, candidates });
  }
  const nodesOnly = guess.source === undefined && guess.target === undefined && find(lower, CSV_COLUMNS.nodeId) >= 0;
  const missing = (['source', 'target'] as const)
    .filter((role) => guess[role] === undefined)
    .map((role) => ({ role, candidates: [...table.header] }));
  return {
    header: table.header,
    rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.fields),
    guess,
    ambiguities: nodesOnly ? [] : [...missing, ...ambiguities],
    nodesOnly,
  };
}

/**
 * Reads `edgesText` as an edge list (`source,target[,type][,…]`) and `nodesText`, when given, as a node table
 * (`id[,label][,type][,…]`). Without a node table, nodes are the endpoints in order of appearance. A single
 * table with an id column and no source/target columns is read as nodes only. Ids are trimmed with a notice.
 */
export function readCsv(
  edgesText: string,
  nodesText: string | undefined,
  problems: ProblemCollector,
  fallbackTitle: string,
  nodesFile = 'nodes.csv',
  columns: CsvColumnChoice = {},
  sourcesTable: { text: string; fileName: string } | undefined = undefined,
): RawGraph {
  const table = readTable(edgesText, problems);
  const nodeProblems = problems.forFile(nodesFile);
  const nodeTable = nodesText === undefined ? undefined : readTable(nodesText, nodeProblems);
  const sourceProblems = sourcesTable ? problems.forFile(sourcesTable.fileName) : undefined;
  const sourceRows = sourcesTable && sourceProblems ? readTable(sourcesTable.text, sourceProblems) : undefined;
  problems.throwIfErrors();
  const trimmed: string[] = [];
  const clean = (value: string, line: number): string => {
    const t = value.trim();
    if (t !== value) trimmed.push(`line ${line}`);
    return t;
  };

  const header = table.header.map((h) => h.trim().toLowerCase());
  const nodesOnly =
    nodeTable === undefined &&
    columns.source === undefined &&
    columns.target === undefined &&
    find(header, CSV_COLUMNS.source) < 0 &&
    find(header, CSV_COLUMNS.target) < 0 &&
    find(header, CSV_COLUMNS.nodeId) >= 0;
  const nodes = nodesOnly ? readNodes(table, problems, clean) : nodeTable ? readNodes(nodeTable, nodeProblems, clean) : undefined;
  const edges = nodesOnly ? [] : readEdges(table, problems, clean, columns);
  problems.throwIfErrors();
  if (trimmed.length > 0) {
    problems.warn(
      'IMPORT_CSV_ID_TRIMMED',
      `${trimmed.length} id${trimmed.length === 1 ? '' : 's'} had spaces around them, removed: ${sampleList(trimmed)}`,
    );
  }
  const graph: RawGraph = { title: fallbackTitle, nodes: nodes ?? endpointNodes(edges), edges };
  if (sourceRows && sourceProblems) graph.sources = readSources(sourceRows, sourceProblems);
  problems.throwIfErrors();
  return graph;
}

/** A parsed table with our spreadsheet-formula prefix removed from every cell (see `restoreCell`). */
function readTable(text: string, problems: ProblemCollector): CsvTable {
  const table = parseCsv(text, problems);
  return {
    delimiter: table.delimiter,
    header: table.header.map(restoreCell),
    rows: table.rows.map((row) => ({ line: row.line, fields: row.fields.map(restoreCell) })),
  };
}

/**
 * A sources table (`id,title[,descriptive_title],publisher,date,language[,url]`), as the CSV zip writes it; rows
 * without an id are errors. `descriptive_title` is `true` or `false` (any case); another value is dropped with a notice.
 */
function readSources(table: CsvTable, problems: ProblemCollector): Source[] {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const idIndex = requireColumn(table, ['id'], 'source id', problems);
  if (idIndex < 0) return [];
  const cell = (row: string[], name: string): string => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (row[i] ?? '');
  };
  return table.rows.flatMap((row): Source[] => {
    const id = cell(row.fields, 'id').trim();
    if (id === '') {
      problems.error('IMPORT_CSV_MISSING_COLUMN', `line ${row.line} has an empty source id`, { line: row.line, field: 'id' });
      return [];
    }
    const source: Source = {
      id,
      title: cell(row.fields, 'title'),
      publisher: cell(row.fields, 'publisher'),
      date: cell(row.fields, 'date'),
      language: cell(row.fields, 'language'),
    };
    const url = cell(row.fields, 'url');
    if (/^https?:\/\/\S+$/i.test(url)) source.url = url;
    const descriptive = cell(row.fields, 'descriptive_title').trim();
    if (descriptive.toLowerCase() === 'true') source.descriptiveTitle = true;
    else if (descriptive !== '' && descriptive.toLowerCase() !== 'false') {
      problems.warn('IMPORT_VALUE_DROPPED', `line ${row.line}: descriptive_title is true or false, not "${descriptive}"; ignored`, {
        line: row.line,
        column: header.indexOf('descriptive_title') + 1,
        record: id,
        field: 'descriptive_title',
      });
    }
    return [source];
  });
}

function find(header: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const i = header.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

function requireColumn(table: CsvTable, names: readonly string[], role: string, problems: ProblemCollector): number {
  const header = table.header.map((h) => h.trim().toLowerCase());
  const index = find(header, names);
  if (index < 0) {
    const suggestion = header.map((h) => didYouMean(h, names)).find((s) => s !== undefined);
    problems.error('IMPORT_CSV_MISSING_COLUMN', `no ${role} column; expected one named ${names.join(', ')}`, {
      line: 1,
      hint: suggestion
        ? `did you mean "${suggestion}"? The first row must name the columns`
        : `the first row must name the columns; found ${sampleList(table.header)}`,
    });
  }
  return index;
}

/** Header suffixes naming a column's value type (as our export writes extra attributes: `weight:double`). */
const TYPE_SUFFIX = /:(string|double|boolean)$/;

/**
 * Attribute names for the other columns: header text without a type suffix, made unique, `column N` for blank
 * headers; and each column's declared value type, if any.
 */
function columnNames(table: CsvTable): string[] {
  const seen = new Set<string>();
  return table.header.map((raw, i) => {
    const base = raw.trim().replace(TYPE_SUFFIX, '') || `column ${i + 1}`;
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    return name;
  });
}

/** A cell's value as its column's declared type: `:double` cells that are numbers become numbers, `:boolean` true/false. */
function typedValue(header: string, value: string): AttributeValue {
  const type = TYPE_SUFFIX.exec(header.trim())?.[1];
  if (type === 'double' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

function readNodes(table: CsvTable, problems: ProblemCollector, clean: (v: string, line: number) => string): RawNode[] {
  const idIndex = requireColumn(table, CSV_COLUMNS.nodeId, 'node id', problems);
  if (idIndex < 0) return [];
  const names = columnNames(table);
  return table.rows.flatMap((row) => {
    const attributes = new Map<string, AttributeValue>();
    row.fields.forEach((value, i) => {
      if (i !== idIndex && value !== '') attributes.set(names[i]!, typedValue(table.header[i]!, value));
    });
    const id = clean(row.fields[idIndex] ?? '', row.line);
    if (id === '') {
      problems.error('IMPORT_EMPTY_ID', `line ${row.line} has an empty node id`, {
        line: row.line,
        column: idIndex + 1,
        field: names[idIndex]!,
        hint: 'give every node a non-empty id',
      });
      return [];
    }
    return [{ id, attributes, line: row.line, column: 1 }];
  });
}

function readEdges(
  table: CsvTable,
  problems: ProblemCollector,
  clean: (v: string, line: number) => string,
  columns: CsvColumnChoice,
): RawEdge[] {
  const header = table.header.map((h) => h.trim().toLowerCase());
  /** The column for a role: the one the user chose (by header text), or else the first with an accepted name. */
  const column = (role: CsvRole, required: boolean): number => {
    const chosen = columns[role];
    if (chosen === null) return -1;
    if (chosen === undefined) {
      return required ? requireColumn(table, ROLE_NAMES[role], role, problems) : find(header, ROLE_NAMES[role]);
    }
    const index = header.indexOf(chosen.trim().toLowerCase());
    if (index < 0) {
      problems.error('IMPORT_CSV_MISSING_COLUMN', `no column "${chosen}" for the ${role}`, {
        line: 1,
        hint: `the columns are ${sampleList(table.header)}`,
      });
    }
    return index;
  };
  const source = column('source', true);
  const target = column('target', true);
  if (source < 0 || target < 0) return [];
  const id = column('id', false);
  const type = column('type', false);
  const directed = column('directed', false);
  // With the type column chosen (or "none"), the other columns named like a type (type, label, …) keep their values
  // under a name the relation type is never taken from.
  const names = columnNames(table).map((name, i) =>
    columns.type !== undefined && i !== type && TYPE_LIKE.has(name.toLowerCase()) ? `${name} (column ${i + 1})` : name,
  );
  return table.rows.map((row) => {
    const attributes = new Map<string, AttributeValue>();
    row.fields.forEach((value, i) => {
      if (i === source || i === target || i === id || i === directed || value === '') return;
      attributes.set(i === type ? 'type' : names[i]!, typedValue(table.header[i]!, value));
    });
    const edge: RawEdge = {
      source: clean(row.fields[source] ?? '', row.line),
      target: clean(row.fields[target] ?? '', row.line),
      directed: directed < 0 || TRUE_WORDS.has((row.fields[directed] ?? '').trim().toLowerCase()),
      attributes,
      line: row.line,
      column: 1,
    };
    const edgeId = id >= 0 ? clean(row.fields[id] ?? '', row.line) : '';
    if (edgeId !== '') edge.id = edgeId;
    return edge;
  });
}

/** Without a node table, every non-empty endpoint is a node, in order of first appearance. */
function endpointNodes(edges: readonly RawEdge[]): RawNode[] {
  const ids = new Set<string>();
  for (const edge of edges) {
    if (edge.source !== '') ids.add(edge.source);
    if (edge.target !== '') ids.add(edge.target);
  }
  return [...ids].map((id) => ({ id, attributes: new Map() }));
}
