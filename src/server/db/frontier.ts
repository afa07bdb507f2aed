// Hop distances on PostgreSQL by frontier expansion: one batched query per level (`source = ANY($1)` and
// `target = ANY($1)`), relations walked either way, with the cheap relation filters pushed into SQL.
import { KgError } from '../../lib/graph/errors.ts';
import type { Db } from './records.ts';

/** Relation filters a query may push into SQL (each one only removes relations, never adds). */
export interface RelationFilter {
  modalities?: readonly string[];
  excludeNegated?: boolean;
  types?: readonly string[];
  excludeTypes?: readonly string[];
}

/** An edge seen while expanding: id and stored ends. */
export type SeenEdge = readonly [id: string, source: string, target: string];

/** Most relations one path query may read while expanding; beyond it the query is refused with `DB_PATH_TOO_LARGE`. */
export const MAX_EXPANDED_RELATIONS = 1_500_000;

/** The WHERE conditions and parameters for `filter`, parameters numbered after `offset` existing ones. */
export function filterSql(filter: RelationFilter, offset: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${offset + params.length}`;
  };
  if (filter.modalities) parts.push(`modality = ANY(${param(filter.modalities)}::text[])`);
  if (filter.excludeNegated) parts.push('NOT negated');
  if (filter.types) parts.push(`type = ANY(${param(filter.types)}::text[])`);
  if (filter.excludeTypes?.length) parts.push(`NOT (type = ANY(${param(filter.excludeTypes)}::text[]))`);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** The relations touching any of `nodes` (either end) that pass `filter`. */
export async function incidentRelations(db: Db, nodes: readonly string[], filter: RelationFilter): Promise<SeenEdge[]> {
  if (nodes.length === 0) return [];
  const { sql, params } = filterSql(filter, 2);
  const { rows } = await db.pool.query<{ id: string; source: string; target: string }>({
    text: `SELECT id, source, target FROM relations WHERE graph = $1 AND source = ANY($2::text[])${sql}
           UNION ALL
           SELECT id, source, target FROM relations WHERE graph = $1 AND target = ANY($2::text[])${sql}`,
    values: [db.graph, nodes, ...params],
  });
  return rows.map((r) => [r.id, r.source, r.target] as const);
}

/** One side of a bidirectional search: distances from its seed so far, and the entities at the last level. */
export class Ball {
  readonly distance = new Map<string, number>();
  frontier: string[];
  radius = 0;

  constructor(seed: string) {
    this.distance.set(seed, 0);
    this.frontier = [seed];
  }

  /** Expands one level; every relation read is passed to `seen`. */
  async grow(db: Db, filter: RelationFilter, seen: (edge: SeenEdge) => void): Promise<void> {
    const edges = await incidentRelations(db, this.frontier, filter);
    const next: string[] = [];
    this.radius++;
    for (const edge of edges) {
      seen(edge);
      for (const node of [edge[1], edge[2]]) {
        if (!this.distance.has(node)) {
          this.distance.set(node, this.radius);
          next.push(node);
        }
      }
    }
    this.frontier = next;
  }
}

/** Collected relations of a search, refusing to grow past `MAX_EXPANDED_RELATIONS`. */
export class EdgeSet {
  readonly edges = new Map<string, SeenEdge>();
  add = (edge: SeenEdge): void => {
    this.edges.set(edge[0], edge);
    if (this.edges.size > MAX_EXPANDED_RELATIONS)
      throw new KgError({
        code: 'DB_PATH_TOO_LARGE',
        severity: 'error',
        message: `paths: the search read more than ${MAX_EXPANDED_RELATIONS} relations around the two entities`,
        hint: 'lower --max-hops or add constraints (relation types, modality)',
      });
  };
}

/** Hop distances from `seed` over `edges` (either direction), in memory. */
export function distancesOver(edges: Iterable<SeenEdge>, seed: string): Map<string, number> {
  const adjacency = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    let list = adjacency.get(a);
    if (!list) adjacency.set(a, (list = []));
    list.push(b);
  };
  for (const [, s, t] of edges) {
    link(s, t);
    link(t, s);
  }
  const distance = new Map([[seed, 0]]);
  let frontier = [seed];
  for (let d = 1; frontier.length; d++) {
    const next: string[] = [];
    for (const node of frontier)
      for (const other of adjacency.get(node) ?? [])
        if (!distance.has(other)) {
          distance.set(other, d);
          next.push(other);
        }
    frontier = next;
  }
  return distance;
}

/**
 * The same one-side ball by a recursive CTE (for comparison in the bench): entities within `radius` hops of `seed`
 * with their distance. UNION only removes equal (entity, distance) rows, so entities are revisited at longer
 * distances and the CTE reads more rows than the level-by-level expansion.
 */
export async function ballByCte(db: Db, seed: string, radius: number): Promise<Map<string, number>> {
  const { rows } = await db.pool.query<{ id: string; d: number }>(
    `WITH RECURSIVE walk(id, d) AS (
       SELECT $2::text, 0
       UNION
       SELECT n.id, w.d + 1 FROM walk w CROSS JOIN LATERAL (
         SELECT target AS id FROM relations WHERE graph = $1 AND source = w.id
         UNION ALL
         SELECT source FROM relations WHERE graph = $1 AND target = w.id
       ) n WHERE w.d < $3
     )
     SELECT id, min(d)::int AS d FROM walk GROUP BY id`,
    [db.graph, seed, radius],
  );
  return new Map(rows.map((r) => [r.id, r.d]));
}
