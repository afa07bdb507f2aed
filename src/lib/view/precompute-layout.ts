// The deterministic layout computed at build time in headless Cytoscape, so the app shows the graph without a layout run.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CompiledGraph, Position } from '../graph/types.ts';
import { layoutBox } from './elements.ts';
import { fcoseOptions, seededRandom } from './layouts.ts';
import { boxExtent, separate, toAspect } from './compact-layout.ts';
import type { NodeBox } from './compact-layout.ts';

cytoscape.use(fcose);

export const PRECOMPUTE_DEFAULTS = {
  /** Seeds tried; the most compact result is kept (fcose's result varies a lot with the start). */
  seeds: [1, 2, 3, 4, 5, 6] as readonly number[],
  /**
   * The canvas the first view is shaped for, less its margins: the app's canvas at 1440×900 (the side panel takes
   * 380 px, the status line 20 px). The app stretches the layout to other canvases' proportions (first-view.ts).
   */
  aspect: (1060 - 48) / (830 - 48),
  /** Least distance between two nodes' boxes (labels included), in model px. */
  gap: 3,
  /**
   * fcose set for a dense drawing (short edges, strong gravity): the boxes are pulled apart afterwards, so the forces
   * only need to find who sits near whom.
   */
  fcose: { nodeSeparation: 15, idealEdgeLength: 50, nodeRepulsion: 2000, gravity: 3, gravityRange: 1.5 },
};

/** Each entity's box for the layout: the node, and its label (either language) below it. */
export function layoutBoxes(graph: CompiledGraph): Map<string, NodeBox> {
  return new Map(
    graph.entities.map((e) => {
      const { w, h } = layoutBox(e);
      const half = w / 2;
      return [e.id, { left: half, right: half, top: 13, bottom: h - 13 }];
    }),
  );
}

/**
 * Computes positions ahead of time in headless Cytoscape, deterministically (seeded Math.random during each run).
 * For each seed: fcose, then scaled to the first view's aspect ratio and the boxes pulled apart; the result whose boxes
 * need the least zoom-out to fit that canvas is kept. So the first view shows the whole graph with labels readable
 * and no two entities' boxes overlapping.
 */
export function computePositions(graph: CompiledGraph, options: Partial<typeof PRECOMPUTE_DEFAULTS> = {}): Record<string, Position> {
  const o = { ...PRECOMPUTE_DEFAULTS, ...options };
  const boxes = layoutBoxes(graph);
  let best: { positions: Map<string, Position>; size: number } | undefined;
  for (const seed of o.seeds) {
    const shaped = toAspect(
      separate(toAspect(fcoseRun(graph, seed, o.fcose), boxes, o.aspect, false), boxes, o.gap),
      boxes,
      o.aspect,
      true,
    );
    const extent = boxExtent(shaped, boxes);
    // The zoom that fits a box of this extent scales with 1 / max(width / aspect, height).
    const size = extent ? Math.max((extent.maxX - extent.minX) / o.aspect, extent.maxY - extent.minY) : 0;
    if (!best || size < best.size) best = { positions: shaped, size };
  }
  const positions: Record<string, Position> = Object.create(null) as Record<string, Position>;
  for (const [id, p] of best?.positions ?? []) positions[id] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  // Sorted keys keep the artifact byte-identical.
  return Object.fromEntries(Object.entries(positions).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function fcoseRun(graph: CompiledGraph, seed: number, tuning: Record<string, number>): Map<string, Position> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...graph.entities.map((e) => ({ group: 'nodes' as const, data: { id: e.id, ...layoutBox(e) } })),
      ...graph.relations.map((r) => ({ group: 'edges' as const, data: { id: r.id, source: r.source, target: r.target } })),
    ],
  });
  const random = Math.random;
  Math.random = seededRandom(seed);
  try {
    cy.layout(
      fcoseOptions(graph.entities.length, {
        nodeDimensionsIncludeLabels: false,
        nodeSeparation: tuning['nodeSeparation'],
        idealEdgeLength: () => tuning['idealEdgeLength'],
        nodeRepulsion: () => tuning['nodeRepulsion'],
        gravity: tuning['gravity'],
        gravityRange: tuning['gravityRange'],
      }),
    ).run();
  } finally {
    Math.random = random;
  }
  const positions = new Map<string, Position>();
  cy.nodes().forEach((n) => {
    positions.set(n.id(), { ...n.position() });
  });
  cy.destroy();
  return positions;
}
