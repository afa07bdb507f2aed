// Weighted degree: how many relations an entity takes part in, or the sum of their weights in imported graphs.
import { weightedDegree as sumWeights, weightedInDegree, weightedOutDegree } from 'graphology-metrics/node/weighted-degree.js';
import type { KnowledgeGraph } from '../model.ts';
import type { DegreeDirection } from './degree.ts';
import { simpleGraph, type LensScope } from './simple-graph.ts';

export interface WeightedDegreeOptions extends LensScope {
  /** As for `degree`: `in` counts relations pointing at the entity, `out` those it points from; symmetric ones count both. */
  direction: DegreeDirection;
}

export const DEFAULTS: WeightedDegreeOptions = { direction: 'any' };

/**
 * Each entity's summed relation weight (a relation weighs 1 unless an imported graph gives it a `weight`), so two
 * relations between the same entities count twice. Self-relations are not counted.
 */
export function weightedDegree(graph: KnowledgeGraph, options: Partial<WeightedDegreeOptions> = {}): Map<string, number> {
  const { direction, ...scope } = { ...DEFAULTS, ...options };
  const simple = simpleGraph(graph, { ...scope, directed: direction !== 'any' });
  const sum = direction === 'in' ? weightedInDegree : direction === 'out' ? weightedOutDegree : sumWeights;
  return new Map(simple.mapNodes((id) => [id, sum(simple, id, 'weight')]));
}
