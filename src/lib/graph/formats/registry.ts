// Importers and exporters as data ({ id, label, parameters, run }), so menus and file pickers render from one list.
import type { CompiledGraph } from '../types.ts';
import { exportCsv, exportCsvZip } from './export-csv.ts';
import { EXPORT_DEFAULTS, EXPORT_LANGUAGES, SYMMETRIC_EDGE_MODES, type ExportLanguage, type SymmetricEdgeMode } from './export-fields.ts';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { exportGraphologyJson } from './export-graphology-json.ts';
import { exportKgJson } from './export-kg-json.ts';
import { importGraph } from './import-graph.ts';
import type { ImportFormat, ImportOptions, ImportResult } from './import-types.ts';

/** A choice parameter an exporter accepts, with its default, for the UI to render. */
export interface ChoiceParameter<T extends string> {
  id: string;
  label: string;
  kind: 'choice';
  choices: readonly T[];
  default: T;
}

export interface ExportParameters {
  lang: ExportLanguage;
  symmetric: SymmetricEdgeMode;
}

export const LANG_PARAMETER = {
  id: 'lang',
  label: 'Label language',
  kind: 'choice',
  choices: EXPORT_LANGUAGES,
  default: EXPORT_DEFAULTS.lang,
} as const satisfies ChoiceParameter<ExportLanguage>;

/** How GEXF and GraphML write symmetric relations of a mixed graph; `marked` is the one every reader takes. */
export const SYMMETRIC_PARAMETER = {
  id: 'symmetric',
  label: 'Symmetric relations',
  kind: 'choice',
  choices: SYMMETRIC_EDGE_MODES,
  default: EXPORT_DEFAULTS.symmetric,
} as const satisfies ChoiceParameter<SymmetricEdgeMode>;

export interface Exporter {
  id: string;
  label: string;
  /** File extension without the dot. */
  extension: string;
  mime: string;
  parameters: ReadonlyArray<ChoiceParameter<string>>;
  /** Text for text formats, bytes for archives. */
  run: (graph: CompiledGraph, parameters?: Partial<ExportParameters>) => string | Uint8Array;
}

const EXPORTER_LIST = [
  {
    id: 'kg-json',
    label: 'Knowledge graph JSON',
    extension: 'json',
    mime: 'application/json',
    parameters: [],
    run: (g) => exportKgJson(g),
  },
  {
    id: 'graphology-json',
    label: 'graphology / sigma.js JSON',
    extension: 'json',
    mime: 'application/json',
    parameters: [LANG_PARAMETER],
    run: (g, p) => exportGraphologyJson(g, { lang: p?.lang ?? LANG_PARAMETER.default }),
  },
  {
    id: 'gexf',
    label: 'GEXF 1.3 (Gephi)',
    extension: 'gexf',
    mime: 'application/gexf+xml',
    parameters: [LANG_PARAMETER, SYMMETRIC_PARAMETER],
    run: (g, p) => exportGexf(g, { lang: p?.lang ?? LANG_PARAMETER.default, symmetric: p?.symmetric ?? SYMMETRIC_PARAMETER.default }),
  },
  {
    id: 'graphml',
    label: 'GraphML',
    extension: 'graphml',
    mime: 'application/graphml+xml',
    parameters: [LANG_PARAMETER, SYMMETRIC_PARAMETER],
    run: (g, p) => exportGraphml(g, { lang: p?.lang ?? LANG_PARAMETER.default, symmetric: p?.symmetric ?? SYMMETRIC_PARAMETER.default }),
  },
  { id: 'csv-nodes', label: 'CSV node table', extension: 'csv', mime: 'text/csv', parameters: [], run: (g) => exportCsv(g).nodes },
  { id: 'csv-edges', label: 'CSV edge table', extension: 'csv', mime: 'text/csv', parameters: [], run: (g) => exportCsv(g).edges },
  { id: 'csv-zip', label: 'CSV tables (zip)', extension: 'zip', mime: 'application/zip', parameters: [], run: (g) => exportCsvZip(g) },
] as const satisfies readonly Exporter[];

/** Every exporter, in menu order. */
export const EXPORTERS: readonly Exporter[] = EXPORTER_LIST;
export type ExporterId = (typeof EXPORTER_LIST)[number]['id'];

export interface Importer {
  id: ImportFormat;
  label: string;
  /** Extensions (without the dot) a file picker should accept. */
  extensions: readonly string[];
  mimes: readonly string[];
  run: (text: string, options: ImportOptions) => ImportResult;
}

const importAs =
  (format: ImportFormat) =>
  (text: string, options: ImportOptions): ImportResult =>
    importGraph(text, { ...options, format });

/** Every importer, one per format (`importGraph` with `format: 'auto'` picks among them). */
export const IMPORTERS: readonly Importer[] = [
  { id: 'kg-json', label: 'Knowledge graph JSON', extensions: ['json'], mimes: ['application/json'], run: importAs('kg-json') },
  {
    id: 'graphology-json',
    label: 'graphology / sigma.js JSON',
    extensions: ['json'],
    mimes: ['application/json'],
    run: importAs('graphology-json'),
  },
  { id: 'gexf', label: 'GEXF (Gephi)', extensions: ['gexf'], mimes: ['application/gexf+xml', 'text/xml'], run: importAs('gexf') },
  {
    id: 'graphml',
    label: 'GraphML',
    extensions: ['graphml', 'xml'],
    mimes: ['application/graphml+xml', 'text/xml'],
    run: importAs('graphml'),
  },
  {
    id: 'csv',
    label: 'CSV edge list (+ node table)',
    extensions: ['csv', 'tsv', 'txt'],
    mimes: ['text/csv', 'text/tab-separated-values'],
    run: importAs('csv'),
  },
];

/** Every extension some importer accepts, for a file picker's `accept`. */
export const IMPORT_EXTENSIONS: readonly string[] = [...new Set(IMPORTERS.flatMap((i) => i.extensions))];
