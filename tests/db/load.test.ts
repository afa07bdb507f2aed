// `kg db load` and the loader: one transaction (a failed load changes nothing), refusing a second load without
// --replace, SQL-shaped text kept as data, a read-only role that can serve, and `kg db generate`.
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { buildGraph } from '../../src/lib/graph/model.ts';
import { memorySource } from '../../src/lib/graph/source.ts';
import { pinyinForms } from '../../src/lib/graph/pinyin.ts';
import type { CompiledGraph, Entity, Relation } from '../../src/lib/graph/types.ts';
import { generatedInput } from '../../src/server/db/generate-graph.ts';
import { compiledInput, loadGraph, type GraphInput } from '../../src/server/db/load-graph.ts';
import { createPool, pgSource } from '../../src/server/db/pg-source.ts';
import { ensureReaderRole } from '../../src/server/db/schema.ts';

let client: pg.Client;
const url = (): string => inject('pgUrl');

beforeAll(async () => {
  client = new pg.Client(url());
  await client.connect();
});
afterAll(async () => {
  await client?.end();
});

/** Every row of every table, as one comparable snapshot. */
async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const table of ['graphs', 'entities', 'relations', 'evidence', 'terms', 'sources', 'types']) {
    const exists = await client.query('SELECT to_regclass($1) AS t', [table]);
    if (!exists.rows[0].t) continue;
    const { rows } = await client.query(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h, count(*) AS n FROM ${table} t`);
    parts.push(`${table}:${rows[0].n}:${rows[0].h}`);
  }
  return parts.join(' ');
}

/** A small graph whose ids, names, aliases, quotes and notes are SQL, LIKE and COPY syntax. */
function sqlShapedGraph(): CompiledGraph {
  const hostile = [
    "'; DROP TABLE entities; --",
    'Robert"); DROP TABLE relations;--',
    '100% _real_ \\N',
    'tab\there\nnewline\\.',
    '{a,"b"}',
    '$1 $$ $tag$',
  ];
  const entities: Entity[] = hostile.map((text, i) => ({
    id: i === 0 ? text : `e${i}-${text}`,
    type: 'org',
    name: { en: `Name ${text}`, zh: i % 2 ? `名${i}` : '' },
    aliases: [text, `alias ${i}`],
    description: { en: text, zh: '' },
    // As the compiler writes it; the loader adds pinyin only to entities that come without.
    ...(i % 2 ? { pinyin: pinyinForms(`名${i}`) } : {}),
  }));
  const relations: Relation[] = entities.slice(1).map((e, i) => ({
    id: `r${i} ${hostile[i]}`,
    source: entities[i]!.id,
    target: e.id,
    type: 'funds',
    modality: 'fact',
    evidence: [{ source: 's1', quote: hostile[i]! }],
    note: hostile[(i + 1) % hostile.length]!,
  }));
  return {
    format: 'kg-compiled',
    version: 1,
    title: hostile[0]!,
    entityTypes: [{ id: 'org', label: { en: 'Org', zh: '' }, color: '#000000', shape: 'ellipse' }],
    relationTypes: [
      { id: 'funds', label: { en: 'funds', zh: '' }, reverse: { en: 'funded by', zh: '' }, symmetric: false, reflexive: false },
    ],
    sources: [{ id: 's1', title: hostile[1]!, publisher: 'p', date: '2025', language: 'en' }],
    entities,
    relations,
  };
}

describe('kg db load', () => {
  it('leaves the database exactly as it was when a load fails half-way', async () => {
    await loadGraph(client, compiledInput(sqlShapedGraph()), { graph: 'before', replace: true });
    const before = await snapshot();
    const good = compiledInput(sqlShapedGraph());
    const failing: GraphInput = {
      ...good,
      *relations() {
        yield* [...good.relations()].slice(0, 2);
        throw new Error('the input broke off');
      },
    };
    await expect(loadGraph(client, failing, { graph: 'half' })).rejects.toThrow('the input broke off');
    // Replacing an existing graph with a failing load keeps the old one.
    await expect(loadGraph(client, failing, { graph: 'before', replace: true })).rejects.toThrow('the input broke off');
    expect(await snapshot()).toBe(before);
  });

  it('refuses a second load of a name without --replace, and replaces with it', async () => {
    const graph = compiledInput(sqlShapedGraph());
    await loadGraph(client, graph, { graph: 'twice', replace: true });
    await expect(loadGraph(client, graph, { graph: 'twice' })).rejects.toMatchObject({ code: 'DB_GRAPH_EXISTS' });
    const report = await loadGraph(client, graph, { graph: 'twice', replace: true });
    const { rows } = await client.query('SELECT count(*)::int AS n FROM entities WHERE graph = $1', ['twice']);
    expect(rows[0].n).toBe(report.entities);
  });

  it('keeps SQL-shaped ids, names and quotes as data, and answers with them as memorySource does', async () => {
    const compiled = sqlShapedGraph();
    await loadGraph(client, compiledInput(compiled), { graph: 'sql-shaped', replace: true });
    const pool = createPool(url());
    try {
      const db = pgSource(pool, { graph: 'sql-shaped' });
      const memory = memorySource(buildGraph(compiled));
      const ids = compiled.entities.map((e) => e.id);
      expect(await db.fragment(ids)).toEqual(await memory.fragment(ids));
      for (const q of ["'; DROP TABLE entities; --", '100%', '_real_', '{a,', '$$', '\\N'])
        expect(JSON.stringify(await db.search(q, 10))).toBe(JSON.stringify(await memory.search(q, 10)));
      const [from, to] = [ids[0]!, ids[ids.length - 1]!];
      expect(JSON.stringify(await db.path(from, to, { mode: 'all' }, 'en'))).toBe(
        JSON.stringify(await memory.path(from, to, { mode: 'all' }, 'en')),
      );
      expect(await db.resolve(ids[0]!)).toBe(ids[0]);
      expect(await db.stats()).toEqual(await memory.stats());
    } finally {
      await pool.end();
    }
  });

  it('a bad file is refused with the importer located error and changes nothing', async () => {
    const before = await snapshot();
    const dir = mkdtempSync(join(tmpdir(), 'kg-db-'));
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const code = await main(['db', 'load', '--db', url(), '--data', 'tests/fixtures/broken.gexf', '--graph', 'broken']);
      expect(code).toBe(1);
    } finally {
      process.stderr.write = write;
      rmSync(dir, { recursive: true, force: true });
    }
    expect(lines.join('')).toMatch(/broken\.gexf:\d+:\d+ /);
    expect(await snapshot()).toBe(before);
  });

  it('a read-only role can serve pgSource but cannot write', async () => {
    await loadGraph(client, compiledInput(sqlShapedGraph()), { graph: 'readable', replace: true });
    await ensureReaderRole(client, 'kg_reader');
    const readerUrl = url().replace('postgres@', 'kg_reader@');
    const pool = createPool(readerUrl);
    try {
      const db = pgSource(pool, { graph: 'readable' });
      expect((await db.stats()).entities).toBe(sqlShapedGraph().entities.length);
      await expect(pool.query("DELETE FROM entities WHERE graph = 'readable'")).rejects.toThrow(/permission denied/);
    } finally {
      await pool.end();
    }
  });
});

describe('kg db generate', () => {
  it('is deterministic by seed, heavy-tailed, and loads through the CLI', async () => {
    const a = [...generatedInput({ entities: 2000, relations: 10_000, seed: 3 }).relations()];
    const b = [...generatedInput({ entities: 2000, relations: 10_000, seed: 3 }).relations()];
    expect(b).toEqual(a);
    const degree = new Map<string, number>();
    for (const { relation } of a) for (const end of [relation.source, relation.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const sorted = [...degree.values()].sort((x, y) => y - x);
    // A few hubs: the top 1% of entities hold far more than 1% of the relation ends.
    const top = sorted.slice(0, 20).reduce((s, d) => s + d, 0);
    expect(top / 20_000).toBeGreaterThan(0.1);
    const dir = mkdtempSync(join(tmpdir(), 'kg-gen-'));
    try {
      const file = join(dir, 'g.json');
      expect(await main(['db', 'generate', '--entities', '300', '--relations', '900', '--seed', '5', '--out', file])).toBe(0);
      const written = JSON.parse(readFileSync(file, 'utf8')) as CompiledGraph;
      expect(written.entities).toHaveLength(300);
      expect(written.relations).toHaveLength(900);
      expect(await main(['db', 'load', '--db', url(), '--data', file, '--graph', 'gen', '--replace'])).toBe(0);
      const pool = createPool(url());
      try {
        const db = pgSource(pool, { graph: 'gen' });
        const memory = memorySource(buildGraph(written));
        for (const q of ['hua tian', 'Hua Tianxin', 'huatian', '华天', 'capitl', 'e17'])
          expect(JSON.stringify(await db.search(q, 10))).toBe(JSON.stringify(await memory.search(q, 10)));
        expect(JSON.stringify(await db.path('e5', 'e250', { mode: 'k', k: 4 }, 'en'))).toBe(
          JSON.stringify(await memory.path('e5', 'e250', { mode: 'k', k: 4 }, 'en')),
        );
        expect(await db.stats()).toEqual(await memory.stats());
      } finally {
        await pool.end();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
