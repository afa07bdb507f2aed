// Path queries on PostgreSQL without loading the graph: expand frontiers from both ends in batched SQL until the
// hop distances prove which entities any answer can use, fetch that subgraph, and run the engine's own
// `pathAnswer()` on it. The argument that the answer is the in-memory engine's is in docs/database.md ("Paths").
import { pathAnswer, type PathAnswer } from '../../lib/graph/answers.ts';
import { KgError } from '../../lib/graph/errors.ts';
import type { GraphAttributes, KnowledgeGraph } from '../../lib/graph/model.ts';
import type { PathLanguage } from '../../lib/graph/paths/labels.ts';
import { resolvePathOptions, type PathOptions, type ResolvedPathOptions } from '../../lib/graph/paths/path-options.ts';
import { MODALITIES, type Entity } from '../../lib/graph/types.ts';
import { Ball, distancesOver, EdgeSet, type RelationFilter, type SeenEdge } from './frontier.ts';
import { fetchEvidence, fetchRelationsAmong, subgraphOf, type Db } from './records.ts';

/** What a path query needs to know of the whole graph: its attributes and the types used anywhere in it. */
export interface GraphVocabulary {
  attributes: GraphAttributes;
  usedEntityTypes: readonly string[];
  usedRelationTypes: readonly string[];
  /** Entities per component, by component number. */
  componentSizes: readonly number[];
}

/** How much a missing path's explanation may read (see `explainFromDb`). */
export interface ExplainBounds {
  /** A component at most this large is fetched whole, which makes the explanation exact. */
  wholeComponent: number;
  /** Otherwise the balls around the two ends grow until they have read this many relations (and reach `maxHops`). */
  maxRelations: number;
}

export const EXPLAIN_BOUNDS: ExplainBounds = { wholeComponent: 20_000, maxRelations: 200_000 };

/** Ids that cannot be entity ids (PostgreSQL text never holds U+0000), for the vocabulary stand-ins below. */
const STAND_IN = '\u0000kg-type:';

/**
 * Adds, for every used but undeclared type, an isolated stand-in entity or relation of that type, so the engine's
 * option checks know every type of the whole graph. Stand-ins touch no real entity, so they change no path, no
 * common neighbour and no explanation.
 */
function addVocabulary(graph: KnowledgeGraph, vocabulary: GraphVocabulary): void {
  const declaredEntities = new Set(vocabulary.attributes.entityTypes.map((t) => t.id));
  const declaredRelations = new Set(vocabulary.attributes.relationTypes.map((t) => t.id));
  const standIn = (type: string): string => {
    const id = `${STAND_IN}${type}`;
    if (!graph.hasNode(id)) graph.addNode(id, { id, type, name: { en: type, zh: '' }, aliases: [], description: { en: '', zh: '' } });
    return id;
  };
  for (const type of vocabulary.usedEntityTypes) if (!declaredEntities.has(type)) standIn(type);
  for (const type of vocabulary.usedRelationTypes) {
    if (declaredRelations.has(type)) continue;
    const id = `${STAND_IN}${type}`;
    const end = standIn(vocabulary.usedEntityTypes[0] ?? 'entity');
    graph.addDirectedEdgeWithKey(id, end, end, { id, source: end, target: end, type, modality: 'fact', evidence: [] });
  }
}

/** The options checked as the engine checks them, against every type of the whole graph; avoided ids checked in SQL. */
async function checkOptions(db: Db, vocabulary: GraphVocabulary, options: Partial<PathOptions>): Promise<ResolvedPathOptions> {
  const probe = subgraphOf(vocabulary.attributes, [], []);
  addVocabulary(probe, vocabulary);
  const { avoid, ...rest } = options;
  const resolved = resolvePathOptions(probe, rest);
  if (avoid?.length) {
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM entities WHERE graph = $1 AND id = ANY($2::text[])', [
      db.graph,
      avoid,
    ]);
    const known = new Set(rows.map((r) => r.id));
    const problems = avoid.flatMap((id, i) =>
      known.has(id)
        ? []
        : [{ code: 'PATH_UNKNOWN_ENTITY', severity: 'error' as const, message: `paths: unknown entity "${id}"`, field: `avoid[${i}]` }],
    );
    if (problems.length) throw new KgError(problems);
  }
  return { ...resolved, ...(avoid ? { avoid } : {}) };
}

