// Maps file edges to relations and relation types: ids, types, direction, missing endpoints, parallel edges.
import { didYouMean } from '../errors.ts';
import { BASES, MODALITIES, type Basis, type Evidence, type Modality, type Relation, type RelationType } from '../types.ts';
import { AttributeView, MAX_TEXT_LENGTH, MAX_TYPE_LENGTH, ValueTally, capText, emptyRecord } from './attribute-values.ts';
import type { RawEdge, ResolvedImportOptions } from './import-types.ts';
import { splitList } from './list-text.ts';
import { sampleList, type ProblemCollector } from './problems.ts';
import { MAX_AUTO_TYPES } from './to-entities.ts';
import { checkedWeight } from '../weights.ts';

/** Edge attribute names tried, in order, for the relation type. */
export const RELATION_TYPE_NAMES = ['type', 'relation', 'relationship', 'kind', 'label'] as const;
/** The relation type of edges without one. */
export const DEFAULT_RELATION_TYPE = 'link';
/** Undirected edges of a type also used by directed edges get this suffix on their type id. */
export const UNDIRECTED_SUFFIX = '-undirected';

export interface RelationsResult {
  relations: Relation[];
  relationTypes: RelationType[];
  /** Ids of nodes to add for missing endpoints (only with `onMissingEndpoint: 'placeholder'`). */
  placeholders: string[];
}

interface Pending {
  relation: Relation;
  directed: boolean;
}

/** Turns raw edges into relations between `nodeIds`, following `options.onMissingEndpoint`. */
export function toRelations(
  edges: readonly RawEdge[],
  nodeIds: ReadonlySet<string>,
  options: ResolvedImportOptions,
  problems: ProblemCollector,
  tally: ValueTally,
): RelationsResult {
  const views = edges.map((edge) => new AttributeView(edge.attributes));
  const typeName = chooseTypeName(edges, views, problems);
  const ids = edgeIds(edges, nodeIds, problems);
  const known = new Set(nodeIds);
  const placeholders: string[] = [];
  const skipped: string[] = [];
  const pending: Pending[] = [];
  const budget = { suggestions: 20 };
  const badWeights: string[] = [];

  edges.forEach((edge, index) => {
    const id = ids[index];
    if (id === undefined) return;
    if (!endpointsOk(edge, id, known, options, problems, { placeholders, skipped, budget })) return;
    const view = views[index]!;
    let type = DEFAULT_RELATION_TYPE;
    if (typeName === 'label' && edge.label !== undefined) type = edge.label;
    else if (typeName !== undefined) type = String(view.take(typeName) ?? DEFAULT_RELATION_TYPE);
    if (typeName === 'label' && edge.label !== undefined && String(view.peek('label') ?? '') === edge.label) view.consume('label');
    type = capText(type.trim() || DEFAULT_RELATION_TYPE, MAX_TYPE_LENGTH, id, tally);

    const modality = view.peek('modality');
    const relation: Relation = {
      id,
      source: edge.source,
      target: edge.target,
      type,
      modality: isModality(modality) ? modality : 'fact',
      evidence: [],
    };
    if (isModality(modality)) view.consume('modality');
    // Like modality, a basis or negated value the model cannot hold stays an attribute rather than being lost.
    // Absent means stated, so a stated relation is stored without the field, as the compiler writes it.
    const basis = view.peek('basis');
    if (isBasis(basis)) {
      view.consume('basis');
      if (basis === 'inferred') relation.basis = basis;
    }
    const negated = flagOf(view.peek('negated'));
    if (negated !== undefined) {
      view.consume('negated');
      if (negated) relation.negated = true;
    }
    const date = view.take('date');
    if (date !== undefined) relation.date = capText(String(date), MAX_TYPE_LENGTH, id, tally);
    const note = view.take('note');
    if (note !== undefined) relation.note = capText(String(note), MAX_TEXT_LENGTH, id, tally);
    const evidence = evidenceOf(view, id, tally);
    if (evidence) relation.evidence = evidence;
    // A directed edge marked `symmetric=true` is how networkx-safe exports write a symmetric relation in a mixed graph.
    const symmetric = flagOf(view.peek('symmetric'));
    const marked = symmetric === true;
    if (symmetric !== undefined) view.consume('symmetric');
    let rest = view.rest(id, tally);
    if (rest && typeof rest.weight === 'number') {
      const { value, changed } = checkedWeight(rest.weight);
      if (changed) badWeights.push(`${id} (${rest.weight})`);
      if (value === undefined) delete rest.weight;
      else rest.weight = value;
      if (Object.keys(rest).length === 0) rest = undefined;
    }
    if (edge.label !== undefined && typeName !== 'label' && view.key('label') === undefined) {
      rest ??= emptyRecord();
      rest.label = capText(edge.label, MAX_TEXT_LENGTH, id, tally);
    }
    if (rest) relation.attributes = rest;
    pending.push({ relation, directed: edge.directed && !marked });
  });

  if (skipped.length > 0) {
    problems.warn(
      'IMPORT_SKIPPED_EDGES',
      `${skipped.length} edge${skipped.length === 1 ? '' : 's'} with a missing or empty endpoint skipped: ${sampleList(skipped)}`,
    );
  }
  if (placeholders.length > 0) {
    problems.warn(
      'IMPORT_PLACEHOLDER_NODES',
      `${placeholders.length} placeholder node${placeholders.length === 1 ? '' : 's'} added for missing endpoints: ${sampleList(placeholders)}`,
    );
  }
  if (badWeights.length > 0) {
    problems.warn(
      'IMPORT_BAD_WEIGHT',
      `${badWeights.length} edge weight${badWeights.length === 1 ? '' : 's'} negative, not finite or above 1e15 — dropped or capped at 1e15: ${sampleList(badWeights)}`,
      { field: 'weight', hint: 'weights must be finite and not negative' },
    );
  }
  reportParallel(pending, problems);
  return { relations: pending.map((p) => p.relation), relationTypes: relationTypes(pending), placeholders };
}

