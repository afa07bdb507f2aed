// Writes a compiled graph as GraphML with typed <key>s for names, types, positions, colours and evidence.
import type { CompiledGraph, Entity } from '../types.ts';
import {
  EXPORT_DEFAULTS,
  displayName,
  edgeDirections,
  entityColor,
  entityFields,
  relationFields,
  type ExportField,
  type ExportOptions,
} from './export-fields.ts';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml.ts';
import { positionOf } from '../with-positions.ts';

/**
 * GraphML text. Nodes carry `label` (in `options.lang`), type, both names, aliases, descriptions, background, URL,
 * `x`/`y` when positioned, `color`, and extra attributes; edges carry type, modality, basis, negated (boolean), date,
 * note, evidence and extra attributes. Symmetric relation types are written as `options.symmetric` says (`symmetric=true` on directed
 * edges, or `directed="false"` edges); a graph of symmetric relations only is `edgedefault="undirected"`.
 */
export function exportGraphml(compiled: CompiledGraph, options: ExportOptions = {}): string {
  const lang = options.lang ?? EXPORT_DEFAULTS.lang;
  const typeColors = new Map(compiled.entityTypes.map((t) => [t.id, t.color]));
  const nodeFields: ExportField<Entity>[] = [
    { name: 'label', type: 'string', get: (e) => displayName(e, lang) },
    ...entityFields(compiled),
    { name: 'x', type: 'double', get: (e) => finite(positionOf(compiled, e.id)?.x) },
    { name: 'y', type: 'double', get: (e) => finite(positionOf(compiled, e.id)?.y) },
    { name: 'color', type: 'string', get: (e) => entityColor(e, typeColors) },
  ];
  const directions = edgeDirections(compiled, options.symmetric ?? EXPORT_DEFAULTS.symmetric);
  const edgeFields = [...relationFields(compiled), ...directions.fields];
  const { allUndirected } = directions;

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="g0" for="graph" attr.name="name" attr.type="string"/>',
    ...nodeFields.map((f, i) => `  <key id="n${i}" for="node" attr.name="${attr(f.name)}" attr.type="${f.type}"/>`),
    ...edgeFields.map((f, i) => `  <key id="e${i}" for="edge" attr.name="${attr(f.name)}" attr.type="${f.type}"/>`),
    `  <graph id="G" edgedefault="${allUndirected ? 'undirected' : 'directed'}">`,
    `    <data key="g0">${text(compiled.title)}</data>`,
  ];
  for (const entity of compiled.entities) {
    out.push(`    <node id="${attr(entity.id)}">`, ...data('n', nodeFields, entity), '    </node>');
  }
  for (const relation of compiled.relations) {
    const direction = directions.undirected(relation) ? ' directed="false"' : '';
    out.push(`    <edge id="${attr(relation.id)}" source="${attr(relation.source)}" target="${attr(relation.target)}"${direction}>`);
    out.push(...data('e', edgeFields, relation), '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

function finite(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

function data<T>(prefix: string, fields: readonly ExportField<T>[], item: T): string[] {
  const lines: string[] = [];
  fields.forEach((field, i) => {
    const value = field.get(item);
    if (value !== undefined) lines.push(`      <data key="${prefix}${i}">${text(String(value))}</data>`);
  });
  return lines;
}