/** Relation filters of the query that can run in SQL: a superset of the relations the engine may walk. */
function sqlFilter(options: ResolvedPathOptions): RelationFilter {
  return {
    ...(options.modalities.length < MODALITIES.length ? { modalities: options.modalities } : {}),
    excludeNegated: !options.includeNegated,
    ...(options.relations ? { types: options.relations } : {}),
    ...(options.excludeRelations?.length ? { excludeTypes: options.excludeRelations } : {}),
  };
}

/** Entities with name and type only: all a path answer reads of the entities it does not end at. */
async function fetchPathEntities(db: Db, ids: readonly string[]): Promise<Entity[]> {
  const { rows } = await db.pool.query<{ id: string; type: string; name_en: string; name_zh: string }>(
    'SELECT id, type, name_en, name_zh FROM entities WHERE graph = $1 AND id = ANY($2::text[]) ORDER BY ord',
    [db.graph, ids],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    name: { en: r.name_en, zh: r.name_zh },
    aliases: [],
    description: { en: '', zh: '' },
  }));
}

/** The graph the engine runs on: these entities (plus the avoided ones), every relation among them, the stand-ins. */
async function engineGraph(
  db: Db,
  vocabulary: GraphVocabulary,
  ids: Iterable<string>,
  options: ResolvedPathOptions,
): Promise<KnowledgeGraph> {
  const wanted = [...new Set([...ids, ...(options.avoid ?? [])])];
  const entities = await fetchPathEntities(db, wanted);
  const relations = await fetchRelationsAmong(db, wanted, false);
  const graph = subgraphOf(vocabulary.attributes, entities, relations);
  addVocabulary(graph, vocabulary);
  return graph;
}

/** Entities with d(from, v) + d(v, to) ≤ bound over the relations read (either direction). */
function between(edges: Iterable<SeenEdge>, from: string, to: string, bound: number): string[] {
  const list = [...edges];
  const ds = distancesOver(list, from);
  const dt = distancesOver(list, to);
  const kept = [from, to];
  for (const [node, d] of ds) {
    const other = dt.get(node);
    if (other !== undefined && d + other <= bound && node !== from && node !== to) kept.push(node);
  }
  return kept;
}

/** Whether the engine's answer on a subgraph holding every path of at most `bound` hops is the whole graph's. */
function settled(answer: PathAnswer, options: ResolvedPathOptions, bound: number): boolean {
  if (bound >= options.maxHops) return true;
  const { paths } = answer;
  if (options.mode === 'k') return paths.length === options.k && paths[paths.length - 1]!.length <= bound;
  return paths.length > 0 && paths[0]!.length <= bound;
}

/** Fills in the evidence of the relations on the answer's paths (the search subgraph is read without it). */
async function withEvidence(db: Db, answer: PathAnswer): Promise<PathAnswer> {
  const ids = [...new Set(answer.paths.flatMap((p) => p.edges.map((e) => e.id)))];
  const evidence = await fetchEvidence(db, ids);
  for (const path of answer.paths) for (const edge of path.edges) edge.evidence = evidence.get(edge.id) ?? [];
  return answer;
}

/**
 * The engine's answer to a path query, from PostgreSQL. Grows a ball around each end by one level at a time (the
 * side with the smaller frontier first); once the balls meet at radii rs + rt = L, every path of at most L hops uses
 * only relations read so far, so the engine runs on the entities with d(from) + d(to) ≤ L. L grows until the answer
 * is settled (see `settled`) or reaches `maxHops`.
 */
