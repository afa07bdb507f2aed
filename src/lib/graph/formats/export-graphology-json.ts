// Writes a compiled graph as graphology's serialized JSON, readable by graphology's Graph.from and sigma.js.
import type { CompiledGraph, Entity, Relation } from '../types.ts';
import { emptyRecord } from './attribute-values.ts';
import { positionOf } from '../with-positions.ts';
import {
  EXPORT_DEFAULTS,
  displayName,
  entityColor,
  entityFields,
  relationFields,
  type ExportField,
  type ExportOptions,
  type FieldValue,
} from './export-fields.ts';

interface SerializedNode {
  key: string;
  attributes: Record<string, unknown>;
}

interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
  undirected?: boolean;
}

/**
 * graphology JSON (`{ attributes, options, nodes, edges }`) for a mixed multigraph. Node attributes: `label`
 * (in `options.lang`), `x`/`y` when positioned, `color`, then the same flat fields as the GEXF and GraphML
 * exports (`aliases` as a list). Edges of symmetric relation types are `undirected`.
 */
export function exportGraphologyJson(compiled: CompiledGraph, options: ExportOptions = {}): string {
  const lang = options.lang ?? EXPORT_DEFAULTS.lang;
  const typeColors = new Map(compiled.entityTypes.map((t) => [t.id, t.color]));
  const nodeFields = entityFields(compiled).filter((f) => f.name !== 'aliases');
  const edgeFields = relationFields(compiled);
  const symmetric = new Set(compiled.relationTypes.filter((t) => t.symmetric).map((t) => t.id));

  const nodes = compiled.entities.map((entity): SerializedNode => {
    const attributes = emptyRecord<unknown>();
    attributes.label = displayName(entity, lang);
    const position = positionOf(compiled, entity.id);
    if (position && Number.isFinite(position.x) && Number.isFinite(position.y)) {
      attributes.x = position.x;
      attributes.y = position.y;
    }
    const color = entityColor(entity, typeColors);
    if (color) attributes.color = color;
    if (entity.aliases.length > 0) attributes.aliases = [...entity.aliases];
    assign(attributes, nodeFields, entity);
    return { key: entity.id, attributes };
  });
  const edges = compiled.relations.map((relation): SerializedEdge => {
    const attributes = emptyRecord<unknown>();
    assign(attributes, edgeFields, relation);
    const edge: SerializedEdge = { key: relation.id, source: relation.source, target: relation.target, attributes };
    if (symmetric.has(relation.type)) edge.undirected = true;
    return edge;
  });
  const document = {
    attributes: { title: compiled.title },
    options: { type: 'mixed', multi: true, allowSelfLoops: true },
    nodes,
    edges,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function assign<T extends Entity | Relation>(target: Record<string, unknown>, fields: readonly ExportField<T>[], item: T): void {
  for (const field of fields) {
    const value: FieldValue | undefined = field.get(item);
    if (value !== undefined) target[field.name] = value;
  }
}
