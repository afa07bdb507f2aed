// The first view of a graph: its layout shaped to the canvas's proportions, and a camera that shows all of it, labels included.
import type { Core, ElementDefinition } from 'cytoscape';
import type { Position } from '../graph/types.ts';
import { labelWidth, NODE_SIZE } from './elements.ts';
import { separate, toAspect } from './compact-layout.ts';
import type { NodeBox } from './compact-layout.ts';
import { fitToPositions, MAX_FIT_ZOOM } from './viewport.ts';

export const FIRST_VIEW = {
  /** Space kept free around the drawing, in screen px. */
  margin: 24,
  /** Graphs up to this many nodes are shaped and fitted with their labels; larger ones are fitted by positions alone. */
  maxShapedNodes: 300,
  /** A layout is reshaped only when its proportions and the canvas's differ by more than this factor. */
  aspectTolerance: 1.3,
} as const;

/** A node's box for layout purposes: the node and its label below it (12 px text, 3 px apart). */
export function labelBox(label: string): NodeBox {
  const half = Math.max(NODE_SIZE, labelWidth(label)) / 2;
  return { left: half, right: half, top: NODE_SIZE / 2, bottom: NODE_SIZE / 2 + 19 };
}

/**
 * Shapes the positions of a small graph's definitions to a canvas of `width`×`height` (in place): a layout far from
 * the canvas's proportions (a landscape layout on a phone held upright) is scaled to them and its label boxes pulled
 * apart again, so the first view uses the whole canvas. Returns whether any position changed.
 */
export function shapeForCanvas(elements: ElementDefinition[], width: number, height: number): boolean {
  const nodes = elements.filter((el) => el.group === 'nodes' && el.position);
  if (nodes.length < 3 || nodes.length > FIRST_VIEW.maxShapedNodes || width <= 0 || height <= 0) return false;
  const aspect = Math.max(width - 2 * FIRST_VIEW.margin, 1) / Math.max(height - 2 * FIRST_VIEW.margin, 1);
  const positions = new Map<string, Position>(nodes.map((n) => [String(n.data.id), n.position!]));
  const boxes = new Map(nodes.map((n) => [String(n.data.id), labelBox(String(n.data['label'] ?? ''))]));
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [id, p] of positions) {
    const b = boxes.get(id)!;
    minX = Math.min(minX, p.x - b.left);
    maxX = Math.max(maxX, p.x + b.right);
    minY = Math.min(minY, p.y - b.top);
    maxY = Math.max(maxY, p.y + b.bottom);
  }
  const now = (maxX - minX) / Math.max(maxY - minY, 1);
  const ratio = now > aspect ? now / aspect : aspect / now;
  if (ratio <= FIRST_VIEW.aspectTolerance) return false;
  const shaped = toAspect(separate(toAspect(positions, boxes, aspect, false), boxes, 3), boxes, aspect, true);
  for (const n of nodes) n.position = shaped.get(String(n.data.id))!;
  return true;
}

/** The camera that shows every shown element of a small graph whole, labels included, with a margin; by positions for large ones. */
export function firstViewport(cy: Core): { zoom: number; pan: { x: number; y: number } } {
  const shown = cy.elements(':visible');
  if (shown.nodes().length > FIRST_VIEW.maxShapedNodes || shown.empty()) {
    fitToPositions(cy);
    return { zoom: cy.zoom(), pan: { ...cy.pan() } };
  }
  // The nodes with their names below them at the stylesheet's size, as the layout spaced them: not Cytoscape's box of
  // the labels as they are now, which the label placement changes (sides, size at this zoom, hidden), so that the same
  // graph on the same canvas always gets the same first view and Reset view returns exactly to it.
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  shown.nodes().forEach((n) => {
    const p = n.position();
    const b = labelBox(String(n.data('label') ?? ''));
    x1 = Math.min(x1, p.x - b.left);
    x2 = Math.max(x2, p.x + b.right);
    y1 = Math.min(y1, p.y - b.top);
    y2 = Math.max(y2, p.y + b.bottom);
  });
  const box = { x1, y1, w: x2 - x1, h: y2 - y1 };
  const margin = FIRST_VIEW.margin;
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(MAX_FIT_ZOOM, (cy.width() - 2 * margin) / Math.max(box.w, 1), (cy.height() - 2 * margin) / Math.max(box.h, 1)),
  );
  return { zoom, pan: { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) } };
}
