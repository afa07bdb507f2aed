// The compiled knowledge-graph model: the one shape shared by the compiler, importers, app, CLI and exports.

/** Text in both languages. `en` is always present; `zh` may be empty for imported graphs. */
export interface Bilingual {
  en: string;
  zh: string;
}

/**
 * What kind of claim a relation is: a `fact` the source reports, an `opinion` someone holds, a `prediction` about the
 * future, or a `question` the source asks (a question is neither a claim nor a forecast: "will regulators step in?").
 */
export const MODALITIES = ['fact', 'opinion', 'prediction', 'question'] as const;
export type Modality = (typeof MODALITIES)[number];

/**
 * Whether the source `stated` the relation or it was `inferred` (from a name, the context or background knowledge);
 * an inferred relation's `note` says from what.
 */
export const BASES = ['stated', 'inferred'] as const;
export type Basis = (typeof BASES)[number];

export const NODE_SHAPES = [
  'ellipse',
  'round-rectangle',
  'rectangle',
  'diamond',
  'hexagon',
  'octagon',
  'triangle',
  'star',
  'pentagon',
  'vee',
  'barrel',
  'tag',
] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

export interface EntityType {
  id: string;
  label: Bilingual;
  /** `#rrggbb` */
  color: string;
  shape: NodeShape;
}

export interface RelationType {
  id: string;
  label: Bilingual;
  /** How the relation reads from the target's side ("funded by"). Equal to `label` when symmetric. */
  reverse: Bilingual;
  /** Symmetric relations ("competes with") read the same both ways and are stored as undirected edges. */
  symmetric: boolean;
  /** Whether an entity may relate to itself with this type. */
  reflexive: boolean;
}

export interface Source {
  id: string;
  title: string;
  publisher: string;
  /** ISO date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** BCP 47 language tag, e.g. `zh`, `en`. */
  language: string;
  url?: string;
  /** The source has no title of its own: `title` describes it (shown as such). */
  descriptiveTitle?: true;
}

export interface Evidence {
  source: string;
  quote: string;
}

export interface Entity {
  id: string;
  type: string;
  name: Bilingual;
  aliases: string[];
  description: Bilingual;
  /** Knowledge not from any source (who owns a product, a full name), kept apart from the sourced description. */
  background?: Bilingual;
  url?: string;
  /** Free-form dated facts about the entity itself, e.g. `{ founded: "2023" }`. */
  dates?: Record<string, string>;
  /** Pinyin readings of the Chinese name and Chinese aliases, toneless, spaced and joined forms. Computed at compile time. */
  pinyin?: string[];
  /** Extra attributes carried from imported files. */
  attributes?: Record<string, string | number | boolean>;
}

export interface Relation {
  id: string;
  source: string;
  target: string;
  type: string;
  modality: Modality;
  /** Absent means `stated`. */
  basis?: Basis;
  /**
   * The source says the relation does *not* hold ("DeepSeek has no outside investors"). Such relations are shown and
   * exported, in their own style, but paths never walk them unless asked to.
   */
  negated?: true;
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a decade `YYY0s`, or a range of two of them `2026/2027`. */
  date?: string;
  evidence: Evidence[];
  note?: string;
  attributes?: Record<string, string | number | boolean>;
}

export interface Position {
  x: number;
  y: number;
}

/** The artifact the compiler writes and the app loads. Deterministic: same input, same bytes. */
export interface CompiledGraph {
  format: 'kg-compiled';
  version: 1;
  /** Human name of the graph ("DeepSeek ecosystem", or an imported file's name). */
  title: string;
  entityTypes: EntityType[];
  relationTypes: RelationType[];
  sources: Source[];
  entities: Entity[];
  relations: Relation[];
  /** Precomputed layout positions by entity id (absent for graphs that still need a layout). */
  positions?: Record<string, Position>;
}

/** A relation's basis, `stated` when not recorded. */
export function basisOf(relation: Pick<Relation, 'basis'>): Basis {
  return relation.basis ?? 'stated';
}

/** Node attributes in the graphology graph. */
export type EntityAttributes = Entity;

/** Edge attributes in the graphology graph; the edge key is the relation id. */
export type RelationAttributes = Relation;
