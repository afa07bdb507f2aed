// Runs fcose in a Web Worker for graphs without positions, and applies the result; stoppable, never blocking the page.
import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import type { LayoutRequest, LayoutResponse } from '../workers/layout-worker.ts';
import { labelWidth, NODE_SIZE, truncate } from './elements.ts';
import { passGate } from '../test-gates.ts';

export interface LayoutRun {
  /** Settles when the final positions are in place (with the time the worker took), or undefined when stopped. */
  done: Promise<{ ms: number } | undefined>;
  /** Stops the worker; the positions already applied (a draft, say) stay. */
  stop(): void;
}

/**
 * Lays out the visible graph in a worker. `incremental` refines current positions instead of starting afresh; a
 * fresh layout shows fcose's quick draft first and then refines it, calling `onDraft` in between.
 */
export function layoutInWorker(cy: Core, incremental: boolean, onDraft?: () => void): LayoutRun {
  const worker = new Worker(new URL('../workers/layout-worker.ts', import.meta.url), { type: 'module' });
  // fcose keeps nodes in plain objects keyed by id, where `__proto__` or `constructor` would break it: the worker
  // sees index keys, and the positions come back under the entities' ids.
  const ids = cy.nodes().map((n) => n.id());
  const key = new Map(ids.map((id, i) => [id, String(i)]));
  const request: LayoutRequest = {
    nodes: cy.nodes().map((n, i) => ({
      id: String(i),
      w: Math.max(NODE_SIZE, labelWidth(truncate(String(n.data('label') ?? '')))),
      h: NODE_SIZE + 16,
      ...(incremental ? n.position() : {}),
    })),
    edges: cy.edges().map((e, i) => ({ id: `e${i}`, source: key.get(e.source().id())!, target: key.get(e.target().id())! })),
    incremental,
    seed: 42,
  };
  let settle: (value: { ms: number } | undefined) => void = () => {};
  const done = new Promise<{ ms: number } | undefined>((resolve) => (settle = resolve));
  let applying: cytoscape.Layouts | undefined;
  let stopped = false;
  worker.onmessage = async (event: MessageEvent<LayoutResponse>) => {
    const { phase, ms } = event.data;
    const positions = new Map(event.data.positions.map(([index, position]) => [ids[Number(index)]!, position]));
    if (phase === 'final') {
      worker.terminate();
      // e2e builds may hold the refined result here (a no-op elsewhere); a stop meanwhile keeps the draft.
      await passGate('layout-final');
      if (stopped) return;
    }
    // The draft's animation may still be running when the refined positions arrive.
    applying?.stop();
    // A preset layout moves every node (animated when there are few) and fits the view once they have arrived.
    const layout = cy.nodes().layout({
      name: 'preset',
      positions: (n: { id(): string; position(): { x: number; y: number } }) => positions.get(n.id()) ?? n.position(),
      animate: cy.nodes().length <= 500,
      animationDuration: 500,
      fit: true,
      padding: 30,
    } as cytoscape.LayoutOptions);
    applying = layout;
    if (phase === 'final') layout.one('layoutstop', () => settle({ ms }));
    else onDraft?.();
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
      stopped = true;
      worker.terminate();
      settle(undefined);
    },
  };
}
