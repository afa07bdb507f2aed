// `kg serve`: the built app and its JSON API over a graph source (a file or folder in memory, or a database).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { KgError } from '../lib/graph/errors.ts';
import { memorySource, type GraphSource } from '../lib/graph/source.ts';
import { API_LIMITS, type ServerMode } from '../server/api.ts';
import { startServer } from '../server/serve.ts';
import { integer, type Command } from './args.ts';
import { loadGraph } from './load-data.ts';
import { err, out } from './terminal.ts';

/** Above this many entities a file is served a part at a time, like a database: the browser holds ~10^4 well. */
export const PARTIAL_ABOVE = 10_000;

/** The built app `kg serve` serves: dist/ of the project the command runs from. */
const APP_ROOT = 'dist';

/** How long one database statement may run before the server gives up on it (the request gets a 500). */
const STATEMENT_TIMEOUT_MS = 10_000;

async function openSource(values: Parameters<Command>[1]): Promise<{ source: GraphSource; partial: boolean; kind: ServerMode['source'] }> {
  if (typeof values.db === 'string') {
    const [{ default: pg }, { pgSource }] = await Promise.all([import('pg'), import('../server/db/pg-source.ts')]);
    // Every session is read-only whatever the role may do (serve with a read-only role too: kg db load --reader).
    const pool = new pg.Pool({
      connectionString: values.db,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      max: 4,
      options: '-c default_transaction_read_only=on',
    });
    const source = pgSource(pool, typeof values.graph === 'string' ? { graph: values.graph } : {});
    return {
      source: { ...source, close: async () => (await source.close(), await pool.end()) },
      partial: true,
      kind: 'postgres',
    };
  }
  const graph = await loadGraph(values);
  return { source: memorySource(graph), partial: graph.order > PARTIAL_ABOVE, kind: 'memory' };
}

export const SERVE_COMMANDS: Record<string, Command> = {
  async serve(_args, values) {
    if (typeof values.db === 'string' && typeof values.data === 'string')
      throw new KgError({ code: 'CLI_USAGE', severity: 'error', message: 'kg serve takes --db or --data, not both' });
    const port = integer(values, 'port', 4173, 0, 65535);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    if (!existsSync(join(APP_ROOT, 'index.html')))
      throw new KgError({
        code: 'CLI_NO_APP',
        severity: 'error',
        message: `no built app in ${APP_ROOT}/`,
        hint: 'run npm run build first',
      });
    const { source, partial, kind } = await openSource(values);
    const stats = await source.stats();
    const mode: ServerMode = { partial, source: kind, entities: stats.entities, relations: stats.relations, limits: API_LIMITS };
    const server = await startServer({ source, root: APP_ROOT, host, port, mode, log: err });
    out(
      `kg serve: ${server.url} — ${stats.entities} entities, ${stats.relations} relations (${kind}${partial ? ', served a part at a time' : ''})`,
    );
    await new Promise<void>((resolve) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
