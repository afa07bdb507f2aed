// Every shortest path between two entities, parallel relations giving distinct paths, in path order.
import type { KnowledgeGraph } from '../model.ts';
import type { Modality } from '../types.ts';
import { hopCost, type Path, type RawPath, toPath } from './path.ts';
import type { PathOptions } from './path-options.ts';
import { forEachDagStep, type ShortestDag, shortestPathDag } from './shortest-path-dag.ts';
import { prepareQuery } from './shortest-path.ts';
import { compareIds, type Traversal } from './traversal.ts';

/** Paths listed, and whether the listing stopped at `limit` before the end. */
export interface PathListing {
  paths: RawPath[];
  truncated: boolean;
}

interface Hop {
  edge: string;
  forward: boolean;
  modality: Modality;
  directed: boolean;
  cost: number;
}

/** The DAG hops out of one entity to one neighbour (parallel relations), sorted by relation id. */
interface Successor {
  neighbour: string;
  hops: Hop[];
  /** The distinct costs of `hops`. */
  costs: number[];
}

const addUnique = (list: number[], value: number): void => {
  if (!list.includes(value)) list.push(value);
};

/**
 * Lists the paths of a shortest-path DAG in path order (`comparePaths`), at most `limit` of them: when truncated,
 * the ones kept are the first `limit` in that order, the best ones.
 *
 * All the DAG's paths are equally long, so the order is `pathCost`, then entity ids, then relation ids. A first
 * pass finds, for every entity, the set of costs its walks to `to` can add up to (few: at most one per pair of
 * non-fact and reversed counts). Then the costs `from` can reach are listed one at a time, cheapest first, and for
 * each cost a depth-first walk over sorted neighbours lists the entity sequences that have a path of exactly that
 * cost, which for equal-length sequences is their order. It only enters a neighbour if the costs the walk so far
 * can add up to, plus the costs the neighbour can still reach, can give exactly that cost, so every branch it
 * enters ends in a path. Each sequence then expands into the combinations of its parallel relations that cost
 * exactly that much, depth first over relations sorted by id, which is their order too.
 */
export function enumerateDag(traversal: Traversal, dag: ShortestDag, limit: number): PathListing {
  const successors = new Map<string, Successor[]>();
  const layers: string[][] = Array.from({ length: dag.length + 1 }, () => []);
  for (const [node, position] of dag.position) layers[position]!.push(node);
  // The costs each entity's walks to `to` can add up to, from the last layer back.
  const reach = new Map<string, Set<number>>([[dag.to, new Set([0])]]);
  for (let p = dag.length - 1; p >= 0; p--) {
    for (const node of layers[p]!) {
      const byNeighbour = new Map<string, Successor>();
      forEachDagStep(traversal, dag, node, (edge, neighbour, forward, relation, directed) => {
        let successor = byNeighbour.get(neighbour);
        if (successor === undefined) byNeighbour.set(neighbour, (successor = { neighbour, hops: [], costs: [] }));
        const cost = hopCost(relation.modality, directed, forward);
        successor.hops.push({ edge, forward, modality: relation.modality, directed, cost });
        addUnique(successor.costs, cost);
      });
      const costs = new Set<number>();
      for (const { neighbour, costs: hopCosts } of byNeighbour.values()) {
        for (const rest of reach.get(neighbour)!) for (const cost of hopCosts) costs.add(cost + rest);
      }
      reach.set(node, costs);
      const sorted = [...byNeighbour.values()].sort((a, b) => compareIds(a.neighbour, b.neighbour));
      for (const successor of sorted) successor.hops.sort((a, b) => compareIds(a.edge, b.edge));
      successors.set(node, sorted);
    }
  }

  const paths: RawPath[] = [];
  let truncated = false;
  const nodes = [dag.from];
  const hopChoices: Hop[][] = [];

  /** Lists the relation combinations of the current entity sequence that cost exactly `total`; false to stop. */
  const expandRelations = (total: number): boolean => {
    // suffix[i]: the costs hops i.. of this sequence can add up to.
    const suffix: Set<number>[] = [];
    suffix[hopChoices.length] = new Set([0]);
    for (let i = hopChoices.length - 1; i >= 0; i--) {
      suffix[i] = new Set();
      for (const hop of hopChoices[i]!) for (const rest of suffix[i + 1]!) suffix[i]!.add(hop.cost + rest);
    }
    const picked: Hop[] = [];
    const pick = (i: number, remaining: number): boolean => {
      if (i === hopChoices.length) {
        if (paths.length >= limit) {
          truncated = true;
          return false;
        }
        paths.push({
          nodes: [...nodes],
          edges: picked.map((h) => h.edge),
          forward: picked.map((h) => h.forward),
          modality: picked.map((h) => h.modality),
          directed: picked.map((h) => h.directed),
        });
        return true;
      }
      for (const hop of hopChoices[i]!) {
        // Costs are non-negative combinations of two weights; a remainder that is not one is in no suffix set.
        if (!suffix[i + 1]!.has(remaining - hop.cost)) continue;
        picked.push(hop);
        const more = pick(i + 1, remaining - hop.cost);
        picked.pop();
        if (!more) return false;
      }
      return true;
    };
    return pick(0, total);
  };

  /** Walks on from `node`, the walk so far able to cost any of `sofar`, towards paths of cost `total`; false to stop. */
  const walk = (node: string, sofar: readonly number[], total: number): boolean => {
    if (node === dag.to) return expandRelations(total);
    for (const { neighbour, hops, costs } of successors.get(node)!) {
      const ahead = reach.get(neighbour)!;
      const next: number[] = [];
      for (const before of sofar) for (const cost of costs) if (ahead.has(total - before - cost)) addUnique(next, before + cost);
      if (next.length === 0) continue;
      nodes.push(neighbour);
      hopChoices.push(hops);
      const more = walk(neighbour, next, total);
      nodes.pop();
      hopChoices.pop();
      if (!more) return false;
    }
    return true;
  };

  for (const total of [...reach.get(dag.from)!].sort((a, b) => a - b)) {
    if (!walk(dag.from, [0], total)) break;
  }
  return { paths, truncated };
}

/**
 * Every shortest path from `from` to `to` with at most `maxHops` hops, as distinct relation sequences, in path
 * order (`comparePaths`: fewest non-fact hops, then fewest hops against a relation's direction, then entity ids,
 * then relation ids). Lists at most `maxPaths`, the first ones in that order; `truncated` says whether there were
 * more.
 */
export function allShortestPaths(
  graph: KnowledgeGraph,
  from: string,
  to: string,
  options?: Partial<PathOptions>,
): { paths: Path[]; truncated: boolean } {
  const query = prepareQuery(graph, from, to, options);
  const dag = shortestPathDag(query.traversal, from, to, { maxHops: query.options.maxHops });
  if (dag === null) return { paths: [], truncated: false };
  const listing = enumerateDag(query.traversal, dag, query.options.maxPaths);
  return { paths: listing.paths.map((raw) => toPath(graph, raw)), truncated: listing.truncated };
}
