// The answers to the four questions the CLI (`--json`) and the server's API share: search, neighbours, path, stats.
// One builder per answer, so `kg search Q --json` and `GET /api/search?q=Q` cannot drift apart.
import type { KnowledgeGraph } from './model.ts';
import { neighbourhood } from './neighbourhood.ts';
import { findPaths } from './paths/find-paths.ts';
import type { PathLanguage } from './paths/labels.ts';
import type { PathOptions } from './paths/path-options.ts';
import { pathSentence } from './paths/path-sentence.ts';
import type { NoPathReason } from './paths/explain-no-path.ts';
import { buildSearchIndex, search, type MatchField, type SearchIndex } from './search.ts';
import { graphStats, type GraphStats } from './stats.ts';
import type { Basis, Bilingual, Evidence, Modality } from './types.ts';

/** How an answer names an entity. */
export interface EntityRef {
  id: string;
  type: string;
  name: Bilingual;
}

export interface SearchAnswer {
  query: string;
  hits: Array<EntityRef & { score: number; matched: string; field: MatchField }>;
}

export interface NeighboursAnswer {
  entity: EntityRef;
  depth: number;
  /** Every entity within `depth` hops except the entity itself: nearest first, then by id. */
  neighbours: Array<EntityRef & { distance: number }>;
  relations: Array<{ id: string; source: string; target: string; type: string; modality: Modality }>;
}

export interface PathAnswerEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  modality: Modality;
  basis: Basis;
  negated?: true;
  evidence: Evidence[];
}

export interface PathAnswer {
  from: string;
  to: string;
  paths: Array<{ length: number; nodes: string[]; edges: PathAnswerEdge[]; sentence: string }>;
  common: string[];
  truncated: boolean;
  reason?: NoPathReason;
  /**
   * Set only by a source that cannot hold the graph (PostgreSQL) when the ends' component was too large to search
   * whole for the explanation: `reason` was found among the entities within this many hops of both ends.
   */
  reasonWithin?: number;
}

export type StatsAnswer = GraphStats;

export function entityRef(graph: KnowledgeGraph, id: string): EntityRef {
  const e = graph.getNodeAttributes(id);
  return { id, type: e.type, name: e.name };
}

export function searchAnswer(
  graph: KnowledgeGraph,
  query: string,
  limit: number,
  index: SearchIndex = buildSearchIndex(graph.mapNodes((_, e) => e)),
): SearchAnswer {
  const hits = search(index, query, { limit });
  return { query, hits: hits.map((h) => ({ ...entityRef(graph, h.id), score: h.score, matched: h.matched, field: h.field })) };
}

/** `id` must be an entity of `graph` (resolve names first). */
export function neighboursAnswer(graph: KnowledgeGraph, id: string, depth: number): NeighboursAnswer {
  const { distances, relations } = neighbourhood(graph, id, depth);
  const neighbours = [...distances]
    .filter(([n]) => n !== id)
    .sort(([a, da], [b, db]) => da - db || a.localeCompare(b))
    .map(([n, d]) => ({ ...entityRef(graph, n), distance: d }));
  const rels = relations.map((r) => {
    const a = graph.getEdgeAttributes(r);
    return { id: r, source: a.source, target: a.target, type: a.type, modality: a.modality };
  });
  return { entity: entityRef(graph, id), depth, neighbours, relations: rels };
}

/** `from` and `to` (and `options.avoid`) must be entity ids of `graph`. Throws the engine's `KgError`s on bad options. */
export function pathAnswer(graph: KnowledgeGraph, from: string, to: string, options: Partial<PathOptions>, lang: PathLanguage): PathAnswer {
  const result = findPaths(graph, from, to, options);
  return {
    from,
    to,
    paths: result.paths.map((p) => ({
      length: p.length,
      nodes: p.nodes,
      edges: p.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        type: e.type,
        modality: e.modality,
        basis: e.basis ?? 'stated',
        ...(e.negated ? { negated: true as const } : {}),
        evidence: e.evidence,
      })),
      sentence: pathSentence(graph, p, lang),
    })),
    common: result.common,
    truncated: result.truncated,
    ...(result.reason ? { reason: result.reason } : {}),
  };
}

export function statsAnswer(graph: KnowledgeGraph): StatsAnswer {
  return graphStats(graph);
}
