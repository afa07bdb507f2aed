// `kg db load` and `kg db generate`: a graph into PostgreSQL (schema in docs/database.md), or a synthetic one.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';
import { KgError } from '../lib/graph/errors.ts';
import { generatedInput } from '../server/db/generate-graph.ts';
import { compiledInput, loadGraph, type GraphInput, type LoadReport } from '../server/db/load-graph.ts';
import { ensureReaderRole } from '../server/db/schema.ts';
import { integer, type Command, type Values } from './args.ts';
import { loadData } from './load-data.ts';
import { out } from './terminal.ts';

const USAGE =
  'usage: kg db load --db URL [--data PATH] [--graph NAME] [--replace] [--reader ROLE] | kg db generate --entities N --relations M --seed S (--db URL | --out FILE)';

function usage(message: string): never {
  throw new KgError({ code: 'CLI_USAGE', severity: 'error', message: `${message} — ${USAGE}` });
}

const text = (values: Values, key: string): string | undefined => (typeof values[key] === 'string' ? values[key] : undefined);

/** Loads `input` into the database at `--db`, optionally granting a read-only role; prints one line. */
async function loadInto(url: string, input: GraphInput, values: Values): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const graph = text(values, 'graph') ?? 'default';
    const report: LoadReport = await loadGraph(client, input, { graph, replace: values.replace === true });
    const reader = text(values, 'reader');
    if (reader) await ensureReaderRole(client, reader);
    const rate = Math.round((report.entities + report.relations + report.evidence) / report.seconds);
    out(
      `kg db: graph "${report.graph}": ${report.entities} entities, ${report.relations} relations, ${report.evidence} quotes in ${report.seconds.toFixed(1)} s (${rate} rows/s)${reader ? `; role "${reader}" may read it` : ''}`,
    );
    return 0;
  } finally {
    await client.end();
  }
}

/** Writes `input` as a compiled-graph JSON file, entity by entity (memory flat in the graph's size). */
async function writeCompiled(file: string, input: GraphInput): Promise<void> {
  const stream = createWriteStream(file);
  const write = async (chunk: string): Promise<void> => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  const { title, entityTypes, relationTypes, sources } = input;
  await write(
    `{"format":"kg-compiled","version":1,${JSON.stringify({ title, entityTypes, relationTypes, sources }).slice(1, -1)},"entities":[`,
  );
  let first = true;
  for (const e of input.entities()) {
    await write(`${first ? '' : ','}\n${JSON.stringify(e)}`);
    first = false;
  }
  await write('],"relations":[');
  first = true;
  for (const { relation } of input.relations()) {
    await write(`${first ? '' : ','}\n${JSON.stringify(relation)}`);
    first = false;
  }
  await write(']}\n');
  stream.end();
  await once(stream, 'finish');
}

export const DB_COMMANDS: Record<string, Command> = {
  async db(args, values) {
    const [sub, ...rest] = args;
    if (rest.length) usage(`unexpected argument "${rest[0]}"`);
    const url = text(values, 'db');
    if (sub === 'load') {
      if (!url) usage('--db URL is required');
      return loadInto(url, compiledInput(await loadData(values)), values);
    }
    if (sub === 'generate') {
      const input = generatedInput({
        entities: integer(values, 'entities', 1000, 1, 10_000_000),
        relations: integer(values, 'relations', 5000, 0, 100_000_000),
        seed: integer(values, 'seed', 1, 0, 2 ** 31 - 1),
      });
      const file = text(values, 'out');
      if (url && file) usage('give --db or --out, not both');
      if (file) {
        await writeCompiled(file, input);
        out(`kg db: wrote ${file}`);
        return 0;
      }
      if (!url) usage('--db URL or --out FILE is required');
      return loadInto(url, input, values);
    }
    return usage(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required');
  },
};