export async function pathFromDb(
  db: Db,
  vocabulary: GraphVocabulary,
  from: string,
  to: string,
  partial: Partial<PathOptions>,
  lang: PathLanguage,
  bounds: ExplainBounds = EXPLAIN_BOUNDS,
): Promise<PathAnswer> {
  const options = await checkOptions(db, vocabulary, partial);
  const { rows } = await db.pool.query<{ id: string; component: number }>(
    'SELECT id, component FROM entities WHERE graph = $1 AND id = ANY($2::text[])',
    [db.graph, [from, to]],
  );
  const component = new Map(rows.map((r) => [r.id, r.component]));
  for (const [id, field] of [
    [from, 'from'],
    [to, 'to'],
  ] as const)
    if (!component.has(id))
      throw new KgError({ code: 'PATH_UNKNOWN_ENTITY', severity: 'error', message: `paths: unknown entity "${id}"`, field });
  if (component.get(from) !== component.get(to)) {
    // Different components: no relaxation connects them, and the engine on the two ends alone says so.
    return pathAnswer(await engineGraph(db, vocabulary, [from, to], options), from, to, options, lang);
  }

  const filter = sqlFilter(options);
  const seen = new EdgeSet();
  const sides = [new Ball(from), new Ball(to)] as const;
  for (;;) {
    const [s, t] = sides;
    const bound = s.radius + t.radius;
    // A side whose frontier ran dry has read every relation of its (filtered) component: every path is in hand.
    const exhausted = (s.radius > 0 && s.frontier.length === 0) || (t.radius > 0 && t.frontier.length === 0);
    // Both ends expanded at least once, so the relations to common neighbours are in hand too.
    const ready = s.radius >= 1 && t.radius >= 1;
    if (ready || exhausted) {
      const met = from === to || [...s.distance.keys()].some((n) => t.distance.has(n));
      if (!met && (exhausted || bound >= options.maxHops)) break;
      if (met && ready) {
        const kept = between(seen.edges.values(), from, to, exhausted ? Infinity : bound);
        const answer = pathAnswer(await engineGraph(db, vocabulary, kept, options), from, to, options, lang);
        if (answer.paths.length > 0 && (exhausted || settled(answer, options, bound))) return withEvidence(db, answer);
        if (exhausted || bound >= options.maxHops) break;
      }
    }
    const side = s.radius === 0 ? s : t.radius === 0 ? t : s.frontier.length <= t.frontier.length ? s : t;
    await side.grow(db, filter, seen.add);
  }
  return explainFromDb(db, vocabulary, from, to, options, lang, component.get(from)!, bounds);
}

/**
 * No path under the query: the engine explains why on the whole component when it is small enough (exact), else
 * on the entities within R hops of both ends, R as large as `bounds.maxRelations` allows and at least `maxHops`
 * (then `reasonWithin` says R: a relaxation that needs more than R hops is not seen).
 */
async function explainFromDb(
  db: Db,
  vocabulary: GraphVocabulary,
  from: string,
  to: string,
  options: ResolvedPathOptions,
  lang: PathLanguage,
  component: number,
  bounds: ExplainBounds,
): Promise<PathAnswer> {
  if ((vocabulary.componentSizes[component] ?? 0) <= bounds.wholeComponent) {
    const { rows } = await db.pool.query<{ id: string }>('SELECT id FROM entities WHERE graph = $1 AND component = $2', [
      db.graph,
      component,
    ]);
    return pathAnswer(
      await engineGraph(
        db,
        vocabulary,
        rows.map((r) => r.id),
        options,
      ),
      from,
      to,
      options,
      lang,
    );
  }
  const seen = new EdgeSet();
  const sides = [new Ball(from), new Ball(to)] as const;
  for (;;) {
    const [a, b] = sides;
    // Both ends expanded at least once (common neighbours), then the side with the smaller frontier.
    const side = a.radius === 0 ? a : b.radius === 0 ? b : a.frontier.length <= b.frontier.length ? a : b;
    const ready = a.radius >= 1 && b.radius >= 1;
    if (ready && (side.frontier.length === 0 || (a.radius + b.radius >= options.maxHops && seen.edges.size >= bounds.maxRelations))) break;
    await side.grow(db, {}, seen.add);
  }
  const radius = sides[0].radius + sides[1].radius;
  const whole = sides.some((side) => side.radius > 0 && side.frontier.length === 0);
  const kept = between(seen.edges.values(), from, to, whole ? Infinity : radius);
  const answer = pathAnswer(await engineGraph(db, vocabulary, kept, options), from, to, options, lang);
  return whole ? answer : { ...answer, reasonWithin: radius };
}
