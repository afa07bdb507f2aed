// The one entry point for imports: size and text checks, format detection, reading, and mapping to the model.
import { KgError } from '../errors.ts';
import type { CompiledGraph } from '../types.ts';
import { looksBinary } from './decode-text.ts';
import { detectFormat, extensionOf } from './detect.ts';
import { readCsv } from './import-csv.ts';
import { readGexf } from './import-gexf.ts';
import { readGraphml } from './import-graphml.ts';
import { readGraphologyJson } from './import-graphology-json.ts';
import { readKgJson } from './import-kg-json.ts';
import {
  IMPORT_DEFAULTS,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportOptions,
  type ImportResult,
  type RawGraph,
  type ResolvedImportOptions,
} from './import-types.ts';
import { own } from './attribute-values.ts';
import { isJsonObject } from './json-fields.ts';
import { parseJson } from './json-parse.ts';
import { ProblemCollector } from './problems.ts';
import { toModel } from './to-model.ts';

/**
 * Imports a graph file's text. Fails with a KgError carrying every problem found (stable codes, with line and
 * column or record and field); on success returns the graph and notices of what was ignored, guessed or changed.
 * Any other exception escaping a reader is a bug, reported as `IMPORT_INTERNAL` rather than thrown raw.
 */
export function importGraph(text: string, options: ImportOptions): ImportResult {
  const problems = new ProblemCollector(options.fileName);
  try {
    return importChecked(text, options, problems);
  } catch (error) {
    if (error instanceof KgError) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return problems.fatal('IMPORT_INTERNAL', `the importer failed unexpectedly (${message.slice(0, 300)})`, {
      hint: 'please report this file; nothing was changed',
    });
  }
}

function importChecked(text: string, options: ImportOptions, problems: ProblemCollector): ImportResult {
  const maxBytes = options.maxBytes ?? IMPORT_DEFAULTS.maxBytes;
  const size =
    utf8Length(text, maxBytes) + utf8Length(options.csvNodes ?? '', maxBytes) + utf8Length(options.csvSources?.text ?? '', maxBytes);
  if (size > maxBytes) {
    problems.fatal('IMPORT_TOO_LARGE', `the file is ${megabytes(size)} MB, above the ${megabytes(maxBytes)} MB limit`, {
      hint: 'importing may take a while; confirm to import anyway',
    });
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') problems.fatal('IMPORT_EMPTY', 'the file is empty', { hint: 'choose a file with nodes and edges' });
  if (looksBinary(body))
    problems.fatal('IMPORT_NOT_TEXT', 'not a text graph file: it contains binary data', {
      hint: 'choose a GEXF, GraphML, JSON or CSV file',
    });

  const requested = options.format ?? IMPORT_DEFAULTS.format;
  if (requested !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(requested)) {
    problems.fatal('IMPORT_UNKNOWN_FORMAT', `unknown format "${String(requested)}"`, {
      hint: `use one of auto, ${IMPORT_FORMATS.join(', ')}`,
    });
  }
  let format: ImportFormat = requested === 'auto' ? detectFormat(body, options.fileName) : requested;
  const resolved: ResolvedImportOptions = {
    fileName: options.fileName,
    typeAttribute: options.typeAttribute,
    onMissingEndpoint: options.onMissingEndpoint ?? IMPORT_DEFAULTS.onMissingEndpoint,
  };
  const title = options.title ?? titleFromFileName(options.fileName);

  let graph: CompiledGraph;
  if (format === 'kg-json' || format === 'graphology-json') {
    const value = parseJson(body, problems);
    if (requested === 'auto') format = isJsonObject(value) && own(value, 'format') === 'kg-compiled' ? 'kg-json' : 'graphology-json';
    graph = format === 'kg-json' ? readKgJson(value, problems) : toModel(readGraphologyJson(value, problems, title), resolved, problems);
  } else {
    const raw: RawGraph =
      format === 'gexf'
        ? readGexf(body, problems, title)
        : format === 'graphml'
          ? readGraphml(body, problems, title)
          : readCsv(body, options.csvNodes, problems, title, options.csvNodesFileName, options.csvColumns, options.csvSources);
    graph = toModel(raw, resolved, problems);
  }
  return { graph, format, notices: problems.notices() };
}

/** UTF-8 byte length; a string of n UTF-16 units is between n and 3n bytes, so short texts skip the count. */
function utf8Length(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const ext = extensionOf(base);
  return (ext ? base.slice(0, -(ext.length + 1)) : base) || 'Imported graph';
}
