// Rows of the schema back into the engine's records (Entity, Relation) and into graphology subgraphs the engine runs on.
import { MultiGraph } from 'graphology';
import type pg from 'pg';
import type { GraphAttributes, KnowledgeGraph } from '../../lib/graph/model.ts';
import { protoSafe } from '../../lib/graph/proto-safe.ts';
import type { Entity, Evidence, Relation } from '../../lib/graph/types.ts';

/** What every query of a pgSource needs: the pool, the graph's name, and the limits. */
export interface Db {
  pool: pg.Pool;
  graph: string;
}

export const ENTITY_COLUMNS = 'id, type, name_en, name_zh, aliases, pinyin, description, background, url, dates, attributes';
export const RELATION_COLUMNS = 'id, source, target, type, modality, basis, negated, date, note, attributes, directed';

export interface EntityRow {
  id: string;
  type: string;
  name_en: string;
  name_zh: string;
  aliases: string[];
  pinyin: string[] | null;
  description: Entity['description'];
  background: Entity['background'] | null;
  url: string | null;
  dates: Entity['dates'] | null;
  attributes: Entity['attributes'] | null;
}

export interface RelationRow {
  id: string;
  source: string;
  target: string;
  type: string;
  modality: Relation['modality'];
  basis: Relation['basis'] | null;
  negated: boolean;
  date: string | null;
  note: string | null;
  attributes: Relation['attributes'] | null;
  directed: boolean;
}

/** The entity record in the compiler's key order; optional fields only when stored. */
export function entityOf(row: EntityRow): Entity {
  return {
    id: row.id,
    type: row.type,
    name: { en: row.name_en, zh: row.name_zh },
    aliases: row.aliases,
    description: row.description,
    ...(row.background ? { background: row.background } : {}),
    ...(row.url !== null ? { url: row.url } : {}),
    ...(row.dates ? { dates: row.dates } : {}),
    ...(row.pinyin ? { pinyin: row.pinyin } : {}),
    ...(row.attributes ? { attributes: row.attributes } : {}),
  };
}

/** The relation record in the compiler's key order, with its evidence. */
export function relationOf(row: RelationRow, evidence: Evidence[]): Relation {
  return {
    id: row.id,
    source: row.source,
    target: row.target,
    type: row.type,
    modality: row.modality,
    ...(row.basis ? { basis: row.basis } : {}),
    ...(row.negated ? { negated: true as const } : {}),
    ...(row.date !== null ? { date: row.date } : {}),
    evidence,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.attributes ? { attributes: row.attributes } : {}),
  };
}

/** Whole entity records of `ids` (unknown ids left out), in load order. */
export async function fetchEntities(db: Db, ids: readonly string[]): Promise<Entity[]> {
  const { rows } = await db.pool.query<EntityRow>(
    `SELECT ${ENTITY_COLUMNS} FROM entities WHERE graph = $1 AND id = ANY($2::text[]) ORDER BY ord`,
    [db.graph, ids],
  );
  return rows.map(entityOf);
}

/** Evidence of these relations, by relation id, in quote order. */
export async function fetchEvidence(db: Db, relationIds: readonly string[]): Promise<Map<string, Evidence[]>> {
  const byRelation = new Map<string, Evidence[]>();
  if (relationIds.length === 0) return byRelation;
  const { rows } = await db.pool.query<{ relation: string; source: string; quote: string }>(
    'SELECT relation, source, quote FROM evidence WHERE graph = $1 AND relation = ANY($2::text[]) ORDER BY relation, ord',
    [db.graph, relationIds],
  );
  for (const { relation, source, quote } of rows) {
    let list = byRelation.get(relation);
    if (!list) byRelation.set(relation, (list = []));
    list.push({ source, quote });
  }
  return byRelation;
}

/** Relations with both ends among `ids`, in load order; with evidence unless `withEvidence` is false (filled as []). */
export async function fetchRelationsAmong(
  db: Db,
  ids: readonly string[],
  withEvidence = true,
): Promise<Array<{ relation: Relation; directed: boolean }>> {
  if (ids.length === 0) return [];
  const { rows } = await db.pool.query<RelationRow>(
    `SELECT ${RELATION_COLUMNS} FROM relations WHERE graph = $1 AND source = ANY($2::text[]) AND target = ANY($2::text[]) ORDER BY ord`,
    [db.graph, ids],
  );
  const evidence = withEvidence
    ? await fetchEvidence(
        db,
        rows.map((r) => r.id),
      )
    : new Map<string, Evidence[]>();
  return rows.map((row) => ({ relation: relationOf(row, evidence.get(row.id) ?? []), directed: row.directed }));
}

/** A knowledge graph of these records (the shape `buildGraph` makes), each edge keeping its stored directedness. */
export function subgraphOf(
  attributes: GraphAttributes,
  entities: Iterable<Entity>,
  relations: Iterable<{ relation: Relation; directed: boolean }>,
): KnowledgeGraph {
  const graph: KnowledgeGraph = protoSafe(new MultiGraph({ type: 'mixed', allowSelfLoops: true }));
  graph.replaceAttributes(attributes);
  for (const entity of entities) graph.addNode(entity.id, entity);
  for (const { relation, directed } of relations) {
    if (directed) graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, relation);
    else graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, relation);
  }
  return graph;
}