/**
 * Evidence items from the parallel `evidence_sources` and `evidence_quotes` lists our flat exports write (the
 * readable `evidence` text is then redundant and dropped); undefined when the edge has neither. Items need a source.
 */
function evidenceOf(view: AttributeView, record: string, tally: ValueTally): Evidence[] | undefined {
  const sources = view.peek('evidence_sources');
  const quotes = view.peek('evidence_quotes');
  if (sources === undefined && quotes === undefined) return undefined;
  view.consume('evidence_sources', 'evidence_quotes', 'evidence');
  const sourceIds = sources === undefined ? [] : splitList(String(sources));
  const quoteTexts = quotes === undefined ? [] : splitList(String(quotes));
  const evidence: Evidence[] = [];
  for (let i = 0; i < Math.max(sourceIds.length, quoteTexts.length); i++) {
    const source = (sourceIds[i] ?? '').trim();
    if (source === '') {
      tally.note('IMPORT_VALUE_DROPPED', 'evidence items without a source were dropped', record);
      continue;
    }
    evidence.push({
      source: capText(source, MAX_TYPE_LENGTH, record, tally),
      quote: capText(quoteTexts[i] ?? '', MAX_TEXT_LENGTH, record, tally),
    });
  }
  return evidence;
}

function isModality(value: unknown): value is Modality {
  return typeof value === 'string' && (MODALITIES as readonly string[]).includes(value);
}

function isBasis(value: unknown): value is Basis {
  return typeof value === 'string' && (BASES as readonly string[]).includes(value);
}

/** A boolean field as typed formats (a boolean) and CSV (the text `true` or `false`, any case) write it; else undefined. */
function flagOf(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  return word === 'true' ? true : word === 'false' ? false : undefined;
}

/** The attribute carrying relation types, unless it has so many values that it is really a per-edge label. */
function chooseTypeName(edges: readonly RawEdge[], views: readonly AttributeView[], problems: ProblemCollector): string | undefined {
  for (const name of RELATION_TYPE_NAMES) {
    const values = new Set<string>();
    edges.forEach((edge, i) => {
      const value = name === 'label' ? (edge.label ?? views[i]!.peek(name)) : views[i]!.peek(name);
      if (value !== undefined && String(value).trim() !== '') values.add(String(value).trim());
    });
    if (values.size === 0) continue;
    if (values.size <= MAX_AUTO_TYPES) return name;
    problems.warn(
      'IMPORT_TYPE_ATTRIBUTE',
      `edge attribute "${name}" has ${values.size} distinct values, too many to use as relation types; kept as an attribute`,
      { field: name },
    );
  }
  return undefined;
}

/**
 * The file's edge ids (duplicates reported and dropped) or generated `e{index}` ids that collide with none. Entity and
 * relation ids share one namespace in the model (a view addresses both by id), so an edge id equal to a node id — as
 * in files that number nodes and edges separately from 0 — is renamed `edge-{id}`, with a notice.
 */
