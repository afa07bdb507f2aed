// The compiled knowledge-graph model: the one shape shared by the compiler, importers, app, CLI and exports.

/** Text in both languages. `en` is always present; `zh` may be empty for imported graphs. */
export interface Bilingual {
  en: string;
  zh: string;
}

export const MODALITIES = ['fact', 'opinion', 'prediction'] as const;
export type Modality = (typeof MODALITIES)[number];

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

/** Node attributes in the graphology graph. */
export type EntityAttributes = Entity;

/** Edge attributes in the graphology graph; the edge key is the relation id. */
export type RelationAttributes = Relation;
