// Graph file formats: import (kg JSON, graphology JSON, GEXF, GraphML, CSV) and export, plus their registries.
export { importGraph } from './import-graph.ts';
export { importCsvZip, looksLikeZip } from './import-csv-zip.ts';
export { decodeText, looksBinary, type DecodedText, type TextEncodingName } from './decode-text.ts';
export { detectFormat, extensionOf } from './detect.ts';
export {
  IMPORT_DEFAULTS,
  IMPORT_FORMATS,
  MISSING_ENDPOINT_POLICIES,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  type MissingEndpointPolicy,
} from './import-types.ts';
export { IMPORT_CODES, type ImportCode } from './problems.ts';
export { exportKgJson } from './export-kg-json.ts';
export { exportGraphologyJson } from './export-graphology-json.ts';
export { exportGexf } from './export-gexf.ts';
export { exportGraphml } from './export-graphml.ts';
export { exportCsv, exportCsvZip, CSV_NODE_COLUMNS, CSV_EDGE_COLUMNS, CSV_ZIP_FILES } from './export-csv.ts';
export {
  EXPORT_DEFAULTS,
  EXPORT_LANGUAGES,
  SYMMETRIC_EDGE_MODES,
  type ExportLanguage,
  type ExportOptions,
  type SymmetricEdgeMode,
} from './export-fields.ts';
export { EXPORTERS, SYMMETRIC_PARAMETER, IMPORTERS, IMPORT_EXTENSIONS, type Exporter, type ExporterId, type Importer } from './registry.ts';
export { normalizeColor, TYPE_PALETTE } from './colors.ts';
