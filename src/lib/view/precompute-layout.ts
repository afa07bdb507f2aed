// The deterministic layout computed at build time in headless Cytoscape, so the app shows the graph without a layout run.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CompiledGraph, Position } from '../graph/types.ts';
import { layoutBox } from './elements.ts';
import { fcoseOptions, seededRandom } from './layouts.ts';

cytoscape.use(fcose);

/**
 * Computes positions ahead of time in headless Cytoscape, deterministically (seeded Math.random during the run).
 * Node boxes include their labels in either language, so the app can show the graph without running a layout.
 */
export function computePositions(graph: CompiledGraph, seed = 42): Record<string, Position> {
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
    cy.layout(fcoseOptions(graph.entities.length, { nodeDimensionsIncludeLabels: false })).run();
  } finally {
    Math.random = random;
  }
  const positions: Record<string, Position> = Object.create(null) as Record<string, Position>;
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  cy.destroy();
  // Sorted keys keep the artifact byte-identical.
  return Object.fromEntries(Object.entries(positions).sort(([a], [b]) => (a < b ? -1 : 1)));
}
