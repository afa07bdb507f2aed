// `pgSource(pool)`: the GraphSource interface answered from PostgreSQL, with the same answers as `memorySource` on
// the same graph. Only small parts of the graph are read per question; the engine's own answer builders run on them.
import pg from 'pg';
import { neighboursAnswer, type SearchAnswer } from '../../lib/graph/answers.ts';
import { KgError } from '../../lib/graph/errors.ts';
import type { GraphAttributes } from '../../lib/graph/model.ts';
import { normalizeForMatch } from '../../lib/graph/search.ts';
import { graphFragment, type GraphFragment, type GraphSchema, type GraphSource } from '../../lib/graph/source.ts';
import type { GraphStats } from '../../lib/graph/stats.ts';
import type { EntityType, RelationType, Source } from '../../lib/graph/types.ts';
import { incidentRelations } from './frontier.ts';
import { EXPLAIN_BOUNDS, pathFromDb, type ExplainBounds, type GraphVocabulary } from './path-db.ts';
import { fetchEntities, fetchRelationsAmong, subgraphOf, type Db } from './records.ts';
import { searchDb } from './search-terms.ts';

/** Bounds on what one question may ask, each refused with a clear `DB_LIMIT` error beyond it. */
export const LIMITS = {
  /** Deepest neighbourhood. */
  depth: 5,
  /** Most search hits. */
  searchLimit: 1000,
  /** Most entities a neighbourhood, expansion or fragment may return. */
  entities: 50_000,
} as const;

export interface PgSourceOptions {
  /** The graph's name in the database (default `default`). */
  graph?: string;
  /** How much a missing path's explanation may read (default `EXPLAIN_BOUNDS`). */
  explain?: ExplainBounds;
}

/** A pool whose every connection aborts a statement after `statementTimeoutMs` (default 10 s). */
export function createPool(url: string, statementTimeoutMs = 10_000, max = 4): pg.Pool {
  return new pg.Pool({ connectionString: url, statement_timeout: statementTimeoutMs, max });
}

function limitError(message: string): KgError {
  return new KgError({ code: 'DB_LIMIT', severity: 'error', message: `db: ${message}` });
}

interface GraphRow {
  title: string;
  entity_types: EntityType[];
  relation_types: RelationType[];
  used_entity_types: string[];
  used_relation_types: string[];
  component_size_by_id: number[];
  stats: GraphStats;
}

