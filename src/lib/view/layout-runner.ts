// Runs fcose in a Web Worker for graphs without positions, and applies the result; stoppable, never blocking the page.
import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import type { LayoutRequest, LayoutResponse } from '../workers/layout-worker.ts';
import { labelWidth, NODE_SIZE, truncate } from './elements.ts';

export interface LayoutRun {
  done: Promise<{ ms: number } | undefined>;
  stop(): void;
}

/** Lays out the visible graph in a worker. `incremental` refines current positions instead of starting afresh. */
export function layoutInWorker(cy: Core, incremental: boolean): LayoutRun {
  const worker = new Worker(new URL('../workers/layout-worker.ts', import.meta.url), { type: 'module' });
  const request: LayoutRequest = {
    nodes: cy.nodes().map((n) => ({
      id: n.id(),
      w: Math.max(NODE_SIZE, labelWidth(truncate(String(n.data('label') ?? '')))),
      h: NODE_SIZE + 16,
      ...(incremental ? n.position() : {}),
    })),
    edges: cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() })),
    incremental,
    seed: 42,
  };
  let settle: (value: { ms: number } | undefined) => void = () => {};
  const done = new Promise<{ ms: number } | undefined>((resolve) => (settle = resolve));
  worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
    worker.terminate();
    const { positions, ms } = event.data;
    // A preset layout moves every node (animated when there are few) and fits the view once they have arrived.
    const layout = cy.nodes().layout({
      name: 'preset',
      positions: (n: { id(): string; position(): { x: number; y: number } }) => positions[n.id()] ?? n.position(),
      animate: cy.nodes().length <= 500,
      animationDuration: 500,
      fit: true,
      padding: 30,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => settle({ ms }));
    layout.run();
  };
  worker.onerror = () => {
    worker.terminate();
    settle(undefined);
  };
  worker.postMessage(request);
  return {
    done,
    stop() {
      worker.terminate();
      settle(undefined);
    },
  };
}
