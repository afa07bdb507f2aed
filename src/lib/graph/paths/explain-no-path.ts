// Why there is no path: relaxes the query's constraints one at a time to find the one that cuts the endpoints apart.
import type { KnowledgeGraph } from '../model.ts';
import { MODALITIES, type Modality } from '../types.ts';
import { entityName, entityTypeLabel, englishList, relationLabel } from './labels.ts';
import type { RawPath } from './path.ts';
import type { PathOptions, ResolvedPathOptions } from './path-options.ts';
import { firstShortestPath, prepareQuery } from './shortest-path.ts';
import { compareIds, createTraversal } from './traversal.ts';

/** The constraints of a path query, in the order they are relaxed when explaining a missing path. */
export const PATH_CONSTRAINTS = [
  'max-hops',
  'modality',
  'negated',
  'direction',
  'relation-types',
  'excluded-relations',
  'excluded-entity-types',
  'avoided-entities',
  'view-filter',
] as const;
export type PathConstraint = (typeof PATH_CONSTRAINTS)[number];

/** What is missing, as data. Lists name exactly what to allow (types, entity ids, relation ids), sorted. */
export type NoPathCause =
  /** Connected, in `needed` hops, but the limit is lower. */
  | { kind: 'max-hops'; needed: number; limit: number }
  /** Connected if these modalities were allowed too. */
  | { kind: 'modality'; needs: Modality[] }
  /** Connected only through relations the source denies (listed). */
  | { kind: 'negated'; relations: string[] }
  /** Connected if directed relations could be followed either way. */
  | { kind: 'direction'; current: 'forward' | 'backward' }
  /** Connected if these relation types were included too. */
  | { kind: 'relation-types'; needs: string[] }
  /** Connected if these relation types were no longer excluded. */
  | { kind: 'excluded-relations'; types: string[] }
  /** Connected if entities of these types could be passed through. */
  | { kind: 'excluded-entity-types'; types: string[] }
  /** Connected if these entities were no longer avoided. */
  | { kind: 'avoided-entities'; entities: string[] }
  /** Connected only through these entities and relations that the view hides. */
  | { kind: 'view-filter'; entities: string[]; relations: string[] }
  /** No single constraint is to blame; relaxing these together connects them, and each of them is needed. */
  | { kind: 'combined'; constraints: PathConstraint[] }
  /** No path whatever the constraints. */
  | { kind: 'not-connected' };

/** A cause plus the English sentence that tells the user. */
export type NoPathReason = NoPathCause & { sentence: string };

const PLURAL: Record<Modality, string> = { fact: 'facts', opinion: 'opinions', prediction: 'predictions', question: 'questions' };

const CONSTRAINT_PHRASE: Record<PathConstraint, string> = {
  'max-hops': 'the hop limit',
  modality: 'the modalities',
  negated: 'leaving out what the source denies',
  direction: 'the direction',
  'relation-types': 'the included relation types',
  'excluded-relations': 'the excluded relation types',
  'excluded-entity-types': 'the excluded entity types',
  'avoided-entities': 'the avoided entities',
  'view-filter': 'the view filter',
};

