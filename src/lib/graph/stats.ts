// Summary figures of a graph: counts by entity and relation type and modality, and connected components.
import { connectedComponents } from 'graphology-components';
import type { KnowledgeGraph } from './model.ts';

export interface GraphStats {
  title: string;
  entities: number;
  relations: number;
  entitiesByType: Record<string, number>;
  relationsByType: Record<string, number>;
  relationsByModality: Record<string, number>;
  sources: number;
  components: { count: number; sizes: number[] };
}

function countBy(values: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

/** Counts for `kg stats` and the app's header. Component sizes are sorted largest first. */
export function graphStats(graph: KnowledgeGraph): GraphStats {
  const components = connectedComponents(graph);
  return {
    title: graph.getAttribute('title'),
    entities: graph.order,
    relations: graph.size,
    entitiesByType: countBy(graph.mapNodes((_, e) => e.type)),
    relationsByType: countBy(graph.mapEdges((_, r) => r.type)),
    relationsByModality: countBy(graph.mapEdges((_, r) => r.modality)),
    sources: graph.getAttribute('sources').length,
    components: { count: components.length, sizes: components.map((c) => c.length).sort((a, b) => b - a) },
  };
}
