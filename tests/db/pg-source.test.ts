// pgSource against memorySource on the bundled graph, loaded into a real PostgreSQL: the same JSON, byte for byte.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildGraph } from '../../src/lib/graph/model.ts';
import type { PathOptions } from '../../src/lib/graph/paths/path-options.ts';
import { memorySource, type GraphSource } from '../../src/lib/graph/source.ts';
import { compiledInput, loadGraph } from '../../src/server/db/load-graph.ts';
import { createPool, pgSource } from '../../src/server/db/pg-source.ts';
import { bundledGraphWithExtras } from '../fixtures/bundled-graph.ts';

const compiled = bundledGraphWithExtras();
const memory = memorySource(buildGraph(compiled));
let pool: pg.Pool;
let db: GraphSource;

beforeAll(async () => {
  const client = new pg.Client(inject('pgUrl'));
  await client.connect();
  await loadGraph(client, compiledInput(compiled), { graph: 'bundled', replace: true });
  await client.end();
  pool = createPool(inject('pgUrl'));
  db = pgSource(pool, { graph: 'bundled' });
});

afterAll(async () => {
  await pool?.end();
});

/** Both sources' answers as JSON text: equal text means the API and the CLI cannot tell them apart. */
async function same<T>(ask: (source: GraphSource) => Promise<T>): Promise<T> {
  const [a, b] = await Promise.all([ask(memory), ask(db)]);
  expect(JSON.stringify(b, null, 1)).toBe(JSON.stringify(a, null, 1));
  return b;
}

const QUERIES = [
  '梁云峰',
  '梁文锋',
  'liang wenfeng',
  'liangwenfeng',
  'lwf',
  'liang2 wen2 feng1',
  'deepseek',
  'DeepSeek',
  'deepsek',
  'dpseek',
  'Deepseek-V3',
  'r1',
  'high-flyer',
  'hihg flyer',
  '幻方',
  'jd cloud',
  '京东云',
  'qwen',
  'moonshot',
  'zhipu',
  'risc-v',
  'deepseek-r1',
  "'; DROP TABLE entities; --",
  '%',
  '_',
  '\\',
  'a',
  'x',
  '   ',
  '😀deepseek',
  'deeps😀k',
  '深度😀求索',
];

describe('pgSource answers as memorySource does', () => {
  it.each(QUERIES)('search %s', async (q) => {
    await same((s) => s.search(q, 10));
  });

  it("answers random fragments, typos and joins of the graph's names as the engine does", async () => {
    const words = compiled.entities.flatMap((e) => [e.name.en, e.name.zh, ...e.aliases, ...(e.pinyin ?? [])]).filter(Boolean);
    const typo = fc
      .tuple(fc.constantFrom(...words), fc.nat(), fc.nat(), fc.constantFrom('', 'x', 'e', '云', ' ', '-', '%', '_'))
      .map(([w, a, b, insert]) => {
        const chars = [...w];
        const start = a % Math.max(1, chars.length);
        const piece = chars.slice(start, start + 2 + (b % 8));
        piece.splice(b % Math.max(1, piece.length), b % 3 === 0 ? 1 : 0, insert);
        return piece.join('');
      });
    await fc.assert(
      fc.asyncProperty(typo, async (q) => {
        await same((s) => s.search(q, 5));
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('finds 梁云峰 (a typo of 梁文锋) as the engine does', async () => {
    const answer = await same((s) => s.search('梁云峰', 10));
    expect(answer.hits.length).toBeGreaterThan(0);
  });

  it('resolves names, pinyin and ids, and refuses unknown names with the same message', async () => {
    for (const ref of ['deepseek', '深度求索', 'Deepseek', 'liangwenfeng', 'high-flyer']) await same((s) => s.resolve(ref));
    for (const ref of ['no such thing', "x' OR '1'='1"]) {
      const [a, b] = await Promise.all([
        memory.resolve(ref).catch((e: Error) => e.message),
        db.resolve(ref).catch((e: Error) => e.message),
      ]);
      expect(b).toBe(a);
    }
  });

  it('neighbours of DeepSeek at depth 1 and 2', async () => {
    const id = await memory.resolve('DeepSeek');
    const one = await same((s) => s.neighbours(id, 1));
    expect(one.neighbours.length).toBeGreaterThan(3);
    await same((s) => s.neighbours(id, 2));
  });

  const pathCases: Array<[string, Partial<PathOptions>, boolean]> = [
    ['shortest', {}, true],
    ['all', { mode: 'all' }, true],
    ['k=3', { mode: 'k', k: 3 }, true],
    ['facts only', { modalities: ['fact'] }, true],
    ['k=10 forward (no path)', { mode: 'k', k: 10, direction: 'forward' }, false],
    ['backward within 3 hops (no path)', { direction: 'backward', maxHops: 3 }, false],
  ];
  it.each(pathCases)('High-Flyer → JD Cloud, %s', async (_, options, found) => {
    const from = await memory.resolve('High-Flyer');
    const to = await memory.resolve('JD Cloud');
    const answer = await same((s) => s.path(from, to, options, 'en'));
    expect(answer.paths.length > 0).toBe(found);
  });

  it('a missing path is explained with the same reason', async () => {
    const from = await memory.resolve('High-Flyer');
    const to = await memory.resolve('JD Cloud');
    const answer = await same((s) => s.path(from, to, { maxHops: 2 }, 'en'));
    expect(answer.paths).toEqual([]);
    expect(answer.reason?.kind).toBe('max-hops');
    const typed = await same((s) => s.path(from, to, { relations: ['funds'] }, 'zh'));
    expect(typed.reason).toBeDefined();
  });

  it('stats and schema', async () => {
    await same((s) => s.stats());
    await same((s) => s.schema());
  });

  it('expand and fragment return the same whole records (deep-equal)', async () => {
    const id = await memory.resolve('DeepSeek');
    const [a, b] = await Promise.all([memory.expand([id], { limit: 30 }), db.expand([id], { limit: 30 })]);
    expect(b).toEqual(a);
    const ids = [id, 'nope', ...a.entities.slice(0, 5).map((e) => e.id)];
    expect(await db.fragment(ids)).toEqual(await memory.fragment(ids));
  });
});
