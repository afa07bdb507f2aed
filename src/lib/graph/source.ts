// A graph *source*: what the CLI, the server and the app ask of a graph, answered by the graph in memory or by a
// database that never sends the whole graph. Path semantics live once, in the engine (`findPaths`); a source that
// cannot hold the graph hands the engine a subgraph that provably contains every path the query can return.
import {
  neighboursAnswer,
  pathAnswer,
  searchAnswer,
  statsAnswer,
  type NeighboursAnswer,
  type PathAnswer,
  type SearchAnswer,
  type StatsAnswer,
} from './answers.ts';
import type { KnowledgeGraph } from './model.ts';
import type { PathLanguage } from './paths/labels.ts';
import type { PathOptions } from './paths/path-options.ts';
import { resolveEntity } from './resolve-entity.ts';
import { buildSearchIndex, type SearchIndex } from './search.ts';
import type { CompiledGraph, Entity, Relation } from './types.ts';

/** The graph-level parts of a compiled graph: its title, vocabularies and sources. Small whatever the graph's size. */
export type GraphSchema = Pick<CompiledGraph, 'title' | 'entityTypes' | 'relationTypes' | 'sources'>;

/** Whole entity and relation records (with evidence) of a part of the graph, for the explorer to draw and cite. */
export interface GraphFragment {
  entities: Entity[];
  /** Relations whose both ends are in `entities`. */
  relations: Relation[];
  /** Whether `limit` cut the fragment short (the entities kept are the first by the source's stable order). */
  truncated: boolean;
}

export interface ExpandOptions {
  /** Follow only relations of these types (absent: all). */
  relationTypes?: readonly string[];
  /** Most entities returned, the seeds included. */
  limit: number;
}

export interface GraphSource {
  /** Resolves what a person typed (id, name, alias, pinyin) to one entity id; throws `ENTITY_UNKNOWN` / `ENTITY_AMBIGUOUS`. */
  resolve(reference: string): Promise<string>;
  search(query: string, limit: number): Promise<SearchAnswer>;
  /** `id` is an entity id (resolve first). */
  neighbours(id: string, depth: number): Promise<NeighboursAnswer>;
  /** `from`, `to` and `options.avoid` are entity ids. */
  path(from: string, to: string, options: Partial<PathOptions>, lang: PathLanguage): Promise<PathAnswer>;
  stats(): Promise<StatsAnswer>;
  schema(): Promise<GraphSchema>;
  /** The seeds and their one-hop neighbours (by `relationTypes`), with every relation among them. */
  expand(ids: readonly string[], options: ExpandOptions): Promise<GraphFragment>;
  /** Whole records of these entities and the relations among them (unknown ids are left out). */
  fragment(ids: readonly string[]): Promise<GraphFragment>;
  close(): Promise<void>;
}

/**
 * The first `limit` distinct entities of `ids` that the graph has, and the relations among them in the order the
 * graph lists each entity's relations. Shared by every source, so their fragments come out in the same order.
 */
export function graphFragment(graph: KnowledgeGraph, ids: Iterable<string>, limit = Infinity): GraphFragment {
  const kept = new Set<string>();
  let truncated = false;
  for (const id of ids) {
    if (!graph.hasNode(id) || kept.has(id)) continue;
    if (kept.size >= limit) {
      truncated = true;
      break;
    }
    kept.add(id);
  }
  const relations = new Map<string, Relation>();
  for (const id of kept)
    graph.forEachEdge(id, (key, r, s, t) => {
      if (kept.has(s) && kept.has(t)) relations.set(key, r);
    });
  return { entities: [...kept].map((id) => graph.getNodeAttributes(id)), relations: [...relations.values()], truncated };
}

/** The source over a graph held in memory: the CLI's, and the server's when it serves a file. */
export function memorySource(graph: KnowledgeGraph): GraphSource {
  let index: SearchIndex | undefined;
  const searchIndex = (): SearchIndex => (index ??= buildSearchIndex(graph.mapNodes((_, e) => e)));
  const fragmentOf = (ids: Iterable<string>, limit = Infinity): GraphFragment => graphFragment(graph, ids, limit);
  return {
    resolve: async (reference) => resolveEntity(graph, reference, searchIndex()),
    search: async (query, limit) => searchAnswer(graph, query, limit, searchIndex()),
    neighbours: async (id, depth) => neighboursAnswer(graph, id, depth),
    path: async (from, to, options, lang) => pathAnswer(graph, from, to, options, lang),
    stats: async () => statsAnswer(graph),
    schema: async () => {
      const { title, entityTypes, relationTypes, sources } = graph.getAttributes();
      return { title, entityTypes, relationTypes, sources };
    },
    expand: async (ids, { relationTypes, limit }) => {
      const types = relationTypes ? new Set(relationTypes) : undefined;
      const seeds = ids.filter((id) => graph.hasNode(id)).sort();
      const reached = [...seeds];
      for (const id of seeds) {
        const next = new Set<string>();
        graph.forEachEdge(id, (_, r, s, t) => {
          if (!types || types.has(r.type)) next.add(s === id ? t : s);
        });
        reached.push(...[...next].sort());
      }
      return fragmentOf(reached, limit);
    },
    fragment: async (ids) => fragmentOf(ids),
    close: async () => {},
  };
}
