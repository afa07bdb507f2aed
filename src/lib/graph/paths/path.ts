// The path a query returns, the order paths are ranked in, and the conversion from a search's hop list.
import type { KnowledgeGraph } from '../model.ts';
import type { Basis, Evidence, Modality } from '../types.ts';
import { compareIds } from './traversal.ts';

/** One hop of a path, carrying the relation it walks. */
export interface PathEdge {
  /** Relation id. */
  id: string;
  /** The relation's own source and target, whichever way the hop walks it. */
  source: string;
  target: string;
  type: string;
  modality: Modality;
  /** `inferred` when the relation was inferred rather than stated; absent means stated, as on the relation. */
  basis?: Basis;
  /** The source denies the relation (only walked when a query includes negated relations). */
  negated?: true;
  /** Whether the hop walks source → target. For undirected relations: from the stored source to the stored target. */
  forward: boolean;
  /** Whether the relation is directed (false for symmetric and other undirected relations). */
  directed: boolean;
  evidence: Evidence[];
}

/** A path between two entities: `nodes` has `length + 1` entity ids, `edges` has `length` hops. */
export interface Path {
  length: number;
  nodes: string[];
  edges: PathEdge[];
}

/** A path as searches build it: entity ids, and for each hop its relation id and what ranking the hop needs. */
export interface RawPath {
  nodes: string[];
  edges: string[];
  forward: boolean[];
  /** Each hop's relation modality. */
  modality: Modality[];
  /** Whether each hop's relation is directed. */
  directed: boolean[];
}

/**
 * What one hop weighs in the ranking, as one number: a hop through an opinion or a prediction weighs
 * `NON_FACT_COST`, a hop that walks a directed relation against its direction weighs 1, and the two add. Summed
 * along a path, the number orders paths by their count of non-fact hops, then of reversed hops: lexicographic in
 * (non-fact, reversed) as long as a path has fewer than 2^26 hops, far beyond any graph that fits in memory.
 * Additive, so a search can minimise it hop by hop.
 */
export const NON_FACT_COST = 2 ** 26;

/** The ranking weight of one hop (see `NON_FACT_COST`). Undirected relations are never walked against. */
export function hopCost(modality: Modality, directed: boolean, forward: boolean): number {
  return (modality === 'fact' ? 0 : NON_FACT_COST) + (directed && !forward ? 1 : 0);
}

/** The ranking weight of a whole path: the sum of its hops' weights. */
export function pathCost(path: RawPath | Path): number {
  let cost = 0;
  if ('modality' in path) {
    for (let i = 0; i < path.edges.length; i++) cost += hopCost(path.modality[i]!, path.directed[i]!, path.forward[i]!);
  } else {
    for (const edge of path.edges) cost += hopCost(edge.modality, edge.directed, edge.forward);
  }
  return cost;
}

function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareIds(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * The ranking of paths, best first: (1) fewer hops; (2) fewer hops through a relation that is not a fact (an
 * opinion or a prediction), so that facts come first; (3) fewer hops that walk a directed relation against its
 * direction; (4) the entity-id sequence in code-unit order; (5) the relation-id sequence. Two different paths
 * never compare equal, because their relation sequences differ. (2) and (3) are `pathCost`.
 */
export function comparePaths(a: RawPath | Path, b: RawPath | Path): number {
  return (
    a.edges.length - b.edges.length ||
    pathCost(a) - pathCost(b) ||
    compareSequences(a.nodes, b.nodes) ||
    compareSequences(edgeIds(a), edgeIds(b))
  );
}

function edgeIds(path: RawPath | Path): readonly string[] {
  return 'modality' in path ? path.edges : path.edges.map((edge) => edge.id);
}

/** Reads the relations of a search's path from the graph into the returned form. */
export function toPath(graph: KnowledgeGraph, raw: RawPath): Path {
  return {
    length: raw.edges.length,
    nodes: [...raw.nodes],
    edges: raw.edges.map((id, i) => {
      const relation = graph.getEdgeAttributes(id);
      return {
        id,
        source: graph.source(id),
        target: graph.target(id),
        type: relation.type,
        modality: relation.modality,
        ...(relation.basis === 'inferred' ? { basis: relation.basis } : {}),
        ...(relation.negated ? { negated: true as const } : {}),
        forward: raw.forward[i]!,
        directed: graph.isDirected(id),
        evidence: relation.evidence ?? [],
      };
    }),
  };
}

/** The zero-length path from an entity to itself. */
export function emptyPath(node: string): RawPath {
  return { nodes: [node], edges: [], forward: [], modality: [], directed: [] };
}
