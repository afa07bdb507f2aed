// A compiled graph cut down to chosen entities and relations, with only the types, sources and positions they use.
import type { CompiledGraph } from './types.ts';

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/**
 * Keeps the given entities and the given relations whose both ends are kept. Entity and relation types and sources
 * are narrowed to those in use, so legends and source lists describe exactly what is exported.
 */
export function subgraph(graph: CompiledGraph, selection: Selection, title = graph.title): CompiledGraph {
  const entities = graph.entities.filter((e) => selection.nodes.has(e.id));
  const relations = graph.relations.filter(
    (r) => selection.edges.has(r.id) && selection.nodes.has(r.source) && selection.nodes.has(r.target),
  );
  const entityTypes = new Set(entities.map((e) => e.type));
  const relationTypes = new Set(relations.map((r) => r.type));
  const cited = new Set(relations.flatMap((r) => r.evidence.map((e) => e.source)));
  const positions = graph.positions
    ? Object.fromEntries(Object.entries(graph.positions).filter(([id]) => selection.nodes.has(id)))
    : undefined;
  return {
    format: 'kg-compiled',
    version: 1,
    title,
    entityTypes: graph.entityTypes.filter((t) => entityTypes.has(t.id)),
    relationTypes: graph.relationTypes.filter((t) => relationTypes.has(t.id)),
    sources: graph.sources.filter((s) => cited.has(s.id)),
    entities,
    relations,
    ...(positions ? { positions } : {}),
  };
}
