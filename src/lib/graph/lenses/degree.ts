// Degree: how many other entities an entity is related to (parallel relations count once).
import { degreeCentrality, inDegreeCentrality, outDegreeCentrality } from 'graphology-metrics/centrality/degree.js';
import type { KnowledgeGraph } from '../model.ts';
import { byEntity, indexKeyed, simpleGraph, type LensScope } from './simple-graph.ts';

export const DEGREE_DIRECTIONS = ['any', 'in', 'out'] as const;
/**
 * `any`: related entities whichever way the relation points. `in`: entities with a relation *to* this one
 * (e.g. its funders), `out`: entities this one has a relation to. Symmetric relations count both ways.
 */
export type DegreeDirection = (typeof DEGREE_DIRECTIONS)[number];

export interface DegreeOptions extends LensScope {
  direction: DegreeDirection;
  /** Divide by the most an entity could have (entities − 1), as networkx's `degree_centrality` does. */
  normalized: boolean;
}

export const DEFAULTS: DegreeOptions = { direction: 'any', normalized: false };

/** Each entity's number of distinct related entities (in the given direction), optionally normalised to 0..1. */
export function degree(graph: KnowledgeGraph, options: Partial<DegreeOptions> = {}): Map<string, number> {
  const { direction, normalized, ...scope } = { ...DEFAULTS, ...options };
  const simple = simpleGraph(graph, { ...scope, directed: direction !== 'any' });
  if (normalized) {
    const centrality = direction === 'in' ? inDegreeCentrality : direction === 'out' ? outDegreeCentrality : degreeCentrality;
    // graphology-metrics divides by order − 1 even for a single entity; networkx gives it 1, and so do we.
    if (simple.order <= 1) return new Map(simple.mapNodes((id) => [id, 1]));
    const { graph, ids } = indexKeyed(simple);
    return byEntity(centrality(graph), ids, 0);
  }
  const count = direction === 'in' ? simple.inDegree : direction === 'out' ? simple.outDegree : simple.degree;
  return new Map(simple.mapNodes((id) => [id, count.call(simple, id)]));
}
