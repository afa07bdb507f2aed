// The filtered, focused subgraph: which entities and relations a view shows, from filters and a focus entity.
import type { KnowledgeGraph } from './model.ts';
import type { Modality } from './types.ts';
import { MODALITIES } from './types.ts';
import { neighbourhood } from './neighbourhood.ts';
import { asOfEdgeFilter } from './lenses/as-of.ts';

export interface ViewFilter {
  hiddenEntityTypes: readonly string[];
  hiddenRelationTypes: readonly string[];
  modalities: readonly Modality[];
  /** Leave out relations inferred rather than stated by their source. */
  statedOnly?: boolean | undefined;
  /** Leave out relations the source denies (shown by default, in their own style). */
  hideNegated?: boolean | undefined;
  /** Show only this entity's neighbourhood to `depth`. */
  focus?: { id: string; depth: number } | undefined;
  /** Only relations that had begun by this date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `YYY0s`). */
  asOf?: string | undefined;
  /** With `asOf`: leave out relations that carry no date (by default they stay, marked). */
  hideUndated?: boolean | undefined;
}

export const DEFAULT_FILTER: ViewFilter = { hiddenEntityTypes: [], hiddenRelationTypes: [], modalities: MODALITIES };

export interface VisibleSet {
  nodes: Set<string>;
  edges: Set<string>;
}

/** Predicates for a filter (no focus): usable by neighbourhoods, paths and exports so all agree with the view. */
export function filterPredicates(
  graph: KnowledgeGraph,
  filter: ViewFilter,
): { node: (id: string) => boolean; edge: (id: string) => boolean } {
  const hiddenTypes = new Set(filter.hiddenEntityTypes);
  const hiddenRelations = new Set(filter.hiddenRelationTypes);
  const modalities = new Set(filter.modalities);
  const inTime = filter.asOf ? asOfEdgeFilter(graph, filter.asOf, { includeUndated: !filter.hideUndated }) : () => true;
  const node = (id: string): boolean => !hiddenTypes.has(graph.getNodeAttribute(id, 'type'));
  const edge = (id: string): boolean => {
    const r = graph.getEdgeAttributes(id);
    return (
      !hiddenRelations.has(r.type) &&
      modalities.has(r.modality) &&
      !(filter.statedOnly && r.basis === 'inferred') &&
      !(filter.hideNegated && r.negated) &&
      inTime(id) &&
      node(graph.source(id)) &&
      node(graph.target(id))
    );
  };
  return { node, edge };
}

/** Entities and relations visible under a filter and optional focus. */
export function visibleSet(graph: KnowledgeGraph, filter: ViewFilter): VisibleSet {
  const { node, edge } = filterPredicates(graph, filter);
  if (filter.focus && graph.hasNode(filter.focus.id)) {
    const { distances, relations } = neighbourhood(graph, filter.focus.id, filter.focus.depth, { nodeFilter: node, edgeFilter: edge });
    return { nodes: new Set(distances.keys()), edges: new Set(relations) };
  }
  const nodes = new Set(graph.filterNodes((id) => node(id)));
  const edges = new Set(graph.filterEdges((id) => edge(id)));
  return { nodes, edges };
}

/** Counts per entity type and per relation type, for the filter panel. */
export function typeCounts(graph: KnowledgeGraph): { entities: Map<string, number>; relations: Map<string, number> } {
  const entities = new Map<string, number>();
  const relations = new Map<string, number>();
  graph.forEachNode((_, e) => entities.set(e.type, (entities.get(e.type) ?? 0) + 1));
  graph.forEachEdge((_, r) => relations.set(r.type, (relations.get(r.type) ?? 0) + 1));
  return { entities, relations };
}
