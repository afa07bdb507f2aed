// The `kg` command line: a thin shell over src/lib/graph, for scripts and for the build. This module parses the
// arguments and dispatches to the commands-*.ts modules; it exports only `main`, so nothing imports back into it.
import { parseArgs } from 'node:util';
import { formatProblem, KgError } from '../lib/graph/errors.ts';
import type { Command } from './args.ts';
import { ARTIFACT } from './build-artifact.ts';
import { DATA_COMMANDS } from './commands-data.ts';
import { DB_COMMANDS } from './commands-db.ts';
import { EXPORT_COMMANDS } from './commands-export.ts';
import { LENS_COMMANDS } from './commands-lenses.ts';
import { PATH_COMMANDS } from './commands-path.ts';
import { QUERY_COMMANDS } from './commands-query.ts';
import { SERVE_COMMANDS } from './commands-serve.ts';
import { DEFAULT_DATA } from './data-folder.ts';
import { err, out } from './terminal.ts';

const USAGE = `kg — the knowledge-graph engine on the command line

Usage:
  kg compile   [--data DIR] [-o FILE]           compile graph-data and write the app's artifact (${ARTIFACT})
  kg validate  [--data DIR] [--json]            check graph-data; exit 1 listing every problem
  kg stats     [--data PATH] [--json]           counts by type and modality, connected components
  kg search    QUERY [--data PATH] [--limit N] [--json]
  kg neighbors ENTITY [--depth N] [--data PATH] [--json]
  kg path      FROM TO [path options] [--data PATH] [--json]
  kg rank      [--metric pagerank|betweenness|degree|weighted-degree] [--top N] [--as-of DATE] [--data PATH] [--json]
  kg communities [--as-of DATE] [--data PATH] [--json]
  kg db load   --db URL [--data PATH] [--graph NAME] [--replace] [--reader ROLE]
                                                load a graph into PostgreSQL (one transaction; docs/database.md)
  kg db generate --entities N --relations M --seed S (--db URL [--graph NAME] [--replace] | --out FILE)
                                                a synthetic typed graph with a few hubs
  kg serve     [--data PATH | --db URL [--graph NAME]] [--port N] [--host 127.0.0.1]
                                                the built app (dist/) and its JSON API (docs/server.md)
  kg export    --format json|graphology|gexf|graphml|csv|png|jpeg|svg [selection] [--lang en|zh] [--data PATH] [-o FILE|-]
               [--symmetric marked|undirected]  GEXF/GraphML: symmetric relations of a mixed graph as directed edges
                          with symmetric=true (default; networkx, igraph, Gephi) or undirected edges (Gephi only)
               selection: --focus ENTITY --depth N | --path FROM,TO [path options] | --types a,b | --relations a,b
                          | --modality fact,opinion,prediction,question | --ids a,b,c   (images: --scale 1-4 --title TEXT)
path options: --mode shortest|all|k --k N --direction forward|backward|any --relations a,b --exclude-relations a,b
              --exclude-types a,b --avoid ENTITY,… --max-hops N --modality … --negated include|exclude
              (relations the source denies are never walked unless --negated include)

PATH is a graph-data folder (default ${DEFAULT_DATA}/), a compiled artifact, or a GEXF, GraphML, CSV or graphology JSON file;\na file above 50 MB needs --confirm-large (256 MB at most).
A CSV edge list can come with --csv-nodes FILE (a node table: id,label,type,…), and --csv-columns ROLE=COLUMN,…
says which columns are which when their names do not (roles: source, target, type, id, directed; none for no column).
ENTITY, FROM and TO take an id or any name or alias in any language.`;

const OPTIONS = {
  data: { type: 'string' },
  'csv-nodes': { type: 'string' },
  'csv-columns': { type: 'string' },
  json: { type: 'boolean' },
  'confirm-large': { type: 'boolean' },
  limit: { type: 'string' },
  depth: { type: 'string' },
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  mode: { type: 'string' },
  k: { type: 'string' },
  direction: { type: 'string' },
  relations: { type: 'string' },
  'exclude-relations': { type: 'string' },
  'exclude-types': { type: 'string' },
  avoid: { type: 'string' },
  'max-hops': { type: 'string' },
  modality: { type: 'string' },
  negated: { type: 'string' },
  lang: { type: 'string' },
  focus: { type: 'string' },
  path: { type: 'string' },
  types: { type: 'string' },
  ids: { type: 'string' },
  scale: { type: 'string' },
  metric: { type: 'string' },
  top: { type: 'string' },
  'as-of': { type: 'string' },
  title: { type: 'string' },
  symmetric: { type: 'string' },
  db: { type: 'string' },
  graph: { type: 'string' },
  replace: { type: 'boolean' },
  reader: { type: 'string' },
  entities: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const;

/** Every command by name, each from the module of its concern. */
const COMMANDS: Record<string, Command> = {
  ...DATA_COMMANDS,
  ...QUERY_COMMANDS,
  ...PATH_COMMANDS,
  ...EXPORT_COMMANDS,
  ...LENS_COMMANDS,
  ...DB_COMMANDS,
  ...SERVE_COMMANDS,
};

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // One line, like every other refusal; the full usage is one `kg --help` away.
    const command = argv.find((a) => !a.startsWith('-')) ?? '';
    err(`kg${command ? ` ${command}` : ''}: CLI_USAGE ${(error as Error).message.replace(/\s*\n\s*/g, ' ')} — see kg --help`);
    return 1;
  }
  const [command, ...args] = parsed.positionals;
  if (parsed.values.help || !command) {
    out(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  // Own names only: `kg toString` is an unknown command, not Object.prototype's method.
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    err(`kg: CLI_USAGE unknown command "${command}" — see kg --help`);
    return 1;
  }
  try {
    return await run(args, parsed.values);
  } catch (error) {
    if (error instanceof KgError) {
      for (const p of error.problems) err(`kg ${command}: ${formatProblem(p)}`);
      return 1;
    }
    // A file-system refusal (missing file, -o into a folder, no permission) is the user's input, not a bug: one line.
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof Error && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      err(`kg ${command}: CLI_FILE_ERROR ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      err(`kg: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 70;
    },
  );
}
