// Path-query options: their defaults and bounds, and the validation that turns user input into a resolved query.
import { didYouMean, KgError, type Problem } from '../errors.ts';
import type { KnowledgeGraph } from '../model.ts';
import { MODALITIES, type Modality } from '../types.ts';

export const PATH_MODES = ['shortest', 'all', 'k'] as const;
/** `shortest`: one shortest path; `all`: every shortest path; `k`: the k shortest simple paths. */
export type PathMode = (typeof PATH_MODES)[number];

export const PATH_DIRECTIONS = ['forward', 'backward', 'any'] as const;
/**
 * How directed relations may be walked: `forward` follows them source → target, `backward` target → source,
 * `any` both ways. Undirected (symmetric) relations are always walkable both ways.
 */
export type PathDirection = (typeof PATH_DIRECTIONS)[number];

/**
 * The UI's filtered view, so that paths only run through what the user can see. Predicates left out allow everything.
 * Like the other entity constraints, `nodeVisible` applies to intermediate entities only.
 */
export interface ViewFilter {
  /** Whether the entity with this id is shown. */
  nodeVisible?(id: string): boolean;
  /** Whether the relation with this id is shown. */
  edgeVisible?(id: string): boolean;
}

/** Everything a path query can be told. Entity constraints never apply to the two endpoints: the user named them. */
export interface PathOptions {
  mode: PathMode;
  /** How many paths `mode: 'k'` returns at most. */
  k: number;
  direction: PathDirection;
  /** Use only relations of these types (`undefined`: all types; `[]`: none). */
  relations?: readonly string[];
  /** Never use relations of these types. Wins over `relations`. */
  excludeRelations?: readonly string[];
  /** Entity types that may not appear as intermediate entities. */
  excludeTypes?: readonly string[];
  /** Entity ids that may not appear as intermediate entities. */
  avoid?: readonly string[];
  /** Longest path, in hops (relations), any mode returns. */
  maxHops: number;
  /** Relations of these modalities may be used. */
  modalities: readonly Modality[];
  /**
   * Whether relations the source denies (`negated`) may be walked. Default `false`: "DeepSeek has no outside
   * investors" connects nothing.
   */
  includeNegated: boolean;
  /** Upper bound on how many paths `mode: 'all'` lists; beyond it the result says `truncated`. */
  maxPaths: number;
  view?: ViewFilter;
}

/** A validated query: every option present and within bounds. */
export type ResolvedPathOptions = Readonly<PathOptions>;

/** What a query uses for each option it leaves out: one shortest path, either direction, up to 6 hops, every modality, nothing the source denies. */
export const DEFAULTS = {
  mode: 'shortest',
  k: 5,
  direction: 'any',
  maxHops: 6,
  modalities: MODALITIES,
  includeNegated: false,
  maxPaths: 1000,
} as const satisfies Partial<PathOptions>;

/** Inclusive bounds of the numeric options, for validation and for UI controls. */
export const BOUNDS = {
  k: { min: 1, max: 50 },
  maxHops: { min: 1, max: 20 },
  maxPaths: { min: 1, max: 100_000 },
} as const;

function problem(code: string, message: string, field: string, hint?: string): Problem {
  return { code, severity: 'error', message: `paths: ${message}`, field, ...(hint ? { hint } : {}) };
}

function hintFor(word: string, candidates: Iterable<string>): string | undefined {
  const guess = didYouMean(word, candidates);
  return guess === undefined ? undefined : `did you mean "${guess}"?`;
}

/** Relation types the graph knows: the declared ones, plus any used by (imported) relations. */
function relationTypeIds(graph: KnowledgeGraph): Set<string> {
  const ids = new Set((graph.getAttribute('relationTypes') ?? []).map((t) => t.id));
  graph.forEachEdge((_, relation) => ids.add(relation.type));
  return ids;
}

/** Entity types the graph knows: the declared ones, plus any used by (imported) entities. */
function entityTypeIds(graph: KnowledgeGraph): Set<string> {
  const ids = new Set((graph.getAttribute('entityTypes') ?? []).map((t) => t.id));
  graph.forEachNode((_, entity) => ids.add(entity.type));
  return ids;
}

