// Betweenness: an entity matters when it lies on many shortest paths between others — a broker, a bridge.
import type { KnowledgeGraph } from '../model.ts';
import { simpleGraph, type LensScope, type SimpleGraph } from './simple-graph.ts';

export interface BetweennessOptions extends LensScope {
  /** `false` (default): paths may walk relations either way, as in PageRank. `true`: only along directed relations. */
  directed: boolean;
  /**
   * Divide by (n − 1)(n − 2), the number of ordered pairs of other entities, as networkx does with `normalized=True`.
   * On the path a–b–c, b scores 1 either way (undirected: 1 pair of 1 path, normalised 2 / (2·1)).
   */
  normalized: boolean;
}

export const DEFAULTS: BetweennessOptions = { directed: false, normalized: true };

/** Neighbour lists as flat arrays (CSR): the neighbours of entity `i` are `targets[starts[i] .. starts[i + 1])`. */
function adjacency(simple: SimpleGraph, index: Map<string, number>, side: 'out' | 'in'): { starts: Int32Array; targets: Int32Array } {
  const starts = new Int32Array(simple.order + 1);
  const targets: number[] = [];
  simple.forEachNode((id) => {
    const i = index.get(id)!;
    starts[i] = targets.length;
    const add = (neighbour: string): void => {
      targets.push(index.get(neighbour)!);
    };
    if (side === 'out') simple.forEachOutboundNeighbor(id, add);
    else simple.forEachInboundNeighbor(id, add);
  });
  starts[simple.order] = targets.length;
  return { starts, targets: Int32Array.from(targets) };
}

/**
 * Each entity's betweenness centrality (Brandes 2001, one breadth-first search per entity). Hops are unweighted:
 * parallel relations do not make a pair "closer" (a weight would act as a distance, the opposite of what several
 * relations mean).
 *
 * Written here rather than taken from graphology-metrics, whose routine counts shortest paths in a Uint32Array:
 * once a pair has more than 2³² shortest paths (already on a 20 × 20 grid) its results are silently wrong. Path
 * counts here are doubles, as in networkx; speed is about the same (no predecessor lists, so slightly faster).
 */
export function betweenness(graph: KnowledgeGraph, options: Partial<BetweennessOptions> = {}): Map<string, number> {
  const { directed, normalized, ...scope } = { ...DEFAULTS, ...options };
  const simple = simpleGraph(graph, { ...scope, directed });
  const nodes = simple.nodes();
  const n = nodes.length;
  const index = new Map(nodes.map((id, i) => [id, i]));
  const successors = adjacency(simple, index, 'out');
  const predecessors = directed ? adjacency(simple, index, 'in') : successors;

  const centrality = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  // Entities in the order the search reached them: a queue while searching, a stack (read backwards) after.
  const order = new Int32Array(n);

  for (let s = 0; s < n; s++) {
    distance[s] = 0;
    paths[s] = 1;
    order[0] = s;
    let reached = 1;
    for (let head = 0; head < reached; head++) {
      const v = order[head]!;
      const next = distance[v]! + 1;
      for (let j = successors.starts[v]!, end = successors.starts[v + 1]!; j < end; j++) {
        const w = successors.targets[j]!;
        if (distance[w] === -1) {
          distance[w] = next;
          order[reached++] = w;
        }
        if (distance[w] === next) paths[w]! += paths[v]!;
      }
    }
    // Dependencies flow back from the farthest entities; the source (order[0]) has no predecessors to credit.
    for (let i = reached - 1; i > 0; i--) {
      const w = order[i]!;
      const previous = distance[w]! - 1;
      const share = (1 + dependency[w]!) / paths[w]!;
      for (let j = predecessors.starts[w]!, end = predecessors.starts[w + 1]!; j < end; j++) {
        const v = predecessors.targets[j]!;
        if (distance[v] === previous) dependency[v]! += paths[v]! * share;
      }
      centrality[w]! += dependency[w]!;
    }
    for (let i = 0; i < reached; i++) {
      const v = order[i]!;
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
    }
  }

  // The same rescaling as networkx (and graphology-metrics): undirected searches count every pair from both ends.
  const scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : directed ? 1 : 0.5;
  return new Map(nodes.map((id, i) => [id, centrality[i]! * scale]));
}
