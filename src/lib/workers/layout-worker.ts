// Web Worker: runs fcose in headless Cytoscape for graphs that arrive without positions, off the main thread.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { fcoseOptions, seededRandom } from '../view/layouts.ts';

cytoscape.use(fcose);

export interface LayoutRequest {
  nodes: Array<{ id: string; w: number; h: number; x?: number; y?: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /** Start from the given positions (refinement) instead of from scratch. */
  incremental: boolean;
  seed: number;
}

export interface LayoutResponse {
  positions: Record<string, { x: number; y: number }>;
  ms: number;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const started = performance.now();
  const { nodes, edges, incremental, seed } = event.data;
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...nodes.map((n) => ({
        group: 'nodes' as const,
        data: { id: n.id, w: n.w, h: n.h },
        ...(n.x !== undefined && n.y !== undefined ? { position: { x: n.x, y: n.y } } : {}),
      })),
      ...edges.map((e) => ({ group: 'edges' as const, data: e })),
    ],
  });
  Math.random = seededRandom(seed);
  cy.layout(
    fcoseOptions(nodes.length, {
      randomize: !incremental,
      nodeDimensionsIncludeLabels: false,
      quality: nodes.length > 800 ? 'draft' : 'default',
    }),
  ).run();
  const positions: LayoutResponse['positions'] = {};
  cy.nodes().forEach((n) => {
    positions[n.id()] = n.position();
  });
  cy.destroy();
  (self as unknown as { postMessage(m: LayoutResponse): void }).postMessage({ positions, ms: performance.now() - started });
};