/** The English sentence for a cause ("High-Flyer and JD Cloud are connected in 5 hops; your limit is 3."). */
export function describeNoPath(graph: KnowledgeGraph, from: string, to: string, cause: NoPathCause): string {
  const quoted = (labels: string[]): string => englishList(labels.map((l) => `"${l}"`));
  const both = `${entityName(graph, from)} and ${entityName(graph, to)}`;
  switch (cause.kind) {
    case 'max-hops':
      return `${both} are connected in ${cause.needed} hops; your limit is ${cause.limit}.`;
    case 'modality':
      return `${both} are connected if you allow ${englishList(cause.needs.map((m) => PLURAL[m]))}.`;
    case 'negated':
      return `${both} are connected only through ${cause.relations.length === 1 ? 'a relation' : `${cause.relations.length} relations`} the source denies.`;
    case 'direction':
      return `${both} are connected if you follow relations in either direction.`;
    case 'relation-types':
      return `${both} are connected if you include ${quoted(cause.needs.map((t) => relationLabel(graph, t)))} relations.`;
    case 'excluded-relations':
      return `${both} are connected if you stop excluding ${quoted(cause.types.map((t) => relationLabel(graph, t)))} relations.`;
    case 'excluded-entity-types':
      return `${both} are connected if you allow ${quoted(cause.types.map((t) => entityTypeLabel(graph, t)))} entities on the way.`;
    case 'avoided-entities':
      return `${both} are connected if you stop avoiding ${englishList(cause.entities.map((id) => entityName(graph, id)))}.`;
    case 'view-filter': {
      const hidden = cause.entities.map((id) => entityName(graph, id));
      if (cause.relations.length > 0) hidden.push(`${cause.relations.length} relation${cause.relations.length > 1 ? 's' : ''}`);
      return `${both} are connected only through ${englishList(hidden)} hidden by the current view.`;
    }
    case 'combined':
      return `${both} are connected only if you relax several constraints at once: ${englishList(cause.constraints.map((c) => CONSTRAINT_PHRASE[c]))}.`;
    case 'not-connected':
      return `${both} are not connected at all.`;
  }
}

const sorted = (items: Iterable<string>): string[] => [...new Set(items)].sort(compareIds);

/**
 * Why no path runs from `from` to `to` under `options`, or `null` when one does. Relaxes one constraint at a
 * time, in `PATH_CONSTRAINTS` order, keeping the others, and reports the first that connects the endpoints,
 * naming the smallest change found (one modality, relation type, entity type or entity when one is enough).
 */
export function explainNoPathWith(graph: KnowledgeGraph, from: string, to: string, options: ResolvedPathOptions): NoPathCause | null {
  const connect = (o: ResolvedPathOptions, maxHops = o.maxHops): RawPath | null =>
    firstShortestPath(createTraversal(graph, o, [from, to]), from, to, { maxHops });
  if (connect(options)) return null;
  const unlimited = Math.max(graph.order, 1);
  const connectRelaxing = (relaxing: readonly PathConstraint[]): RawPath | null =>
    connect(relax(options, relaxing), relaxing.includes('max-hops') ? unlimited : options.maxHops);

  const unbounded = connectRelaxing(['max-hops']);
  if (unbounded) return { kind: 'max-hops', needed: unbounded.edges.length, limit: options.maxHops };

  const missing = MODALITIES.filter((m) => !options.modalities.includes(m));
  for (const needs of subsetsBySize(missing)) {
    if (connect({ ...options, modalities: [...options.modalities, ...needs] })) return { kind: 'modality', needs };
  }

  const throughDenied = !options.includeNegated && connectRelaxing(['negated']);
  if (throughDenied) return { kind: 'negated', relations: sorted(throughDenied.edges.filter((e) => graph.getEdgeAttribute(e, 'negated'))) };

  if (options.direction !== 'any' && connectRelaxing(['direction'])) {
    return { kind: 'direction', current: options.direction };
  }

  const included = options.relations;
  const anyType = included && connectRelaxing(['relation-types']);
  if (included && anyType) {
    const used = sorted(anyType.edges.map((e) => graph.getEdgeAttribute(e, 'type'))).filter((t) => !included.includes(t));
    const one = used.find((t) => connect({ ...options, relations: [...included, t] }));
    return { kind: 'relation-types', needs: one ? [one] : used };
  }

  const excludedRelations = smallestRelease(
    options.excludeRelations,
    (rest) => connect({ ...options, excludeRelations: rest }),
    (path) => path.edges.map((e) => graph.getEdgeAttribute(e, 'type')),
  );
  if (excludedRelations) return { kind: 'excluded-relations', types: excludedRelations };

  const intermediates = (path: RawPath): string[] => path.nodes.slice(1, -1);
  const excludedTypes = smallestRelease(
    options.excludeTypes,
    (rest) => connect({ ...options, excludeTypes: rest }),
    (path) => intermediates(path).map((n) => graph.getNodeAttribute(n, 'type')),
  );
  if (excludedTypes) return { kind: 'excluded-entity-types', types: excludedTypes };

  const avoided = smallestRelease(options.avoid, (rest) => connect({ ...options, avoid: rest }), intermediates);
  if (avoided) return { kind: 'avoided-entities', entities: avoided };

  const view = options.view;
  const unfiltered = view && connectRelaxing(['view-filter']);
  if (view && unfiltered) {
    return {
      kind: 'view-filter',
      entities: sorted(intermediates(unfiltered).filter((n) => view.nodeVisible?.(n) === false)),
      relations: sorted(unfiltered.edges.filter((e) => view.edgeVisible?.(e) === false)),
    };
  }

  // No single constraint is to blame: relax them all, then keep each one whose relaxation turns out unnecessary.
  let culprits = activeConstraints(options);
  if (!connectRelaxing(culprits)) return { kind: 'not-connected' };
  for (const constraint of [...culprits]) {
    const without = culprits.filter((c) => c !== constraint);
    if (connectRelaxing(without)) culprits = without;
  }
  return { kind: 'combined', constraints: culprits };
}

