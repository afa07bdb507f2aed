// PageRank: an entity matters when entities that matter are related to it (graphology-metrics' power iteration).
import pagerankOf from 'graphology-metrics/centrality/pagerank.js';
import type { KnowledgeGraph } from '../model.ts';
import { byEntity, indexKeyed, simpleGraph, type LensScope, type SimpleGraph } from './simple-graph.ts';

export interface PagerankOptions extends LensScope {
  /**
   * `false` (default): relations are walked both ways — being "funded by" someone is as much a connection as funding
   * them. `true`: rank flows along directed relations only (symmetric relations both ways).
   */
  directed: boolean;
  /** Weight a link by how many relations it stands for (or their imported `weight`s); `false` counts each link once. */
  weighted: boolean;
  /** Damping factor: the chance of following a relation rather than jumping to a random entity. */
  alpha: number;
  /** Stop when the values move less than `tolerance` per entity (summed over all entities, as networkx does). */
  tolerance: number;
  maxIterations: number;
}

export const DEFAULTS: PagerankOptions = { directed: false, weighted: true, alpha: 0.85, tolerance: 1e-10, maxIterations: 1000 };

/** Each entity's PageRank; values sum to 1. Entities without relations spread their rank evenly, as in networkx. */
export function pagerank(graph: KnowledgeGraph, options: Partial<PagerankOptions> = {}): Map<string, number> {
  const { directed, nodeFilter, edgeFilter, ...rest } = { ...DEFAULTS, ...options };
  return pagerankOfSimple(simpleGraph(graph, { directed, nodeFilter, edgeFilter }), rest);
}

/** PageRank of an already collapsed graph (the communities lens reuses its own). */
export function pagerankOfSimple(
  simple: SimpleGraph,
  options: Partial<Pick<PagerankOptions, 'weighted' | 'alpha' | 'tolerance' | 'maxIterations'>> = {},
): Map<string, number> {
  const { weighted, alpha, tolerance, maxIterations } = { ...DEFAULTS, ...options };
  // graphology-metrics never converges on an empty graph (1 / 0 entities); the answer is simply empty.
  if (simple.order === 0) return new Map();
  const { graph, ids } = indexKeyed(simple);
  const values = pagerankOf(graph, { getEdgeWeight: weighted ? 'weight' : null, alpha, tolerance, maxIterations });
  return byEntity(values, ids, 0);
}
