// A neighbourhood export laid out for itself when the canvas's positions crowd it: rings around the focus by distance.
import type { Core } from 'cytoscape';
import type { Position } from '../graph/types.ts';
import type { Selection } from '../graph/subgraph.ts';
import { separate } from './compact-layout.ts';
import type { NodeBox } from './compact-layout.ts';
import { labelBox } from './first-view.ts';
import { labelWidth } from './elements.ts';

export const EXPORT_LAYOUT_DEFAULTS = {
  /** Above this share of relations whose label does not fit between its two entities' boxes, the export is re-laid out. */
  crowdedShare: 0.05,
  /** Room kept around a relation label along its line, in model px. */
  labelRoom: 10,
  /** Least distance between two entities' boxes in the rings, in model px. */
  gap: 12,
  /** The least room an entity takes on its ring, in model px. */
  minSlot: 80,
  /** The focus entity's size and label size in the picture (the others keep the canvas's 26 px and 12 px). */
  focusSize: 44,
  focusFont: 16,
};

/** A relation label's width in model px (9 px text, as the stylesheet draws it). */
const relationLabelWidth = (label: string): number => (labelWidth(label) * 9) / 12;

/** How far from a box's centre its border is in direction (dx, dy) (a unit vector). */
function exit(box: NodeBox, dx: number, dy: number): number {
  const hw = (box.left + box.right) / 2;
  const hh = (box.top + box.bottom) / 2;
  return Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
}

export interface Hop {
  source: string;
  target: string;
  label: string;
}

/** The share of `hops` whose label does not fit on the line between its ends' boxes (0 for no hops). */
export function crowdedShare(
  positions: ReadonlyMap<string, Position>,
  boxes: ReadonlyMap<string, NodeBox>,
  hops: readonly Hop[],
  room = EXPORT_LAYOUT_DEFAULTS.labelRoom,
): number {
  if (hops.length === 0) return 0;
  let crowded = 0;
  for (const { source, target, label } of hops) {
    const a = positions.get(source);
    const b = positions.get(target);
    if (!a || !b) continue;
    const d = Math.hypot(b.x - a.x, b.y - a.y);
    if (d === 0) {
      crowded++;
      continue;
    }
    const dx = (b.x - a.x) / d;
    const dy = (b.y - a.y) / d;
    const free = d - exit(boxes.get(source)!, dx, dy) - exit(boxes.get(target)!, dx, dy);
    if (free < relationLabelWidth(label) + 2 * room) crowded++;
  }
  return crowded / hops.length;
}

/**
 * Rings around the focus: entities at distance d (in hops within the exported relations) on ring d, spread round it.
 * The first ring keeps the order of the entities' angles around the focus in `before` (the canvas's positions: the
 * picture keeps who sits beside whom); outer rings follow the angles of their neighbours on the ring inside. A ring is wide enough for its entities' labels
 * side by side and far enough from the one inside for the longest relation label between them. Unreachable entities
 * go on an outer ring.
 */
