// Loads `--data` for the CLI: a graph-data folder, a compiled artifact, or a graph file another tool wrote (a CSV edge
// list with, optionally, `--csv-nodes` and `--csv-columns`).
import { readFileSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { didYouMean, KgError } from '../lib/graph/errors.ts';
import type { CsvColumnChoice, CsvRole } from '../lib/graph/formats/import-types.ts';
import { CSV_ROLES, IMPORT_DEFAULTS } from '../lib/graph/formats/import-types.ts';
import { buildGraph } from '../lib/graph/model.ts';
import type { KnowledgeGraph } from '../lib/graph/model.ts';
import type { CompiledGraph } from '../lib/graph/types.ts';
import type { Values } from './args.ts';
import { compileFolder, DEFAULT_DATA } from './data-folder.ts';

export { DEFAULT_DATA } from './data-folder.ts';

/** How much the CLI reads from one `--data`/`--csv-nodes` file: above `confirm`, only with --confirm-large; above `max`, never. */
export interface FileLimits {
  confirm: number;
  max: number;
}

/**
 * The CLI's size limits. `max` stays well below the longest string V8 can hold (~512 MiB), so decoding a file that
 * passed the check cannot fail for lack of room.
 */
export const FILE_LIMITS: FileLimits = { confirm: IMPORT_DEFAULTS.maxBytes, max: 256 * 1024 * 1024 };

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

function refuse(code: string, file: string, message: string, hint?: string): never {
  throw new KgError({ code, severity: 'error', file, message, ...(hint ? { hint } : {}) });
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Reads one input file after checking, before any byte is read, that it exists, is a regular file (not /dev/zero, a
 * FIFO or a socket) and is within the limits.
 */
function readChecked(file: string, option: string, confirmed: boolean, limits: FileLimits): Uint8Array {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) refuse('CLI_NO_FILE', file, `${option}: no such file or folder`);
  if (!stats.isFile()) refuse('CLI_NOT_A_FILE', file, `${option}: ${kindOf(stats)}`, 'name a graph file or a graph-data folder');
  if (stats.size > limits.max)
    refuse('CLI_FILE_TOO_LARGE', file, `${option}: the file is ${mb(stats.size)} MB, above the ${mb(limits.max)} MB the CLI reads`);
  if (stats.size > limits.confirm && !confirmed)
    refuse(
      'CLI_FILE_LARGE',
      file,
      `${option}: the file is ${mb(stats.size)} MB, above ${mb(limits.confirm)} MB; importing may take a while`,
      'add --confirm-large to import it anyway',
    );
  return new Uint8Array(readFileSync(file));
}

/** Loads the graph the options name: `--data` (default graph-data/), `--csv-nodes` and `--csv-columns`. */
export async function loadData(values: Values, limits: FileLimits = FILE_LIMITS): Promise<CompiledGraph> {
  const path = typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    const { compiled, problems } = compileFolder(path);
    if (!compiled) throw new KgError(problems.filter((p) => p.severity === 'error'));
    return compiled;
  }
  const { decodeText, importGraph } = await import('../lib/graph/formats/index.ts');
  const confirmed = values['confirm-large'] === true;
  const text = (file: string, option: string): string => decodeText(readChecked(file, option, confirmed, limits), file).text;
  const nodes = typeof values['csv-nodes'] === 'string' ? values['csv-nodes'] : undefined;
  const columns = typeof values['csv-columns'] === 'string' ? csvColumns(values['csv-columns']) : undefined;
  const { graph } = importGraph(text(path, '--data'), {
    fileName: path,
    // Each file was checked against limits.max before reading; the importer's own (browser) size prompt never applies.
    maxBytes: 2 * limits.max,
    ...(nodes !== undefined ? { csvNodes: text(nodes, '--csv-nodes'), csvNodesFileName: nodes } : {}),
    ...(columns ? { csvColumns: columns } : {}),
  });
  return graph;
}

/** The graph the options name, built for the engine's queries. */
export async function loadGraph(values: Values): Promise<KnowledgeGraph> {
  return buildGraph(await loadData(values));
}

/** `source=person,target=company,type=none`: each role's column by header text; `none` (or nothing) for no column. */
export function csvColumns(spec: string): CsvColumnChoice {
  const choice: CsvColumnChoice = {};
  for (const part of spec.split(',')) {
    const [role = '', ...rest] = part.split('=');
    const name = role.trim();
    if (!(CSV_ROLES as readonly string[]).includes(name) || rest.length === 0) {
      const suggestion = didYouMean(name, CSV_ROLES);
      throw new KgError({
        code: 'CLI_BAD_OPTION',
        severity: 'error',
        message: `--csv-columns: "${part.trim()}" is not ROLE=COLUMN with a role of ${CSV_ROLES.join(', ')}`,
        ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
      });
    }
    const column = rest.join('=').trim();
    choice[name as CsvRole] = column === '' || column.toLowerCase() === 'none' ? null : column;
  }
  return choice;
}
