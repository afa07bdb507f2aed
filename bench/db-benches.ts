// The database section of the bench: a generated graph loaded into a throwaway PostgreSQL, then search, one-hop
// expansion and shortest paths through pgSource, p50/p95 over random queries; batched frontier expansion against a
// recursive CTE; the server's memory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { mulberry32 } from '../src/lib/graph/prng.ts';
import { Ball, ballByCte } from '../src/server/db/frontier.ts';
import { generatedInput } from '../src/server/db/generate-graph.ts';
import { loadGraph } from '../src/server/db/load-graph.ts';
import { createPool, pgSource } from '../src/server/db/pg-source.ts';
import { startPostgres } from '../tests/support/postgres.ts';
import type { ResultRow } from './stats.ts';
import { measuredRow, meets, summarize } from './stats.ts';

export interface DbBenchOptions {
  entities: number;
  relations: number;
  /** Random queries per kind. */
  queries: number;
  /** Row group name (`database 10^5`). */
  group: string;
  log: (message: string) => void;
}

/** Budgets of issue 20 on the p95 (they are set for 10^6 entities / 5·10^6 relations). */
const BUDGETS = { expansion: 50, search: 100, path: 500 } as const;

/** A row judged on its p95 (the budgets of the database are on the tail, not the median). */
function p95Row(group: string, name: string, times: number[], limit: number | undefined, note: string): ResultRow {
  const summary = summarize(times, true);
  const row = measuredRow(group, name, 'ms', summary, undefined, note);
  if (limit === undefined) return row;
  return {
    ...row,
    budget: { limit, strict: true },
    status: meets(summary.p95!, { limit, strict: true }) ? 'met' : 'not met',
    note: `${note}; budget on the p95`,
  };
}

/** Resident memory of the server: the postmaster and its children, in MB. */
function serverMemoryMb(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let kb = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (Number(pid) !== postmaster && ppid !== postmaster) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended while being read.
    }
  }
  return kb / 1024;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}

export async function benchDatabase({ entities, relations, queries, group, log }: DbBenchOptions): Promise<ResultRow[]> {
  const server = await startPostgres('bench');
  const rows: ResultRow[] = [];
  try {
    const client = new pg.Client(server.url);
    await client.connect();
    log(`${group}: generating and loading ${entities} entities, ${relations} relations…`);
    const report = await loadGraph(client, generatedInput({ entities, relations, seed: 1 }), { graph: 'bench' });
    await client.end();
    const loaded = report.entities + report.relations + report.evidence + report.terms;
    rows.push({
      group,
      name: 'load (generate + COPY + indexes, one transaction)',
      unit: 'rows/s',
      median: Math.round(loaded / report.seconds),
      runs: 1,
      status: 'no budget',
      note: `${loaded} rows (entities, relations, quotes, search terms) in ${report.seconds.toFixed(1)} s`,
    });

    const pool = createPool(server.url, 60_000);
    const db = pgSource(pool, { graph: 'bench' });
    const random = mulberry32(42);
    const pick = (): number => Math.floor(random() * entities);

    const searchTimes: number[] = [];
    const typos = ['hua tain', 'xinlong', 'shen zhi', 'capitl', 'huatianxin', 'mingguang lab', '华天', 'hua tian xin 12'];
    for (let i = 0; i < queries; i++) {
      const q = i % 2 === 0 ? `e${pick()}` : typos[i % typos.length]!;
      const [ms] = await timed(() => db.search(q, 10));
      searchTimes.push(ms);
    }
    rows.push(p95Row(group, 'search (10 hits; ids, names, pinyin, typos)', searchTimes, BUDGETS.search, `${queries} queries`));

    const expandTimes: number[] = [];
    for (let i = 0; i < queries; i++) {
      const [ms] = await timed(() => db.neighbours(`e${pick()}`, 1));
      expandTimes.push(ms);
    }
    rows.push(p95Row(group, 'one-hop neighbourhood (random entity)', expandTimes, BUDGETS.expansion, `${queries} entities`));

    const pathTimes: number[] = [];
    let found = 0;
    for (let i = 0; i < queries; i++) {
      const [ms, answer] = await timed(() => db.path(`e${pick()}`, `e${pick()}`, { maxHops: 6 }, 'en'));
      pathTimes.push(ms);
      if (answer.paths.length) found++;
    }
    rows.push(p95Row(group, 'shortest path (≤ 6 hops, random pair)', pathTimes, BUDGETS.path, `${queries} pairs, ${found} connected`));

    // Distance search alone: a radius-2 ball around a random entity, level by level versus one recursive CTE.
    const batched: number[] = [];
    const cte: number[] = [];
    const dbHandle = { pool, graph: 'bench' };
    for (let i = 0; i < Math.min(queries, 30); i++) {
      const seed = `e${pick()}`;
      const [a] = await timed(async () => {
        const ball = new Ball(seed);
        await ball.grow(dbHandle, {}, () => {});
        await ball.grow(dbHandle, {}, () => {});
        return ball.distance.size;
      });
      const [b] = await timed(() => ballByCte(dbHandle, seed, 2));
      batched.push(a);
      cte.push(b);
    }
    rows.push(p95Row(group, 'distances to 2 hops: batched levels', batched, undefined, 'what path search uses'));
    rows.push(p95Row(group, 'distances to 2 hops: recursive CTE', cte, undefined, 'same balls, one WITH RECURSIVE query'));

    rows.push({
      group,
      name: 'server memory (resident, all processes)',
      unit: 'MB',
      median: Math.round(serverMemoryMb(server.dataDir)),
      runs: 1,
      status: 'no budget',
      note: 'after the queries',
    });
    rows.push({
      group,
      name: 'client memory (Node heap after queries)',
      unit: 'MB',
      median: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      runs: 1,
      status: 'no budget',
    });
    await pool.end();
  } finally {
    server.stop();
  }
  return rows;
}
