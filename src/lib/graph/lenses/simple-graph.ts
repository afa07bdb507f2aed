// Collapses the knowledge graph (a mixed multigraph) into the simple weighted graph the metric libraries expect.
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { KnowledgeGraph } from '../model.ts';
import type { Relation } from '../types.ts';
import { MAX_WEIGHT } from '../weights.ts';
import { protoSafe } from '../proto-safe.ts';

/** Which entities and relations a lens counts: a time slice, a view filter. Predicates left out allow everything. */
export interface LensScope {
  /** Whether the entity with this id takes part. Its relations are dropped with it. */
  nodeFilter?: (id: string) => boolean;
  /** Whether the relation with this id is counted. */
  edgeFilter?: (id: string) => boolean;
}

export interface SimpleEdge {
  /** Sum of the weights of the relations collapsed into this edge. */
  weight: number;
  /** How many relations were collapsed into this edge. */
  relations: number;
}

/** A simple graph (no parallel edges, no self-loops) whose edges carry the summed weight of the relations they stand for. */
export type SimpleGraph = DirectedGraph<Record<string, never>, SimpleEdge> | UndirectedGraph<Record<string, never>, SimpleEdge>;

export interface SimpleGraphOptions extends LensScope {
  /**
   * `false`: every relation joins its two entities both ways (one undirected edge per pair).
   * `true`: a directed relation is an edge source → target; a symmetric relation is an edge each way.
   */
  directed: boolean;
}

export const DEFAULTS: SimpleGraphOptions = { directed: false };

/**
 * How much one relation counts: its numeric `weight` attribute when an imported graph has a positive one (at most
 * MAX_WEIGHT, whatever the source), else 1,
 * so that a weight sums to "how many relations" for curated data.
 */
export function relationWeight(relation: Relation): number {
  const w = relation.attributes?.weight;
  return typeof w === 'number' && Number.isFinite(w) && w > 0 ? Math.min(w, MAX_WEIGHT) : 1;
}

/**
 * The simple graph of the knowledge graph: every (filtered) entity, and one edge per connected pair (per direction
 * when `directed`) whose weight sums the relations between them. Self-relations are dropped: an entity relating
 * to itself says nothing about who it is connected to, and the metric libraries mis-handle self-loops.
 */
export function simpleGraph(graph: KnowledgeGraph, options: Partial<SimpleGraphOptions> = {}): SimpleGraph {
  const { directed, nodeFilter, edgeFilter } = { ...DEFAULTS, ...options };
  const simple: SimpleGraph = protoSafe(directed ? new DirectedGraph() : new UndirectedGraph());
  graph.forEachNode((id) => {
    if (!nodeFilter || nodeFilter(id)) simple.addNode(id);
  });
  const add = (source: string, target: string, weight: number): void => {
    const key = simple.edge(source, target);
    if (key === undefined) simple.addEdge(source, target, { weight, relations: 1 });
    else simple.updateEdgeAttributes(key, (a) => ({ weight: a.weight + weight, relations: a.relations + 1 }));
  };
  graph.forEachEdge((id, relation, source, target, _s, _t, undirected) => {
    if (source === target || !simple.hasNode(source) || !simple.hasNode(target)) return;
    if (edgeFilter && !edgeFilter(id)) return;
    const weight = relationWeight(relation);
    add(source, target, weight);
    if (directed && undirected) add(target, source, weight);
  });
  return simple;
}

/**
 * The same simple graph with its nodes keyed `0`…`n-1`, and the entity ids by index: for the graphology libraries that
 * return results as plain objects keyed by node, where an entity called `__proto__` would be lost.
 */
export function indexKeyed(simple: SimpleGraph): { graph: SimpleGraph; ids: string[] } {
  const ids = simple.nodes();
  const key = new Map(ids.map((id, i) => [id, String(i)]));
  const graph = simple.nullCopy() as SimpleGraph;
  for (let i = 0; i < ids.length; i++) graph.addNode(String(i));
  simple.forEachEdge((_edge, attributes, source, target) => graph.addEdge(key.get(source)!, key.get(target)!, { ...attributes }));
  return { graph, ids };
}

/** A library's per-node result on an `indexKeyed` graph, back under the entity ids (`fallback` for a missing one). */
export function byEntity<T>(values: Readonly<Record<string, T>>, ids: readonly string[], fallback: T): Map<string, T> {
  return new Map(ids.map((id, i) => [id, Object.prototype.hasOwnProperty.call(values, String(i)) ? values[String(i)]! : fallback]));
}
