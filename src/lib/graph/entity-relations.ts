// An entity's relations grouped by type and direction, as the details panel and text view list them.
import type { KnowledgeGraph } from './model.ts';
import type { Relation, RelationType } from './types.ts';

export type Direction = 'out' | 'in' | 'both';

export interface RelationGroup {
  type: string;
  direction: Direction;
  /** The relation type (absent for types the schema does not declare). */
  relationType?: RelationType | undefined;
  items: Array<{ relation: Relation; other: string }>;
}

/**
 * Groups an entity's relations: outgoing ("funds → DeepSeek"), incoming ("← deployed by JD Cloud"), and
 * symmetric ("competes with"). Groups and items come in a stable order. `edgeFilter` limits to visible relations.
 */
export function entityRelationGroups(graph: KnowledgeGraph, id: string, edgeFilter?: (edge: string) => boolean): RelationGroup[] {
  const types = new Map(graph.getAttribute('relationTypes').map((t) => [t.id, t]));
  const groups = new Map<string, RelationGroup>();
  graph.forEachEdge(id, (edge, relation, source, target, _sa, _ta, undirected) => {
    if (edgeFilter && !edgeFilter(edge)) return;
    const direction: Direction = undirected ? 'both' : source === id ? 'out' : 'in';
    const key = `${relation.type}\u0000${direction}`;
    let group = groups.get(key);
    if (!group) {
      group = { type: relation.type, direction, relationType: types.get(relation.type), items: [] };
      groups.set(key, group);
    }
    group.items.push({ relation, other: source === id ? target : source });
  });
  const order: Record<Direction, number> = { out: 0, both: 1, in: 2 };
  const result = [...groups.values()].sort((a, b) => order[a.direction] - order[b.direction] || a.type.localeCompare(b.type));
  for (const g of result) g.items.sort((a, b) => a.other.localeCompare(b.other) || a.relation.id.localeCompare(b.relation.id));
  return result;
}
