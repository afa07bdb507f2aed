// `kg serve --db` on the bundled graph loaded into a real PostgreSQL: the four endpoints answer exactly what the CLI
// prints with --json on graph-data/, and SQL-shaped ids and names through every endpoint are answered as data.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ANSWER_CASES, cliJson } from '../support/cli-answers.ts';
import { loadData } from '../../src/cli/load-data.ts';
import { compiledInput, loadGraph } from '../../src/server/db/load-graph.ts';
import { pgSource } from '../../src/server/db/pg-source.ts';
import { API_LIMITS } from '../../src/server/api.ts';
import { startServer } from '../../src/server/serve.ts';

let base: string;
let close: () => Promise<void>;
let pool: pg.Pool;

beforeAll(async () => {
  const client = new pg.Client(inject('pgUrl'));
  await client.connect();
  await loadGraph(client, compiledInput(await loadData({ data: 'graph-data' })), { graph: 'served', replace: true });
  await client.end();
  pool = new pg.Pool({ connectionString: inject('pgUrl'), max: 4, options: '-c default_transaction_read_only=on' });
  const source = pgSource(pool, { graph: 'served' });
  const stats = await source.stats();
  const mode = { partial: true, source: 'postgres' as const, entities: stats.entities, relations: stats.relations, limits: API_LIMITS };
  // The API only; no app files are needed for these questions.
  const server = await startServer({ source, root: 'tests/fixtures', host: '127.0.0.1', port: 0, mode });
  base = server.url;
  close = server.close;
});

afterAll(async () => {
  await close?.();
  await pool?.end();
});

afterEach(() => vi.restoreAllMocks());

async function cli(...args: string[]): Promise<string> {
  const { code, stdout } = await cliJson(...args);
  expect(code).toBe(0);
  return stdout;
}

const get = async (path: string): Promise<{ status: number; body: string }> => {
  const response = await fetch(new URL(path, base));
  return { status: response.status, body: await response.text() };
};
const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();

describe('kg serve --db answers exactly what the CLI prints', () => {
  it.each(ANSWER_CASES)('%s', async (_, args, path) => {
    const reply = await get(path);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(await cli(...args));
  });
});

const SQL_SHAPED = [
  "'; DROP TABLE entities; --",
  "deepseek' OR '1'='1",
  'x"; DELETE FROM relations; --',
  '%',
  '_',
  '\\',
  '$1',
  'deepseek\u0000',
];

describe('SQL-shaped ids and names are data', () => {
  it.each(SQL_SHAPED)('%j through every endpoint', async (name) => {
    const search = await get(`/api/search?${q({ q: name })}`);
    // A NUL cannot be stored in PostgreSQL text (nor be a CLI argument): it is refused as input, never passed into SQL.
    expect(search.status).toBe(name.includes('\0') ? 400 : 200);
    for (const path of [
      `/api/neighbors?${q({ id: name })}`,
      `/api/path?${q({ from: name, to: 'deepseek' })}`,
      `/api/path?${q({ from: 'high-flyer', to: 'deepseek', avoid: name })}`,
      `/api/expand?${q({ id: name })}`,
    ]) {
      const reply = await get(path);
      expect([400, 404], path).toContain(reply.status);
      expect((JSON.parse(reply.body) as { error: { code: string } }).error.code).not.toBe('API_INTERNAL');
    }
    const fragment = await get(`/api/fragment?${q({ ids: name })}`);
    expect([200, 400]).toContain(fragment.status);
  });

  it('the database is unchanged afterwards', async () => {
    expect((await get('/api/stats')).body).toBe(await cli('stats'));
  });
});
