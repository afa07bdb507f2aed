// The shapes shared by every importer: options, result, and the format-neutral graph each reader produces.
import type { Problem } from '../errors.ts';
import type { CompiledGraph, Position, Source } from '../types.ts';

export const IMPORT_FORMATS = ['kg-json', 'graphology-json', 'gexf', 'graphml', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const MISSING_ENDPOINT_POLICIES = ['error', 'skip', 'placeholder'] as const;
export type MissingEndpointPolicy = (typeof MISSING_ENDPOINT_POLICIES)[number];

export interface ImportOptions {
  /** Shown in every problem, and the graph's title when the file has none. */
  fileName: string;
  /** `auto` (default) detects the format from the content, then the extension. */
  format?: 'auto' | ImportFormat;
  /** The node attribute whose values become entity types; by default one named type/category/kind/group/class. */
  typeAttribute?: string;
  /** For CSV: the node table (`id,label,type,…`) that goes with the edge list in the main text. */
  csvNodes?: string;
  /** The node table's file name, for its problems (default `nodes.csv`). */
  csvNodesFileName?: string;
  /** For CSV: the sources table (`id,title,publisher,date,language,url`) our CSV zip carries, and its file name. */
  csvSources?: { text: string; fileName: string };
  /** The graph's title when the file itself carries none (a CSV zip's `graph.csv`); else the file's name. */
  title?: string;
  /**
   * For CSV: which edge-list columns play which role, by header text, as the user chose them in the column preview.
   * Roles left out are found by name; `null` means "no such column".
   */
  csvColumns?: CsvColumnChoice;
  /** What to do with edges whose source or target is missing or empty. */
  onMissingEndpoint?: MissingEndpointPolicy;
  /** Inputs larger than this (UTF-8 bytes) fail with `IMPORT_TOO_LARGE`, so the UI can ask before going on. */
  maxBytes?: number;
}

/** The roles of an edge list's columns. */
export const CSV_ROLES = ['source', 'target', 'type', 'id', 'directed'] as const;
export type CsvRole = (typeof CSV_ROLES)[number];
export type CsvColumnChoice = Partial<Record<CsvRole, string | null>>;

export const IMPORT_DEFAULTS = {
  format: 'auto',
  onMissingEndpoint: 'error',
  maxBytes: 50 * 1024 * 1024,
} as const satisfies Partial<ImportOptions>;

/** Options after defaults are applied. */
export interface ResolvedImportOptions {
  fileName: string;
  typeAttribute: string | undefined;
  onMissingEndpoint: MissingEndpointPolicy;
}

/** A successful import: the graph, and notices about what was changed, ignored or guessed. */
export interface ImportResult {
  graph: CompiledGraph;
  format: ImportFormat;
  notices: Problem[];
}

export type AttributeValue = string | number | boolean;

/** A node as a file describes it, before it becomes an entity. Attribute names are as in the file. */
export interface RawNode {
  id: string;
  /** The format's own label field (GEXF `label`), when it has one apart from attributes. */
  label?: string;
  attributes: Map<string, AttributeValue>;
  position?: Position;
  /** A colour string as found in the file (validated later). */
  color?: string;
  line?: number;
  column?: number;
}

/** An edge as a file describes it, before it becomes a relation. */
export interface RawEdge {
  /** The file's edge id, if it has one. */
  id?: string;
  source: string;
  target: string;
  directed: boolean;
  /** The format's own label field (GEXF `label`), when it has one apart from attributes. */
  label?: string;
  attributes: Map<string, AttributeValue>;
  line?: number;
  column?: number;
}

/** What every format reader produces; `toModel` turns it into a compiled graph. */
export interface RawGraph {
  title: string;
  /** Source records, when the file has them (the CSV zip's `sources.csv`); evidence may name others. */
  sources?: Source[];
  nodes: RawNode[];
  edges: RawEdge[];
}
