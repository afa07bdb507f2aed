// Loads `--data` for the CLI: a graph-data folder, a compiled artifact, or a graph file another tool wrote (a CSV edge
// list with, optionally, `--csv-nodes` and `--csv-columns`).
import { readFileSync, statSync } from 'node:fs';
import { didYouMean, KgError } from '../lib/graph/errors.ts';
import type { CsvColumnChoice, CsvRole } from '../lib/graph/formats/import-types.ts';
import { CSV_ROLES } from '../lib/graph/formats/import-types.ts';
import type { CompiledGraph } from '../lib/graph/types.ts';
import { compileFolder, DEFAULT_DATA } from './data-folder.ts';

export { DEFAULT_DATA } from './data-folder.ts';

type Values = Record<string, string | boolean | undefined>;

/** Loads the graph the options name: `--data` (default graph-data/), `--csv-nodes` and `--csv-columns`. */
export async function loadData(values: Values): Promise<CompiledGraph> {
  const path = typeof values['data'] === 'string' ? values['data'] : DEFAULT_DATA;
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    const { compiled, problems } = compileFolder(path);
    if (!compiled) throw new KgError(problems.filter((p) => p.severity === 'error'));
    return compiled;
  }
  const { decodeText, importGraph } = await import('../lib/graph/formats/index.ts');
  const text = (file: string): string => decodeText(new Uint8Array(readFileSync(file)), file).text;
  const nodes = typeof values['csv-nodes'] === 'string' ? values['csv-nodes'] : undefined;
  const columns = typeof values['csv-columns'] === 'string' ? csvColumns(values['csv-columns']) : undefined;
  const { graph } = importGraph(text(path), {
    fileName: path,
    ...(nodes !== undefined ? { csvNodes: text(nodes), csvNodesFileName: nodes } : {}),
    ...(columns ? { csvColumns: columns } : {}),
  });
  return graph;
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
