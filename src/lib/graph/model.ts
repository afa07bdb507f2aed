// Builds the graphology graph (the engine's working form) from a compiled graph, and reads it back.
import { MultiGraph } from 'graphology';
import type { Attributes } from 'graphology-types';
import { protoSafe } from './proto-safe.ts';
import type { CompiledGraph, EntityAttributes, RelationAttributes, RelationType } from './types.ts';

/** Graph-level attributes: everything of the compiled graph that is not an entity or a relation. */
export interface GraphAttributes extends Attributes {
  title: string;
  entityTypes: CompiledGraph['entityTypes'];
  relationTypes: CompiledGraph['relationTypes'];
  sources: CompiledGraph['sources'];
}

/**
 * The knowledge graph: a mixed multigraph. Relations of a directed type are directed edges from
 * `source` to `target`; relations of a symmetric type are undirected edges. Edge keys are relation ids.
 */
export type KnowledgeGraph = MultiGraph<EntityAttributes, RelationAttributes, GraphAttributes>;

/** Turns a compiled graph into a graphology graph. The compiled graph must already be valid. */
export function buildGraph(compiled: CompiledGraph): KnowledgeGraph {
  const graph: KnowledgeGraph = protoSafe(new MultiGraph({ type: 'mixed', allowSelfLoops: true }));
  graph.replaceAttributes({
    title: compiled.title,
    entityTypes: compiled.entityTypes,
    relationTypes: compiled.relationTypes,
    sources: compiled.sources,
  });
  const symmetric = new Set(compiled.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
  for (const entity of compiled.entities) graph.addNode(entity.id, entity);
  for (const relation of compiled.relations) {
    if (symmetric.has(relation.type)) {
      graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, relation);
    } else {
      graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, relation);
    }
  }
  return graph;
}

/** Reads a graphology knowledge graph back into the compiled form (entities and relations in graph order). */
export function toCompiled(graph: KnowledgeGraph, positions?: CompiledGraph['positions']): CompiledGraph {
  const attributes = graph.getAttributes();
  return {
    format: 'kg-compiled',
    version: 1,
    title: attributes.title,
    entityTypes: attributes.entityTypes,
    relationTypes: attributes.relationTypes,
    sources: attributes.sources,
    entities: graph.mapNodes((_, entity) => entity),
    relations: graph.mapEdges((_, relation) => relation),
    ...(positions ? { positions } : {}),
  };
}

/** Relation types by id, for quick lookup. */
export function relationTypeIndex(graph: KnowledgeGraph): Map<string, RelationType> {
  return new Map(graph.getAttribute('relationTypes').map((t) => [t.id, t]));
}
