// The path property tests' random graphs and queries, each loaded into PostgreSQL: pgSource's path answers (every
// mode, direction, constraint and no-path reason) must be memorySource's, byte for byte. memorySource is itself
// checked against brute force in src/lib/graph/paths/paths.property.test.ts.
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { caseArbitrary } from '../../src/lib/graph/paths/paths.arbitraries.ts';
import { memorySource } from '../../src/lib/graph/source.ts';
import { graphInput, loadGraph } from '../../src/server/db/load-graph.ts';
import { createPool, pgSource } from '../../src/server/db/pg-source.ts';

/** Each run loads a graph (one transaction) and asks six questions; 300 runs take ten to twenty seconds. */
const RUNS = {
  seed: Number(process.env.PATHS_PROPERTY_SEED ?? 20250120),
  numRuns: Number(process.env.DB_PROPERTY_RUNS ?? 300),
} as const;

let client: pg.Client;
let pool: pg.Pool;

beforeAll(async () => {
  client = new pg.Client(inject('pgUrl'));
  await client.connect();
  pool = createPool(inject('pgUrl'));
});

afterAll(async () => {
  await client?.end();
  await pool?.end();
});

describe('pgSource paths on random graphs', () => {
  it('answers every random path query exactly as memorySource does', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        await loadGraph(client, graphInput(c.graph), { graph: 'property', replace: true });
        const db = pgSource(pool, { graph: 'property' });
        const memory = memorySource(c.graph);
        for (const mode of ['shortest', 'all', 'k'] as const) {
          const options = { ...c.options, mode };
          const [a, b] = await Promise.all([memory.path(c.from, c.to, options, 'en'), db.path(c.from, c.to, options, 'en')]);
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        }
        const [a, b] = await Promise.all([memory.neighbours(c.from, 2), db.neighbours(c.from, 2)]);
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        // Forced to explain from the balls around the ends instead of the whole component: the same paths and
        // common neighbours; the same reason whenever the balls covered everything or reached the relaxed path.
        const bounded = pgSource(pool, { graph: 'property', explain: { wholeComponent: 0, maxRelations: 0 } });
        const [m, d] = await Promise.all([memory.path(c.from, c.to, c.options, 'en'), bounded.path(c.from, c.to, c.options, 'en')]);
        const { reasonWithin, ...rest } = d;
        expect(rest.paths).toEqual(m.paths);
        expect(rest.common).toEqual(m.common);
        if (reasonWithin === undefined) expect(JSON.stringify(rest)).toBe(JSON.stringify(m));
        else {
          expect(reasonWithin).toBeGreaterThanOrEqual(c.options.maxHops);
          if (m.reason?.kind === 'max-hops' && m.reason.needed <= reasonWithin) expect(rest.reason).toEqual(m.reason);
        }
      }),
      RUNS,
    );
  });
});
