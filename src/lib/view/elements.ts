// Pure mapping from the knowledge model to Cytoscape element definitions (no DOM, no Cytoscape instance).
import type { ElementDefinition } from 'cytoscape';
import type { CompiledGraph, Entity, Relation } from '../graph/types.ts';
import { displayName as entityName } from '../graph/display-name.ts';
import { bundles } from '../graph/bundles.ts';
import { positionBounds } from './viewport.ts';
import { MODALITY_CLASS, RELATION_CLASS } from './classes.ts';
import { positionOf } from '../graph/with-positions.ts';

export type Lang = 'en' | 'zh';

/** Labels longer than this are cut with an ellipsis on the canvas (the panel shows the full name). */
export const MAX_LABEL = 28;

export function truncate(text: string, max = MAX_LABEL): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** An entity's display name in a language, hidden characters shown as markers: the engine's one `displayName`. */
export { entityName };

/** Approximate rendered width of a label in pixels at font size 12: CJK glyphs are about twice as wide. */
export function labelWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch) ? 12.5 : 7;
  return width;
}

export const NODE_SIZE = 26;

const COLOR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|rgb\(\s*\d{1,3}\s*,\s*\d{1,3}\s*,\s*\d{1,3}\s*\))$/i;

/** A colour carried from an imported file, if it is a plain hex or rgb() colour (anything else is ignored). */
export function fileColor(entity: Entity): string | undefined {
  const c = entity.attributes?.color;
  return typeof c === 'string' && c.length <= 32 && COLOR.test(c) ? c : undefined;
}
const LABEL_HEIGHT = 16;

/** Node size used by layouts: the node plus its label below it, wide enough for either language. */
export function layoutBox(entity: Entity): { w: number; h: number } {
  const w = Math.max(labelWidth(truncate(entity.name.en)), labelWidth(truncate(entity.name.zh || entity.name.en)));
  return { w: Math.max(NODE_SIZE, w), h: NODE_SIZE + LABEL_HEIGHT };
}