/** The options with the given constraints lifted (the hop limit is lifted by the caller). */
function relax(options: ResolvedPathOptions, constraints: readonly PathConstraint[]): ResolvedPathOptions {
  const lifted = new Set(constraints);
  return {
    ...options,
    modalities: lifted.has('modality') ? MODALITIES : options.modalities,
    includeNegated: lifted.has('negated') || options.includeNegated,
    direction: lifted.has('direction') ? 'any' : options.direction,
    relations: lifted.has('relation-types') ? undefined : options.relations,
    excludeRelations: lifted.has('excluded-relations') ? [] : options.excludeRelations,
    excludeTypes: lifted.has('excluded-entity-types') ? [] : options.excludeTypes,
    avoid: lifted.has('avoided-entities') ? [] : options.avoid,
    view: lifted.has('view-filter') ? undefined : options.view,
  };
}

/**
 * For a list constraint (excluded types, avoided entities): `null` if dropping it entirely does not connect;
 * otherwise the single member whose release connects, or failing that, the members the relaxed path needs.
 */
function smallestRelease(
  list: readonly string[] | undefined,
  connectWith: (rest: readonly string[]) => RawPath | null,
  usedBy: (path: RawPath) => string[],
): string[] | null {
  if (!list || list.length === 0) return null;
  const path = connectWith([]);
  if (!path) return null;
  const members = sorted(list);
  const one = members.find((m) => connectWith(list.filter((x) => x !== m)));
  return one !== undefined ? [one] : members.filter((m) => usedBy(path).includes(m));
}

/** Non-empty subsets, smallest first, each in the given order. */
function subsetsBySize<T>(items: readonly T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) subsets.push(items.filter((_, i) => mask & (1 << i)));
  return subsets.sort((a, b) => a.length - b.length);
}

function activeConstraints(options: ResolvedPathOptions): PathConstraint[] {
  const active: Record<PathConstraint, boolean> = {
    'max-hops': true,
    modality: options.modalities.length < MODALITIES.length,
    negated: !options.includeNegated,
    direction: options.direction !== 'any',
    'relation-types': options.relations !== undefined,
    'excluded-relations': (options.excludeRelations?.length ?? 0) > 0,
    'excluded-entity-types': (options.excludeTypes?.length ?? 0) > 0,
    'avoided-entities': (options.avoid?.length ?? 0) > 0,
    'view-filter': options.view?.nodeVisible !== undefined || options.view?.edgeVisible !== undefined,
  };
  return PATH_CONSTRAINTS.filter((c) => active[c]);
}

/**
 * Explains a missing path from `from` to `to`: the first single constraint whose relaxation connects them, several
 * constraints together, or not connected at all; with an English sentence. `null` when a path exists.
 */
export function explainNoPath(graph: KnowledgeGraph, from: string, to: string, options?: Partial<PathOptions>): NoPathReason | null {
  const query = prepareQuery(graph, from, to, options);
  const cause = explainNoPathWith(graph, from, to, query.options);
  return cause && { ...cause, sentence: describeNoPath(graph, from, to, cause) };
}