function edgeIds(edges: readonly RawEdge[], nodeIds: ReadonlySet<string>, problems: ProblemCollector): Array<string | undefined> {
  const given = new Set(edges.map((e) => e.id).filter((id): id is string => id !== undefined && id !== ''));
  const taken = (id: string): boolean => given.has(id) || seen.has(id) || nodeIds.has(id);
  const renamed: string[] = [];
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let firstDuplicate: RawEdge | undefined;
  const ids = edges.map((edge, index) => {
    if (edge.id === undefined || edge.id === '') {
      let id = `e${index}`;
      for (let k = 2; taken(id); k++) id = `e${index}-${k}`;
      seen.add(id);
      return id;
    }
    if (seen.has(edge.id)) {
      duplicates.push(edge.id);
      firstDuplicate ??= edge;
      return undefined;
    }
    let id = edge.id;
    if (nodeIds.has(id)) {
      id = `edge-${edge.id}`;
      for (let k = 2; taken(id); k++) id = `edge-${edge.id}-${k}`;
      renamed.push(edge.id);
    }
    seen.add(id);
    return id;
  });
  if (renamed.length > 0) {
    problems.warn(
      'IMPORT_EDGE_ID_RENAMED',
      `${renamed.length} edge id${renamed.length === 1 ? ' was' : 's were'} the same as a node id and got the prefix "edge-": ${sampleList(renamed)}`,
      { record: renamed[0]! },
    );
  }
  if (duplicates.length > 0) {
    problems.error(
      'IMPORT_DUPLICATE_EDGE',
      `${duplicates.length} duplicate edge id${duplicates.length === 1 ? '' : 's'}: ${sampleList([...new Set(duplicates)])}`,
      {
        record: duplicates[0]!,
        ...(firstDuplicate?.line !== undefined ? { line: firstDuplicate.line, column: firstDuplicate.column ?? 1 } : {}),
        hint: 'every edge needs its own id (or none, and one is generated)',
      },
    );
  }
  return ids;
}

interface EndpointTally {
  placeholders: string[];
  skipped: string[];
  /** How many more "did you mean" searches to run (each is a scan of every node id). */
  budget: { suggestions: number };
}

function endpointsOk(
  edge: RawEdge,
  id: string,
  known: Set<string>,
  options: ResolvedImportOptions,
  problems: ProblemCollector,
  tally: EndpointTally,
): boolean {
  const ends = (['source', 'target'] as const).filter((end) => !known.has(edge[end]));
  if (ends.length === 0) return true;
  if (options.onMissingEndpoint === 'skip' || (options.onMissingEndpoint === 'placeholder' && ends.some((end) => edge[end] === ''))) {
    tally.skipped.push(id);
    return false;
  }
  if (options.onMissingEndpoint === 'placeholder') {
    for (const end of ends) {
      if (known.has(edge[end])) continue;
      known.add(edge[end]);
      tally.placeholders.push(edge[end]);
    }
    return true;
  }
  for (const end of ends) {
    const node = edge[end];
    const suggestion = node !== '' && known.size <= 5000 && tally.budget.suggestions-- > 0 ? didYouMean(node, known) : undefined;
    problems.error(
      'IMPORT_MISSING_ENDPOINT',
      node === '' ? `edge "${id}" has an empty ${end}` : `edge "${id}" points to a missing ${end} node "${node}"`,
      {
        record: id,
        field: end,
        ...(edge.line !== undefined ? { line: edge.line, column: edge.column ?? 1 } : {}),
        hint: suggestion
          ? `did you mean "${suggestion}"? Or import again skipping such edges or adding placeholder nodes`
          : 'import again skipping such edges or adding placeholder nodes',
      },
    );
  }
  return false;
}

/** Parallel edges are kept (the model is a multigraph) but reported, with counts and ids. */
function reportParallel(pending: readonly Pending[], problems: ProblemCollector): void {
  const seen = new Set<string>();
  const parallel: string[] = [];
  for (const { relation, directed } of pending) {
    const [a, b] = directed || relation.source <= relation.target ? [relation.source, relation.target] : [relation.target, relation.source];
    const key = `${directed ? '>' : '-'}\u0000${a}\u0000${b}`;
    if (seen.has(key)) parallel.push(relation.id);
    else seen.add(key);
  }
  if (parallel.length > 0) {
    problems.warn(
      'IMPORT_PARALLEL_EDGES',
      `${parallel.length} parallel edge${parallel.length === 1 ? '' : 's'} (same endpoints as an earlier edge), kept: ${sampleList(parallel)}`,
    );
  }
}

/** One relation type per (type, direction); a type used both ways gets an `-undirected` twin. Renames relations to match. */
function relationTypes(pending: readonly Pending[]): RelationType[] {
  const directedBases = new Set(pending.filter((p) => p.directed).map((p) => p.relation.type));
  const taken = new Set(pending.map((p) => p.relation.type));
  const undirectedIds = new Map<string, string>();
  const types = new Map<string, RelationType>();
  for (const { relation, directed } of pending) {
    const base = relation.type;
    if (!directed && directedBases.has(base)) {
      let id = undirectedIds.get(base);
      if (id === undefined) {
        id = `${base}${UNDIRECTED_SUFFIX}`;
        for (let k = 2; taken.has(id); k++) id = `${base}${UNDIRECTED_SUFFIX}-${k}`;
        taken.add(id);
        undirectedIds.set(base, id);
      }
      relation.type = id;
    }
    let type = types.get(relation.type);
    if (!type) {
      const label = { en: base, zh: '' };
      type = {
        id: relation.type,
        label,
        reverse: directed ? { en: `${base} (inverse)`, zh: '' } : { ...label },
        symmetric: !directed,
        reflexive: false,
      };
      types.set(relation.type, type);
    }
    if (relation.source === relation.target) type.reflexive = true;
  }
  return [...types.values()];
}