/** Cytoscape elements for a graph, labelled in `lang`. Colours and shapes come from entity types. */
export function toElements(graph: CompiledGraph, lang: Lang): ElementDefinition[] {
  const types = new Map(graph.entityTypes.map((t) => [t.id, t]));
  const relationTypes = new Map(graph.relationTypes.map((t) => [t.id, t]));
  const degree = new Map<string, number>();
  for (const r of graph.relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const nodes: ElementDefinition[] = graph.entities.map((e) => {
    const type = types.get(e.type);
    const position = positionOf(graph, e.id);
    return {
      group: 'nodes',
      data: {
        id: e.id,
        ...nodeLabel(entityName(e, lang)),
        type: e.type,
        color: fileColor(e) ?? type?.color ?? '#6b7280',
        shape: type?.shape ?? 'ellipse',
        degree: degree.get(e.id) ?? 0,
      },
      ...(position ? { position: { x: position.x, y: position.y } } : {}),
    };
  });
  const edges: ElementDefinition[] = bundles(graph.relations, relationTypes).map((members) => {
    // The line takes the smallest relation id (code units), as the details panel's folded item does.
    const r = members.reduce((min, m) => (m.id < min.id ? m : min));
    const type = relationTypes.get(r.type);
    const label = type ? type.label[lang] || type.label.en : r.type;
    return {
      group: 'edges',
      data: {
        id: r.id,
        source: r.source,
        target: r.target,
        type: r.type,
        label: bundleLabel(fidelityLabel(label, r), members.length),
        modality: r.modality,
        ...(members.length > 1 ? { members: members.map((m) => m.id) } : {}),
      },
      classes: [
        MODALITY_CLASS[r.modality],
        type?.symmetric ? RELATION_CLASS.symmetric : RELATION_CLASS.directed,
        ...(r.basis === 'inferred' ? [RELATION_CLASS.inferred] : []),
        ...(r.negated ? [RELATION_CLASS.negated] : []),
        ...(members.length > 1 ? [RELATION_CLASS.bundle] : []),
      ].join(' '),
    };
  });
  return [...nodes, ...edges];
}

/**
 * A node's label data from its name: `label` cut with "…" past MAX_LABEL, and the whole name as `fullLabel` when it
 * was cut (shown while the node is hovered).
 */
export function nodeLabel(name: string): { label: string; fullLabel?: string } {
  const label = truncate(name);
  return label === name ? { label } : { label, fullLabel: name };
}

/**
 * Every element's label in `lang`, by id, entities' names whole: what a language switch relabels in place (the
 * canvas cuts long names with `nodeLabel` and adds a bundle's count, as `elements` does).
 */
export function labelsFor(graph: CompiledGraph, lang: Lang): Map<string, string> {
  const labels = new Map<string, string>();
  for (const e of graph.entities) labels.set(e.id, entityName(e, lang));
  const types = new Map(graph.relationTypes.map((rt) => [rt.id, rt.label[lang] || rt.label.en]));
  for (const r of graph.relations) labels.set(r.id, fidelityLabel(types.get(r.type) ?? r.type, r));
  return labels;
}

/**
 * A line's label marked for what the line claims, in signs that read in any language (the legend explains them): a
 * denial "✕ invests in", a question "regulates ?". An inferred line is told apart by its dash, not its label.
 */
export function fidelityLabel(label: string, relation: Pick<Relation, 'negated' | 'modality'>): string {
  const denied = relation.negated ? `✕ ${label}` : label;
  return relation.modality === 'question' ? `${denied} ?` : denied;
}

/** A line's label: its type, with the number of relations it stands for when that is more than one. */
export function bundleLabel(label: string, count: number): string {
  return count > 1 ? `${label} ×${count.toLocaleString('en')}` : label;
}

/** Which drawn line stands for each relation that is not drawn under its own id (the other members of a bundle). */
export function bundledUnder(elements: readonly ElementDefinition[]): Map<string, string> {
  const under = new Map<string, string>();
  for (const el of elements) {
    const members = el.data['members'] as string[] | undefined;
    if (el.group === 'edges' && members) for (const id of members) if (id !== el.data.id) under.set(id, el.data.id!);
  }
  return under;
}

/**
 * A quick first arrangement for a graph without positions (a grid in file order), put on the node definitions so the
 * graph is visible at once and the camera can fit it before it is drawn; the real layout follows from a worker.
 * Returns whether it placed anything (false when every node came with a position).
 */
export function placeOnGrid(elements: ElementDefinition[]): boolean {
  const nodes = elements.filter((el) => el.group === 'nodes');
  if (nodes.every((n) => n.position)) return false;
  const side = Math.ceil(Math.sqrt(nodes.length));
  const gap = nodes.length > 2000 ? 40 : 90;
  nodes.forEach((n, i) => (n.position = { x: (i % side) * gap, y: Math.floor(i / side) * gap }));
  return true;
}

/** Average room per node, in layout units, below which file positions are spread out (nodes are 8–40 px wide). */
export const MIN_SPACING = 30;

/**
 * Scales file positions up about their centre when they are too dense to tell nodes apart (10,000 nodes in a box of
 * 250 units): the same layout, with room for the nodes and their labels. Cytoscape shows labels by on-screen size, so
 * a graph that fits at a sensible zoom also draws far fewer of them. Returns the factor used (1 = left as they were).
 */
export function spreadPositions(elements: ElementDefinition[]): number {
  const placed = elements.filter((el) => el.group === 'nodes' && el.position).map((el) => el.position!);
  const box = positionBounds(placed);
  if (placed.length < 2 || !box) return 1;
  const { minX, minY, maxX, maxY } = box;
  const span = Math.max(maxX - minX, maxY - minY);
  const wanted = Math.sqrt(placed.length) * MIN_SPACING;
  if (span >= wanted) return 1;
  const factor = wanted / Math.max(span, 1);
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  for (const p of placed) {
    p.x = cx + (p.x - cx) * factor;
    p.y = cy + (p.y - cy) * factor;
  }
  return factor;
}
