// Writes a compiled graph as GEXF 1.3 with declared attributes, viz positions and colours, for Gephi and friends.
import type { CompiledGraph } from '../types.ts';
import { hexToRgb } from './colors.ts';
import {
  EXPORT_DEFAULTS,
  displayName,
  edgeDirections,
  entityColor,
  entityFields,
  relationFields,
  type ExportField,
  type ExportOptions,
  type FieldValue,
} from './export-fields.ts';
import { escapeXmlAttribute as attr } from './xml.ts';
import { positionOf } from '../with-positions.ts';

/**
 * GEXF 1.3 text. Node labels use `options.lang`; type, both names, aliases, descriptions, background, URL and extra
 * attributes are declared `<attribute>`s; relations carry type, modality, basis, negated (boolean), date, note and
 * evidence. Symmetric
 * relation types are written as `options.symmetric` says (see `SYMMETRIC_EDGE_MODES`). All text is escaped and
 * stripped of characters XML cannot hold.
 */
export function exportGexf(compiled: CompiledGraph, options: ExportOptions = {}): string {
  const lang = options.lang ?? EXPORT_DEFAULTS.lang;
  const nodeFields = entityFields(compiled);
  const directions = edgeDirections(compiled, options.symmetric ?? EXPORT_DEFAULTS.symmetric);
  const edgeFields = [...relationFields(compiled), ...directions.fields];
  const { allUndirected } = directions;
  const typeColors = new Map(compiled.entityTypes.map((t) => [t.id, t.color]));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>kg-explorer</creator>',
    `    <description>${attr(compiled.title)}</description>`,
    '  </meta>',
    `  <graph defaultedgetype="${allUndirected ? 'undirected' : 'directed'}" mode="static">`,
    ...declarations('node', 'n', nodeFields),
    ...declarations('edge', 'e', edgeFields),
    '    <nodes>',
  ];
  for (const entity of compiled.entities) {
    out.push(`      <node id="${attr(entity.id)}" label="${attr(displayName(entity, lang))}">`);
    out.push(...values('n', nodeFields, entity));
    const color = entityColor(entity, typeColors);
    if (color) {
      const { r, g, b } = hexToRgb(color);
      out.push(`        <viz:color r="${r}" g="${g}" b="${b}"/>`);
    }
    const position = positionOf(compiled, entity.id);
    if (position && Number.isFinite(position.x) && Number.isFinite(position.y)) {
      out.push(`        <viz:position x="${position.x}" y="${position.y}" z="0"/>`);
    }
    out.push('      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const relation of compiled.relations) {
    const direction = directions.undirected(relation) ? ' type="undirected"' : '';
    const weight = relation.attributes?.weight;
    const weightAttr = typeof weight === 'number' && Number.isFinite(weight) ? ` weight="${weight}"` : '';
    out.push(
      `      <edge id="${attr(relation.id)}" source="${attr(relation.source)}" target="${attr(relation.target)}"${direction}${weightAttr}>`,
    );
    out.push(...values('e', edgeFields, relation, weightAttr === '' ? undefined : 'weight'));
    out.push('      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}

const GEXF_TYPES = { string: 'string', double: 'double', boolean: 'boolean' } as const;

function declarations<T>(kind: 'node' | 'edge', prefix: string, fields: readonly ExportField<T>[]): string[] {
  return [
    `    <attributes class="${kind}" mode="static">`,
    ...fields.map((f, i) => `      <attribute id="${prefix}${i}" title="${attr(f.name)}" type="${GEXF_TYPES[f.type]}"/>`),
    '    </attributes>',
  ];
}

/** `<attvalues>` for one node or edge; `skip` names a field already written elsewhere (the edge weight). */
function values<T>(prefix: string, fields: readonly ExportField<T>[], item: T, skip?: string): string[] {
  const lines: string[] = [];
  fields.forEach((field, i) => {
    const value = field.name === skip ? undefined : field.get(item);
    if (value !== undefined) lines.push(`          <attvalue for="${prefix}${i}" value="${attr(format(value))}"/>`);
  });
  return lines.length === 0 ? [] : ['        <attvalues>', ...lines, '        </attvalues>'];
}

function format(value: FieldValue): string {
  return typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
}
