// Reads our CSV zip (nodes.csv, edges.csv, sources.csv, graph.csv) back into a graph through the CSV importer.
import { unzipSync } from 'fflate';
import { decodeText } from './decode-text.ts';
import { CSV_ZIP_FILES } from './export-csv.ts';
import { importGraph } from './import-graph.ts';
import type { ImportOptions, ImportResult } from './import-types.ts';
import { parseCsv } from './csv-parse.ts';
import { ProblemCollector } from './problems.ts';
import { restoreCell } from './spreadsheet-safe.ts';

/** Whether bytes start like a zip archive (`PK\3\4`). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const TABLE_FILES: ReadonlySet<string> = new Set(Object.values(CSV_ZIP_FILES));

/** Zip entries larger than this in total are refused before they are inflated (a zip bomb must not fill memory). */
const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;

/**
 * Imports a CSV zip: `edges.csv` (required) with `nodes.csv`, `sources.csv` and the title in `graph.csv` when
 * present. Problems name the file inside the zip (`graph.zip/nodes.csv`). Entries other than these are ignored.
 */
export function importCsvZip(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const problems = new ProblemCollector(options.fileName);
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        const wanted = TABLE_FILES.has(entry.name);
        if (wanted) total += entry.originalSize;
        return wanted && total <= MAX_UNZIPPED_BYTES;
      },
    });
  } catch (error) {
    return problems.fatal('IMPORT_NOT_TEXT', `not a readable zip archive (${error instanceof Error ? error.message : String(error)})`, {
      hint: 'export the CSV zip again, or import edges.csv and nodes.csv themselves',
    });
  }
  if (total > MAX_UNZIPPED_BYTES) {
    problems.fatal('IMPORT_TOO_LARGE', `the zip's tables unpack to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`, {
      hint: 'import edges.csv and nodes.csv themselves',
    });
  }
  const text = (name: string): string | undefined => {
    const entry = files[name];
    return entry ? decodeText(entry, `${options.fileName}/${name}`).text : undefined;
  };
  const edges = text(CSV_ZIP_FILES.edges);
  if (edges === undefined) {
    return problems.fatal('IMPORT_CSV_MISSING_COLUMN', `the zip has no ${CSV_ZIP_FILES.edges}`, {
      hint: `a CSV zip holds ${Object.values(CSV_ZIP_FILES).join(', ')}`,
    });
  }
  const nodes = text(CSV_ZIP_FILES.nodes);
  const sources = text(CSV_ZIP_FILES.sources);
  const graph = text(CSV_ZIP_FILES.graph);
  const title =
    graph === undefined ? undefined : restoreCell(parseCsv(graph, problems.forFile(CSV_ZIP_FILES.graph)).rows[0]?.fields[0] ?? '');
  return importGraph(edges, {
    ...options,
    format: 'csv',
    fileName: `${options.fileName}/${CSV_ZIP_FILES.edges}`,
    ...(nodes !== undefined ? { csvNodes: nodes, csvNodesFileName: `${options.fileName}/${CSV_ZIP_FILES.nodes}` } : {}),
    ...(sources !== undefined ? { csvSources: { text: sources, fileName: `${options.fileName}/${CSV_ZIP_FILES.sources}` } } : {}),
    ...(title ? { title } : {}),
  });
}
