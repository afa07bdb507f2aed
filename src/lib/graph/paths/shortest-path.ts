// One shortest path between two entities: the best of the equally short ones by the path ranking.
import type { KnowledgeGraph } from '../model.ts';
import type { RelationAttributes } from '../types.ts';
import { emptyPath, hopCost, type Path, type RawPath, toPath } from './path.ts';
import { type PathOptions, requireEntity, resolvePathOptions, type ResolvedPathOptions } from './path-options.ts';
import { forEachDagStep, type SearchLimits, shortestPathDag, type ShortestDag } from './shortest-path-dag.ts';
import { createTraversal, type Traversal } from './traversal.ts';

/**
 * For every entity of a shortest-path DAG, the least `hopCost` sum of a DAG walk from it to `dag.to`: one pass
 * over the DAG's hops, layer by layer from the end.
 */
function dagCostsToEnd(traversal: Traversal, dag: ShortestDag): Map<string, number> {
  const layers: string[][] = Array.from({ length: dag.length + 1 }, () => []);
  for (const [node, position] of dag.position) layers[position]!.push(node);
  const costs = new Map([[dag.to, 0]]);
  for (let p = dag.length - 1; p >= 0; p--) {
    for (const node of layers[p]!) {
      let least = Infinity;
      forEachDagStep(traversal, dag, node, (_edge, neighbour, forward, relation, directed) => {
        least = Math.min(least, hopCost(relation.modality, directed, forward) + costs.get(neighbour)!);
      });
      costs.set(node, least);
    }
  }
  return costs;
}

/**
 * The first path of a shortest-path DAG in path order (`comparePaths`). All its walks are equally long, so the
 * order is: least `pathCost`, then entity ids, then relation ids. With the least cost to the end of every entity
 * known, a hop is on some cheapest walk exactly when its cost plus its neighbour's equals its entity's (tight).
 * Entity sequences of equal length compare element by element, so taking the smallest neighbour over a tight hop
 * at each position gives the smallest sequence among the cheapest walks; costs add up hop by hop, so each hop then
 * takes its smallest tight relation id independently of the others.
 */
export function firstDagPath(traversal: Traversal, dag: ShortestDag): RawPath {
  const costs = dagCostsToEnd(traversal, dag);
  const path = emptyPath(dag.from);
  let node = dag.from;
  for (let p = 0; p < dag.length; p++) {
    const cost = costs.get(node)!;
    let best: { node: string; edge: string; forward: boolean; relation: RelationAttributes; directed: boolean } | undefined;
    forEachDagStep(traversal, dag, node, (edge, neighbour, forward, relation, directed) => {
      if (hopCost(relation.modality, directed, forward) + costs.get(neighbour)! !== cost) return;
      if (best === undefined || neighbour < best.node || (neighbour === best.node && edge < best.edge)) {
        best = { node: neighbour, edge, forward, relation, directed };
      }
    });
    // The DAG guarantees a tight hop out of every entity on it.
    if (best === undefined) throw new Error(`paths: shortest-path DAG is broken at "${node}"`);
    path.nodes.push(best.node);
    path.edges.push(best.edge);
    path.forward.push(best.forward);
    path.modality.push(best.relation.modality);
    path.directed.push(best.directed);
    node = best.node;
  }
  return path;
}

/** The first shortest path under a compiled traversal and limits, or `null`. The core that other modules reuse. */
export function firstShortestPath(traversal: Traversal, from: string, to: string, limits: SearchLimits): RawPath | null {
  const dag = shortestPathDag(traversal, from, to, limits);
  return dag === null ? null : firstDagPath(traversal, dag);
}

/** Compiles options for a query between two entities that are checked to exist. */
export function prepareQuery(
  graph: KnowledgeGraph,
  from: string,
  to: string,
  options: Partial<PathOptions> | ResolvedPathOptions = {},
): { options: ResolvedPathOptions; traversal: Traversal } {
  requireEntity(graph, from, 'from');
  requireEntity(graph, to, 'to');
  const resolved = resolvePathOptions(graph, options);
  return { options: resolved, traversal: createTraversal(graph, resolved, [from, to]) };
}

/**
 * One shortest path from `from` to `to` with at most `maxHops` hops, or `null`. Among equally short paths it
 * returns the first in path order (`comparePaths`): fewest non-fact hops, then fewest hops against a relation's
 * direction, then by entity ids, then relation ids. From an entity to itself: the zero-length path.
 */
export function shortestPath(graph: KnowledgeGraph, from: string, to: string, options?: Partial<PathOptions>): Path | null {
  const query = prepareQuery(graph, from, to, options);
  const raw = firstShortestPath(query.traversal, from, to, { maxHops: query.options.maxHops });
  return raw === null ? null : toPath(graph, raw);
}
