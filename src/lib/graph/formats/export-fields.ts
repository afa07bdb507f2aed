// The columns every flat export writes (type, names, background, modality, basis, negation, evidence, extra attributes),
// shared by all writers.
import { basisOf, type CompiledGraph, type Entity, type Relation } from '../types.ts';
import { exportedAttributeName } from './attribute-names.ts';
import { normalizeColor } from './colors.ts';
import { joinList } from './list-text.ts';
import { rawDisplayName } from '../display-name.ts';

export const EXPORT_LANGUAGES = ['en', 'zh'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * How GEXF and GraphML write symmetric relations in a graph that also has directed ones. `marked` (the default):
 * every edge directed, symmetric ones flagged `symmetric=true`, which networkx, igraph and Gephi all read (our
 * importer turns the flag back into an undirected edge). `undirected`: undirected edges in a directed graph, which
 * Gephi reads but networkx and igraph refuse. A graph whose relations are all symmetric is undirected either way.
 */
export const SYMMETRIC_EDGE_MODES = ['marked', 'undirected'] as const;
export type SymmetricEdgeMode = (typeof SYMMETRIC_EDGE_MODES)[number];

export interface ExportOptions {
  /** Which name becomes the node label that other tools show (default `en`); both names are always written. */
  lang?: ExportLanguage;
  /** How a mixed graph's symmetric relations are written (GEXF, GraphML); see `SYMMETRIC_EDGE_MODES`. */
  symmetric?: SymmetricEdgeMode;
}

export const EXPORT_DEFAULTS = { lang: 'en', symmetric: 'marked' } as const satisfies ExportOptions;

/** How each relation's direction is written: the graph's default, and per edge (`undirected` only in a mixed graph). */
export interface EdgeDirections {
  /** Every relation symmetric: the whole graph is undirected. */
  allUndirected: boolean;
  /** Whether this relation is written as an undirected edge inside a directed graph. */
  undirected: (relation: Relation) => boolean;
  /** The `symmetric` flag field, when symmetric relations are written as marked directed edges. */
  fields: ExportField<Relation>[];
}

/** Direction handling shared by the GEXF and GraphML writers. */
export function edgeDirections(compiled: CompiledGraph, mode: SymmetricEdgeMode): EdgeDirections {
  const symmetric = new Set(compiled.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
  const allUndirected = compiled.relations.length > 0 && compiled.relations.every((r) => symmetric.has(r.type));
  const mixed = !allUndirected && compiled.relations.some((r) => symmetric.has(r.type));
  return {
    allUndirected,
    undirected: (r) => mode === 'undirected' && mixed && symmetric.has(r.type),
    fields: mode === 'marked' && mixed ? [{ name: 'symmetric', type: 'boolean', get: (r) => symmetric.has(r.type) }] : [],
  };
}

export type FieldType = 'string' | 'double' | 'boolean';
export type FieldValue = string | number | boolean;

/** One exported column: its name, declared type, and how to read it (undefined = no value for that record). */
export interface ExportField<T> {
  name: string;
  type: FieldType;
  get: (item: T) => FieldValue | undefined;
  /** An extra attribute carried from a file, rather than a model field (CSV headers name such columns' types). */
  attribute?: true;
}

/** The label other tools display for an entity. */
export function displayName(entity: Entity, lang: ExportLanguage): string {
  return rawDisplayName(entity, lang);
}

/** An entity's colour: its own valid `color` attribute, else its type's colour. */
export function entityColor(entity: Entity, typeColors: ReadonlyMap<string, string>): string | undefined {
  return normalizeColor(entity.attributes?.color) ?? typeColors.get(entity.type);
}

const text = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

/** Entity columns: model fields first, then every extra attribute (see `exportedAttributeName`). */
export function entityFields(compiled: CompiledGraph): ExportField<Entity>[] {
  const fields: ExportField<Entity>[] = [
    { name: 'type', type: 'string', get: (e) => e.type },
    { name: 'name_en', type: 'string', get: (e) => e.name.en },
    { name: 'name_zh', type: 'string', get: (e) => e.name.zh },
    { name: 'aliases', type: 'string', get: (e) => text(joinList(e.aliases)) },
    { name: 'description_en', type: 'string', get: (e) => text(e.description.en) },
    { name: 'description_zh', type: 'string', get: (e) => text(e.description.zh) },
    // Background (knowledge from no source) has columns of its own, so it never reads as part of the description.
    { name: 'background_en', type: 'string', get: (e) => text(e.background?.en) },
    { name: 'background_zh', type: 'string', get: (e) => text(e.background?.zh) },
    { name: 'url', type: 'string', get: (e) => e.url },
  ];
  return [...fields, ...attributeFields(compiled.entities, ['color'])];
}

/**
 * Relation columns: type, modality, basis (always `stated` or `inferred`), negated (always true or false), date, note, evidence as readable text and as two parallel lists (source ids and
 * quotes, which importers turn back into evidence items), then extra attributes. A new relation field is one line here.
 */
export function relationFields(compiled: CompiledGraph): ExportField<Relation>[] {
  const sources = new Map(compiled.sources.map((s) => [s.id, s]));
  const fields: ExportField<Relation>[] = [
    { name: 'type', type: 'string', get: (r) => r.type },
    { name: 'modality', type: 'string', get: (r) => r.modality },
    { name: 'basis', type: 'string', get: (r) => basisOf(r) },
    { name: 'negated', type: 'boolean', get: (r) => r.negated === true },
    { name: 'date', type: 'string', get: (r) => r.date },
    { name: 'note', type: 'string', get: (r) => r.note },
    {
      name: 'evidence',
      type: 'string',
      get: (r) =>
        text(
          r.evidence
            .map((ev) => {
              const source = sources.get(ev.source);
              const where = source ? `${source.title || source.id}${source.url ? ` ${source.url}` : ''}` : ev.source;
              return `“${ev.quote}” — ${where}`;
            })
            .join(' | '),
        ),
    },
    { name: 'evidence_sources', type: 'string', get: (r) => text(joinList(r.evidence.map((ev) => ev.source))) },
    { name: 'evidence_quotes', type: 'string', get: (r) => text(joinList(r.evidence.map((ev) => ev.quote))) },
  ];
  return [...fields, ...attributeFields(compiled.relations, [])];
}

/** One column per extra attribute key (in order of first use), typed by its values: all numbers, all booleans, else text. */
function attributeFields<T extends { attributes?: Record<string, FieldValue> }>(
  items: readonly T[],
  skip: readonly string[],
): ExportField<T>[] {
  const types = new Map<string, FieldType | 'mixed'>();
  for (const item of items) {
    for (const [key, value] of Object.entries(item.attributes ?? {})) {
      if (skip.includes(key)) continue;
      const type: FieldType = typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';
      const known = types.get(key);
      types.set(key, known === undefined || known === type ? type : 'mixed');
    }
  }
  return [...types].map(([key, kind]) => {
    const name = exportedAttributeName(key);
    const type: FieldType = kind === 'mixed' ? 'string' : kind;
    return {
      name,
      type,
      attribute: true,
      get: (item: T) => {
        const value = item.attributes && Object.hasOwn(item.attributes, key) ? item.attributes[key] : undefined;
        return value === undefined ? undefined : type === 'string' ? String(value) : value;
      },
    };
  });
}