/** Checks that a type list only names known types; the graph is scanned only when a name is not declared. */
function checkTypes(
  names: readonly string[] | undefined,
  field: string,
  kind: 'relation' | 'entity',
  declared: () => Set<string>,
  problems: Problem[],
): void {
  if (names === undefined) return;
  let known: Set<string> | undefined;
  names.forEach((name, i) => {
    known ??= declared();
    if (known.has(name)) return;
    const code = kind === 'relation' ? 'PATH_UNKNOWN_RELATION_TYPE' : 'PATH_UNKNOWN_ENTITY_TYPE';
    problems.push(problem(code, `unknown ${kind} type "${name}"`, `${field}[${i}]`, hintFor(name, known)));
  });
}

function checkInteger(value: number, name: keyof typeof BOUNDS, problems: Problem[]): void {
  const { min, max } = BOUNDS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(problem('PATH_BAD_OPTION', `${name} must be a whole number from ${min} to ${max} (got ${value})`, name));
  }
}

function checkChoice<T extends string>(value: string, name: string, choices: readonly T[], problems: Problem[]): void {
  if (!(choices as readonly string[]).includes(value)) {
    const message = `${name} must be one of ${choices.join(', ')} (got "${value}")`;
    problems.push(problem('PATH_BAD_OPTION', message, name, hintFor(value, choices)));
  }
}

/** Throws `PATH_UNKNOWN_ENTITY` (with a did-you-mean hint) unless the graph has the entity. */
export function requireEntity(graph: KnowledgeGraph, id: string, field: string): void {
  if (graph.hasNode(id)) return;
  throw new KgError(problem('PATH_UNKNOWN_ENTITY', `unknown entity "${id}"`, field, hintFor(id, graph.nodes())));
}

/**
 * Validates a partial path query against the graph and fills in the defaults. Every problem is reported at once:
 * unknown relation types (`PATH_UNKNOWN_RELATION_TYPE`), entity types (`PATH_UNKNOWN_ENTITY_TYPE`), avoided
 * entities (`PATH_UNKNOWN_ENTITY`) and out-of-range or misspelt options (`PATH_BAD_OPTION`).
 */
export function resolvePathOptions(graph: KnowledgeGraph, partial: Partial<PathOptions> = {}): ResolvedPathOptions {
  const options: PathOptions = {
    ...partial,
    mode: partial.mode ?? DEFAULTS.mode,
    k: partial.k ?? DEFAULTS.k,
    direction: partial.direction ?? DEFAULTS.direction,
    maxHops: partial.maxHops ?? DEFAULTS.maxHops,
    modalities: partial.modalities ?? DEFAULTS.modalities,
    includeNegated: partial.includeNegated ?? DEFAULTS.includeNegated,
    maxPaths: partial.maxPaths ?? DEFAULTS.maxPaths,
  };
  const problems: Problem[] = [];
  checkChoice(options.mode, 'mode', PATH_MODES, problems);
  checkChoice(options.direction, 'direction', PATH_DIRECTIONS, problems);
  checkInteger(options.k, 'k', problems);
  checkInteger(options.maxHops, 'maxHops', problems);
  checkInteger(options.maxPaths, 'maxPaths', problems);
  options.modalities.forEach((m, i) => checkChoice(m, `modalities[${i}]`, MODALITIES, problems));
  checkTypes(options.relations, 'relations', 'relation', () => relationTypeIds(graph), problems);
  checkTypes(options.excludeRelations, 'excludeRelations', 'relation', () => relationTypeIds(graph), problems);
  checkTypes(options.excludeTypes, 'excludeTypes', 'entity', () => entityTypeIds(graph), problems);
  options.avoid?.forEach((id, i) => {
    if (!graph.hasNode(id)) {
      problems.push(problem('PATH_UNKNOWN_ENTITY', `unknown entity "${id}"`, `avoid[${i}]`, hintFor(id, graph.nodes())));
    }
  });
  if (problems.length > 0) throw new KgError(problems);
  return options;
}
