// An entity's neighbourhood: every entity within N relations (either direction) and the relations among them.
import type { KnowledgeGraph } from './model.ts';

export interface Neighbourhood {
  /** Entity id → distance in hops from the centre. */
  distances: Map<string, number>;
  /** Relation ids with both ends inside the neighbourhood. */
  relations: string[];
}

export interface NeighbourhoodOptions {
  /** Only walk relations for which this returns true. */
  edgeFilter?: (edge: string) => boolean;
  /** Only enter entities for which this returns true. */
  nodeFilter?: (node: string) => boolean;
}

/** Breadth-first neighbourhood of `centre` to `depth` hops, following relations in either direction. */
export function neighbourhood(graph: KnowledgeGraph, centre: string, depth: number, options: NeighbourhoodOptions = {}): Neighbourhood {
  const { edgeFilter, nodeFilter } = options;
  const distances = new Map<string, number>([[centre, 0]]);
  let frontier = [centre];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _attributes, source, target) => {
        if (edgeFilter && !edgeFilter(edge)) return;
        const other = source === node ? target : source;
        if (distances.has(other) || (nodeFilter && !nodeFilter(other))) return;
        distances.set(other, d);
        next.push(other);
      });
    }
    frontier = next;
  }
  const relations: string[] = [];
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (distances.has(source) && distances.has(target) && (!edgeFilter || edgeFilter(edge))) relations.push(edge);
  });
  return { distances, relations };
}