export function ringLayout(
  focus: string,
  ids: readonly string[],
  hops: readonly Hop[],
  boxes: ReadonlyMap<string, NodeBox>,
  before?: ReadonlyMap<string, Position>,
  options: Partial<typeof EXPORT_LAYOUT_DEFAULTS> = {},
): Map<string, Position> {
  const o = { ...EXPORT_LAYOUT_DEFAULTS, ...options };
  const neighbours = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
  for (const h of hops) {
    neighbours.get(h.source)?.add(h.target);
    neighbours.get(h.target)?.add(h.source);
  }
  const distance = new Map<string, number>([[focus, 0]]);
  const queue = [focus];
  while (queue.length) {
    const id = queue.shift()!;
    for (const n of neighbours.get(id) ?? []) {
      if (distance.has(n)) continue;
      distance.set(n, distance.get(id)! + 1);
      queue.push(n);
    }
  }
  const outer = Math.max(0, ...distance.values()) + 1;
  const rings: string[][] = [];
  for (const id of ids) (rings[distance.get(id) ?? outer] ??= []).push(id);
  const longestLabel = Math.max(0, ...hops.map((h) => relationLabelWidth(h.label)));
  const height = (id: string): number => {
    const b = boxes.get(id)!;
    return b.top + b.bottom;
  };
  const width = (id: string): number => {
    const b = boxes.get(id)!;
    return b.left + b.right;
  };
  /** An entity's share of its ring: its box's larger side, at least `minSlot`, so short names do not bunch up. */
  const slot = (id: string): number => Math.max(width(id), height(id), o.minSlot) + o.gap;
  const positions = new Map<string, Position>([[focus, { x: 0, y: 0 }]]);
  const angle = new Map<string, number>([[focus, 0]]);
  let radius = Math.max(width(focus), height(focus)) / 2;
  let innerReach = radius;
  for (let d = 1; d < rings.length; d++) {
    const ring = rings[d];
    if (!ring?.length) continue;
    const centre = before?.get(focus);
    // In the order of their angle around the focus before, else of the mean angle of their placed neighbours.
    const mean = (id: string): number => {
      const was = before?.get(id);
      if (d === 1 && centre && was && (was.x !== centre.x || was.y !== centre.y)) return Math.atan2(was.y - centre.y, was.x - centre.x);
      const placed = [...(neighbours.get(id) ?? [])].filter((n) => angle.has(n)).map((n) => angle.get(n)!);
      return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : 0;
    };
    const ordered = ring.map((id, i) => ({ id, i, a: mean(id) })).sort((p, q) => p.a - q.a || p.i - q.i);
    const arc = ordered.reduce((sum, { id }) => sum + slot(id), 0);
    const reach = Math.max(...ordered.map(({ id }) => Math.max(width(id), height(id)) / 2));
    radius = Math.max(innerReach + longestLabel + 2 * o.labelRoom + reach, arc / (2 * Math.PI));
    // Spread round the whole ring, each entity's share of it by its size.
    let at = ordered[0]!.a;
    for (const { id } of ordered) {
      const span = (slot(id) / arc) * 2 * Math.PI;
      const theta = at + span / 2;
      at += span;
      angle.set(id, theta);
      positions.set(id, { x: radius * Math.cos(theta), y: radius * Math.sin(theta) });
    }
    innerReach = radius + reach;
  }
  return separate(positions, boxes, o.gap);
}

/**
 * Lays a neighbourhood export out around `focus` if the canvas's positions crowd it, and sets the focus apart
 * (larger, bold). Returns the function that puts the canvas back exactly as it was (positions and styles).
 */
export function composeNeighbourhood(cy: Core, selection: Selection, focus: string): () => void {
  const o = EXPORT_LAYOUT_DEFAULTS;
  const focusNode = cy.getElementById(focus);
  if (!focusNode.isNode() || !selection.nodes.has(focus)) return () => {};
  const nodes = cy.nodes().filter((n) => selection.nodes.has(n.id()));
  const saved = new Map<string, Position>();
  const boxes = new Map<string, NodeBox>();
  nodes.forEach((n) => {
    saved.set(n.id(), { ...n.position() });
    boxes.set(n.id(), labelBox(String(n.data('label') ?? '')));
  });
  const focusBox = boxes.get(focus)!;
  const grow = (o.focusSize - 26) / 2;
  boxes.set(focus, {
    left: Math.max(focusBox.left, (focusBox.left * o.focusFont) / 12),
    right: Math.max(focusBox.right, (focusBox.right * o.focusFont) / 12),
    top: focusBox.top + grow,
    bottom: focusBox.bottom + grow + 6,
  });
  const hops: Hop[] = [];
  cy.edges().forEach((e) => {
    if (selection.edges.has(e.id()) && saved.has(e.source().id()) && saved.has(e.target().id()))
      hops.push({ source: e.source().id(), target: e.target().id(), label: String(e.data('label') ?? '') });
  });
  const relaid = crowdedShare(saved, boxes, hops) > o.crowdedShare;
  if (relaid) {
    const ring = ringLayout(focus, [...saved.keys()], hops, boxes, saved);
    cy.batch(() => {
      nodes.forEach((n) => {
        n.position(ring.get(n.id())!);
      });
    });
  }
  focusNode.style({ width: o.focusSize, height: o.focusSize, 'font-size': o.focusFont, 'font-weight': 'bold', 'border-width': 3 });
  return () => {
    focusNode.removeStyle('width height font-size font-weight border-width');
    if (!relaid) return;
    cy.batch(() => {
      nodes.forEach((n) => {
        n.position(saved.get(n.id())!);
      });
    });
  };
}

/** Runs `draw` with a neighbourhood composed around `focus` (when given), then puts the canvas back, whatever happens. */
export async function withComposition<T>(cy: Core, selection: Selection, focus: string | undefined, draw: () => Promise<T>): Promise<T> {
  const restore = focus === undefined ? () => {} : composeNeighbourhood(cy, selection, focus);
  try {
    return await draw();
  } finally {
    restore();
  }
}
