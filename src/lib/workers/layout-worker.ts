// Web Worker: runs fcose in headless Cytoscape for graphs that arrive without positions, off the main thread. A fresh
// layout comes in two steps: a quick draft (fcose's spectral stage only) the page shows at once, then the refined
// layout, which the user can stop and keep the draft.
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
  /** `draft` is followed by `final`; an incremental run sends only `final`. */
  phase: 'draft' | 'final';
  /** Each node's position, as [id, position] pairs: ids such as `__proto__` would be lost as keys of a plain object. */
  positions: Array<[string, { x: number; y: number }]>;
  /** Time since the request arrived. */
  ms: number;
}

/** Above this many nodes the draft is final: fcose's refinement would take minutes. */
export const REFINE_MAX_NODES = 3000;

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
  const post = (phase: LayoutResponse['phase']): void => {
    const positions: LayoutResponse['positions'] = cy.nodes().map((n) => [n.id(), n.position()]);
    (self as unknown as { postMessage(m: LayoutResponse): void }).postMessage({ phase, positions, ms: performance.now() - started });
  };
  const run = (quality: 'draft' | 'default', randomize: boolean): void => {
    cy.layout(fcoseOptions(nodes.length, { randomize, nodeDimensionsIncludeLabels: false, quality })).run();
  };
  if (!incremental) {
    run('draft', true);
    if (nodes.length > REFINE_MAX_NODES) {
      post('final');
      cy.destroy();
      return;
    }
    post('draft');
  }
  run(nodes.length > REFINE_MAX_NODES ? 'draft' : 'default', false);
  post('final');
  cy.destroy();
};
