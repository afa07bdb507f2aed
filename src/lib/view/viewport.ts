// Camera helpers that work from node positions only, so they stay cheap on graphs of thousands of elements.
import type { Core } from 'cytoscape';

/** Fitting never zooms in further than reading size: a two-node path should not fill the screen. */
export const MAX_FIT_ZOOM = 1.4;

/**
 * Fits the view to node positions alone. Cytoscape's own fit measures every element's bounding box, which computes
 * the style and label size of every element first: seconds on a graph of thousands, before anything is drawn.
 * `positions` defaults to those of the nodes on the canvas (a graph still being added passes all of its own).
 */
export function fitToPositions(cy: Core, padding = 40, positions: Iterable<{ x: number; y: number }> = nodePositions(cy)): void {
  const box = positionBounds(positions);
  if (!box) return;
  const width = Math.max(box.maxX - box.minX, 1);
  const height = Math.max(box.maxY - box.minY, 1);
  const zoom = Math.min(
    MAX_FIT_ZOOM,
    Math.max(cy.minZoom(), Math.min((cy.width() - 2 * padding) / width, (cy.height() - 2 * padding) / height)),
  );
  cy.viewport({ zoom, pan: { x: cy.width() / 2 - zoom * (box.minX + width / 2), y: cy.height() / 2 - zoom * (box.minY + height / 2) } });
}

/** The box around some positions, or undefined when there are none. */
export function positionBounds(
  positions: Iterable<{ x: number; y: number }>,
): { minX: number; minY: number; maxX: number; maxY: number } | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const { x, y } of positions) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : undefined;
}

function nodePositions(cy: Core): { x: number; y: number }[] {
  return cy.nodes().map((n) => n.position());
}