/** The source over graph `options.graph` of the database behind `pool`. The pool is the caller's to end. */
export function pgSource(pool: pg.Pool, options: PgSourceOptions = {}): GraphSource {
  const db: Db = { pool, graph: options.graph ?? 'default' };
  let vocabulary: Promise<GraphVocabulary & { stats: GraphStats }> | undefined;
  const graphInfo = (): Promise<GraphVocabulary & { stats: GraphStats }> =>
    (vocabulary ??= (async () => {
      const { rows } = await pool.query<GraphRow>(
        `SELECT title, entity_types, relation_types, used_entity_types, used_relation_types, component_size_by_id, stats
         FROM graphs WHERE name = $1`,
        [db.graph],
      );
      const row = rows[0];
      if (!row) throw new KgError({ code: 'DB_NO_GRAPH', severity: 'error', message: `db: no graph named "${db.graph}" in the database` });
      const sources = await pool.query<{ record: Source }>('SELECT record FROM sources WHERE graph = $1 ORDER BY ord', [db.graph]);
      const attributes: GraphAttributes = {
        title: row.title,
        entityTypes: row.entity_types,
        relationTypes: row.relation_types,
        sources: sources.rows.map((r) => r.record),
      };
      return {
        attributes,
        usedEntityTypes: row.used_entity_types,
        usedRelationTypes: row.used_relation_types,
        componentSizes: row.component_size_by_id,
        stats: row.stats,
      };
    })().catch((error: unknown) => {
      vocabulary = undefined;
      throw error;
    }));

  /** The fragment of these entities (first `limit` distinct known ones, in the given order) and the relations among them. */
  const fragmentOf = async (ids: readonly string[], limit = Infinity): Promise<GraphFragment> => {
    const { attributes } = await graphInfo();
    const distinct = [...new Set(ids)];
    const entities = await fetchEntities(db, distinct);
    if (entities.length > LIMITS.entities && limit > LIMITS.entities)
      throw limitError(`a fragment may hold at most ${LIMITS.entities} entities`);
    const known = new Set(entities.map((e) => e.id));
    const relations = await fetchRelationsAmong(
      db,
      distinct.filter((id) => known.has(id)),
    );
    // The engine's own fragment function on a graph holding exactly these records gives memorySource's order.
    const byId = new Map(entities.map((e) => [e.id, e]));
    const ordered = distinct.flatMap((id) => byId.get(id) ?? []);
    return graphFragment(subgraphOf(attributes, ordered, relations), distinct, limit);
  };

  return {
    async resolve(reference) {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM entities WHERE graph = $1 AND id = $2', [db.graph, reference]);
      if (rows.length) return reference;
      const exact = await pool.query<{ entity: string }>(
        'SELECT DISTINCT entity FROM terms WHERE graph = $1 AND normalized = $2 ORDER BY entity',
        [db.graph, normalizeForMatch(reference)],
      );
      if (exact.rows.length === 1) return exact.rows[0]!.entity;
      const describeAll = async (ids: string[]): Promise<string> => {
        const entities = new Map((await fetchEntities(db, ids)).map((e) => [e.id, e]));
        return ids
          .map((id) => {
            const e = entities.get(id)!;
            return `${id} (${e.name.en}${e.name.zh ? ` / ${e.name.zh}` : ''}, ${e.type})`;
          })
          .join('; ');
      };
      if (exact.rows.length > 1) {
        const ids = exact.rows.map((r) => r.entity);
        throw new KgError({
          code: 'ENTITY_AMBIGUOUS',
          severity: 'error',
          message: `"${reference}" names ${ids.length} entities: ${await describeAll(ids)}`,
          hint: 'use an id',
        });
      }
      const candidates = await searchDb(db, reference, 5);
      throw new KgError({
        code: 'ENTITY_UNKNOWN',
        severity: 'error',
        message: `no entity named "${reference.slice(0, 80)}"`,
        ...(candidates.length ? { hint: `did you mean: ${await describeAll(candidates.map((c) => c.id))}?` } : {}),
      });
    },

    async search(query, limit): Promise<SearchAnswer> {
      if (limit > LIMITS.searchLimit) throw limitError(`a search returns at most ${LIMITS.searchLimit} hits`);
      const hits = await searchDb(db, query, limit);
      const entities = new Map(
        (
          await fetchEntities(
            db,
            hits.map((h) => h.id),
          )
        ).map((e) => [e.id, e]),
      );
      return {
        query,
        hits: hits.map((h) => {
          const e = entities.get(h.id)!;
          return { id: h.id, type: e.type, name: e.name, score: h.score, matched: h.matched, field: h.field };
        }),
      };
    },

    async neighbours(id, depth) {
      if (!Number.isInteger(depth) || depth < 0 || depth > LIMITS.depth)
        throw limitError(`depth must be a whole number from 0 to ${LIMITS.depth}`);
      const { attributes } = await graphInfo();
      const reached = new Set([id]);
      let frontier = [id];
      for (let d = 1; d <= depth && frontier.length; d++) {
        const next: string[] = [];
        for (const [, s, t] of await incidentRelations(db, frontier, {}))
          for (const node of [s, t])
            if (!reached.has(node)) {
              reached.add(node);
              next.push(node);
            }
        if (reached.size > LIMITS.entities)
          throw limitError(`the neighbourhood holds more than ${LIMITS.entities} entities; lower the depth`);
        frontier = next;
      }
      const ids = [...reached];
      const entities = await fetchEntities(db, ids);
      if (!entities.some((e) => e.id === id))
        throw new KgError({ code: 'ENTITY_UNKNOWN', severity: 'error', message: `no entity with id "${id.slice(0, 80)}"` });
      // Every shortest walk to an entity within `depth` stays within `depth`: the engine's answer on this subgraph
      // has the whole graph's distances, and its relations in the graph's order.
      return neighboursAnswer(subgraphOf(attributes, entities, await fetchRelationsAmong(db, ids, false)), id, depth);
    },

    async path(from, to, pathOptions, lang) {
      return pathFromDb(db, await graphInfo(), from, to, pathOptions, lang, options.explain ?? EXPLAIN_BOUNDS);
    },

    async stats() {
      return (await graphInfo()).stats;
    },

    async schema(): Promise<GraphSchema> {
      const { title, entityTypes, relationTypes, sources } = (await graphInfo()).attributes;
      return { title, entityTypes, relationTypes, sources };
    },

    async expand(ids, { relationTypes, limit }) {
      if (limit > LIMITS.entities) throw limitError(`an expansion returns at most ${LIMITS.entities} entities`);
      const known = new Set((await fetchEntities(db, ids)).map((e) => e.id));
      const seeds = ids.filter((id) => known.has(id)).sort();
      const edges = await incidentRelations(db, seeds, relationTypes ? { types: relationTypes } : {});
      const reached = [...seeds];
      for (const id of seeds) {
        const next = new Set<string>();
        for (const [, s, t] of edges) if (s === id || t === id) next.add(s === id ? t : s);
        reached.push(...[...next].sort());
      }
      return fragmentOf(reached, limit);
    },

    fragment: (ids) => fragmentOf(ids),

    async close() {},
  };
}
