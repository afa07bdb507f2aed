// Bidirectional BFS that finds the hop distance between two entities and every entity on some shortest path.
import { forEachStep, type StepCallback, type Traversal } from './traversal.ts';

/** Extra restrictions of one search, on top of the traversal (Yen's spur searches block a root and some hops). */
export interface SearchLimits {
  maxHops: number;
  blockedNodes?: ReadonlySet<string>;
  blockedEdges?: ReadonlySet<string>;
}

/**
 * The shortest-path DAG between `from` and `to`: `length` hops, and for every entity that lies on at least one
 * shortest path, its position along it (0 for `from`, `length` for `to`). Every walk that steps from position p to
 * p + 1 is a shortest path, and every shortest path is such a walk.
 */
export interface ShortestDag {
  from: string;
  to: string;
  length: number;
  position: Map<string, number>;
  limits: SearchLimits;
}

/**
 * Finds the shortest-path DAG, or `null` when `to` is not reachable within `limits.maxHops`. Grows a BFS from each
 * end, always the smaller frontier by one whole layer, and stops at the first layer where they meet, so it only
 * explores around the two endpoints. The DAG is then traced back from the meeting layer to both ends.
 */
export function shortestPathDag(traversal: Traversal, from: string, to: string, limits: SearchLimits): ShortestDag | null {
  if (from === to) return { from, to, length: 0, position: new Map([[from, 0]]), limits };
  const { blockedNodes, blockedEdges } = limits;
  const fromDistance = new Map([[from, 0]]);
  const toDistance = new Map([[to, 0]]);
  let fromFrontier = [from];
  let toFrontier = [to];
  let fromDepth = 0;
  let toDepth = 0;
  const meeting: string[] = [];
  while (fromDepth + toDepth < limits.maxHops && fromFrontier.length > 0 && toFrontier.length > 0) {
    const outward = fromFrontier.length <= toFrontier.length;
    const mine = outward ? fromDistance : toDistance;
    const other = outward ? toDistance : fromDistance;
    const depth = (outward ? fromDepth : toDepth) + 1;
    const next: string[] = [];
    for (const node of outward ? fromFrontier : toFrontier) {
      forEachStep(traversal, node, !outward, (edge, neighbour) => {
        if (mine.has(neighbour) || blockedEdges?.has(edge) || blockedNodes?.has(neighbour)) return;
        mine.set(neighbour, depth);
        next.push(neighbour);
        if (other.has(neighbour)) meeting.push(neighbour);
      });
    }
    if (outward) [fromDepth, fromFrontier] = [depth, next];
    else [toDepth, toFrontier] = [depth, next];
    // Both sides are complete up to their depths, so the first meeting is at distance fromDepth + toDepth exactly.
    if (meeting.length > 0) break;
  }
  if (meeting.length === 0) return null;

  const length = fromDepth + toDepth;
  const position = new Map<string, number>();
  for (const node of meeting) position.set(node, fromDepth);
  // Back from the meeting layer towards `from`: predecessors one BFS layer closer to `from`.
  let layer = meeting;
  for (let p = fromDepth; p > 0; p--) {
    const previous: string[] = [];
    for (const node of layer) {
      forEachStep(traversal, node, true, (edge, neighbour) => {
        if (fromDistance.get(neighbour) !== p - 1 || position.has(neighbour) || blockedEdges?.has(edge)) return;
        position.set(neighbour, p - 1);
        previous.push(neighbour);
      });
    }
    layer = previous;
  }
  // On from the meeting layer towards `to`: successors one BFS layer closer to `to`.
  layer = meeting;
  for (let p = fromDepth; p < length; p++) {
    const following: string[] = [];
    for (const node of layer) {
      forEachStep(traversal, node, false, (edge, neighbour) => {
        if (toDistance.get(neighbour) !== length - p - 1 || position.has(neighbour) || blockedEdges?.has(edge)) return;
        position.set(neighbour, p + 1);
        following.push(neighbour);
      });
    }
    layer = following;
  }
  return { from, to, length, position, limits };
}

/** Calls `callback` for every hop of the DAG out of `node`: the usable hops that move one position closer to `to`. */
export function forEachDagStep(traversal: Traversal, dag: ShortestDag, node: string, callback: StepCallback): void {
  const next = dag.position.get(node);
  if (next === undefined) return;
  const { blockedEdges } = dag.limits;
  forEachStep(traversal, node, false, (edge, neighbour, forward, relation, directed) => {
    if (dag.position.get(neighbour) === next + 1 && !blockedEdges?.has(edge)) callback(edge, neighbour, forward, relation, directed);
  });
}
