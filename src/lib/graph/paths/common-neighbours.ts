// Common neighbours: the entities one usable hop away from both endpoints of a path query.
import type { KnowledgeGraph } from '../model.ts';
import type { PathOptions } from './path-options.ts';
import { prepareQuery } from './shortest-path.ts';
import { compareIds, forEachStep, type Traversal } from './traversal.ts';

/**
 * The entities `c` (other than the endpoints) with a usable hop `from → c` and a usable hop `c → to`: the middles
 * of the two-hop paths, under the same direction, relation, modality, entity and view constraints as paths.
 * With `direction: 'any'` that is plain adjacency to both. Sorted by id. `maxHops` does not apply.
 */
export function commonNeighboursWith(traversal: Traversal, from: string, to: string): string[] {
  const afterFrom = new Set<string>();
  forEachStep(traversal, from, false, (_, neighbour) => afterFrom.add(neighbour));
  const common = new Set<string>();
  forEachStep(traversal, to, true, (_, neighbour) => {
    if (afterFrom.has(neighbour) && neighbour !== from && neighbour !== to) common.add(neighbour);
  });
  return [...common].sort(compareIds);
}

/** The entities adjacent to both `from` and `to` under the query's constraints, sorted by id. */
export function commonNeighbours(graph: KnowledgeGraph, from: string, to: string, options?: Partial<PathOptions>): string[] {
  const query = prepareQuery(graph, from, to, options);
  return commonNeighboursWith(query.traversal, from, to);
}
