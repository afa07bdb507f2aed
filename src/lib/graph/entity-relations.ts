// An entity's relations grouped by type and direction, as the details panel and text view list them.
import type { KnowledgeGraph } from './model.ts';
import type { Relation, RelationType } from './types.ts';
import { MAX_FANNED, parallelKey } from './bundles.ts';

export type Direction = 'out' | 'in' | 'both';

export interface RelationGroup {
  type: string;
  direction: Direction;
  /** The relation type (absent for types the schema does not declare). */
  relationType?: RelationType | undefined;
  /**
   * One item per relation, except more than MAX_FANNED parallel relations of the group's type to the same entity
   * (50,000 imported a→b edges): one item, the one with the smallest id (the canvas draws their line under it), and
   * their `count`.
   */
  items: Array<{ relation: Relation; other: string; count: number }>;
}

/**
 * Groups an entity's relations: outgoing ("funds → DeepSeek"), incoming ("← deployed by JD Cloud"), and
 * symmetric ("competes with"). Groups and items come in a stable order. `edgeFilter` limits to visible relations.
 */
export function entityRelationGroups(graph: KnowledgeGraph, id: string, edgeFilter?: (edge: string) => boolean): RelationGroup[] {
  const types = new Map(graph.getAttribute('relationTypes').map((t) => [t.id, t]));
  const groups = new Map<string, RelationGroup>();
  const parallel = new Map<string, { group: RelationGroup; other: string; same: Relation[] }>();
  graph.forEachEdge(id, (edge, relation, source, target, _sa, _ta, undirected) => {
    if (edgeFilter && !edgeFilter(edge)) return;
    const direction: Direction = undirected ? 'both' : source === id ? 'out' : 'in';
    const key = `${relation.type}\u0000${direction}`;
    let group = groups.get(key);
    if (!group) {
      group = { type: relation.type, direction, relationType: types.get(relation.type), items: [] };
      groups.set(key, group);
    }
    const itemKey = parallelKey(relation, undirected);
    const entry = parallel.get(itemKey);
    if (entry) entry.same.push(relation);
    else parallel.set(itemKey, { group, other: source === id ? target : source, same: [relation] });
  });
  for (const { group, other, same } of parallel.values()) {
    if (same.length > MAX_FANNED) {
      const first = same.reduce((min, r) => (r.id < min.id ? r : min));
      group.items.push({ relation: first, other, count: same.length });
    } else for (const relation of same) group.items.push({ relation, other, count: 1 });
  }
  const order: Record<Direction, number> = { out: 0, both: 1, in: 2 };
  const result = [...groups.values()].sort((a, b) => order[a.direction] - order[b.direction] || a.type.localeCompare(b.type));
  for (const g of result) g.items.sort((a, b) => a.other.localeCompare(b.other) || a.relation.id.localeCompare(b.relation.id));
  return result;
}

/**
 * The relations drawn as one line with `id`: same ends (either way round for a symmetric type), type and modality.
 * The relation itself comes first. Empty for an unknown id.
 */
export function parallelRelations(graph: KnowledgeGraph, id: string): string[] {
  if (!graph.hasEdge(id)) return [];
  const key = parallelKey(graph.getEdgeAttributes(id), graph.isUndirected(id));
  const same: string[] = [id];
  graph.forEachEdge(graph.source(id), (edge, other, _s, _t, _sa, _ta, undirected) => {
    if (edge !== id && parallelKey(other, undirected) === key) same.push(edge);
  });
  return same;
}
