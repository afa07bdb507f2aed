// Running the chosen lenses: at once for small graphs, in a worker for large ones, and always for what is in view.
import type { KnowledgeGraph } from '../graph/model.ts';
import type { CompiledGraph } from '../graph/types.ts';
import type { LensResult } from '../graph/lenses/index.ts';
import { runLens } from '../graph/lenses/index.ts';
import { filterPredicates } from '../graph/view-filter.ts';
import type { ViewFilter } from '../graph/view-filter.ts';
import type { LensRequest, LensResponse } from '../workers/lens-worker.ts';
import { scaleOf } from '../graph/lenses/scale.ts';
import { TYPE_PALETTE } from '../graph/formats/colors.ts';
import type { Explorer } from './explorer.svelte.ts';

/** Graphs up to this many entities compute lenses on the page (betweenness is quadratic-ish, so it has its own). */
const SYNC_LIMIT: Record<string, number> = { betweenness: 800, default: 3000 };

export type LensState =
  { kind: 'off' } | { kind: 'running'; lens: string } | { kind: 'done'; result: LensResult } | { kind: 'error'; message: string };

/** One lens slot (size or colour): its latest result, recomputed when the graph, filters or lens change. */
export class LensSlot {
  state: LensState = $state.raw({ kind: 'off' });
  #worker: Worker | undefined;
  #ticket = 0;

  run(lens: string | undefined, graph: KnowledgeGraph, compiled: CompiledGraph, filter: ViewFilter): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    const ticket = ++this.#ticket;
    if (!lens) {
      this.state = { kind: 'off' };
      return;
    }
    const limit = SYNC_LIMIT[lens] ?? SYNC_LIMIT['default']!;
    if (graph.order <= limit) {
      try {
        const { node, edge } = filterPredicates(graph, filter);
        this.state = { kind: 'done', result: runLens(graph, lens, {}, { nodeFilter: node, edgeFilter: edge }) };
      } catch (error) {
        this.state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
      }
      return;
    }
    this.state = { kind: 'running', lens };
    const worker = new Worker(new URL('../workers/lens-worker.ts', import.meta.url), { type: 'module' });
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<LensResponse>) => {
      worker.terminate();
      if (ticket !== this.#ticket) return;
      this.#worker = undefined;
      this.state =
        event.data.kind === 'done' ? { kind: 'done', result: event.data.result } : { kind: 'error', message: event.data.message };
    };
    const request: LensRequest = { graph: $state.snapshot(compiled) as CompiledGraph, lens, filter: $state.snapshot(filter) as ViewFilter };
    worker.postMessage(request);
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ticket++;
    if (this.state.kind === 'running') this.state = { kind: 'off' };
  }
}

/** Distinct colours for communities: the same colour-blind-friendly palette imported entity types get. */
export const COMMUNITY_COLOURS = TYPE_PALETTE;

/**
 * The explorer's lenses: a size slot for `explorer.sizeLens`, a colour slot for `explorer.colourLens` (communities
 * when it is 'louvain', off for type colours), and what they give the canvas. Each slot recomputes only when the
 * graph, the filters or its own lens change.
 */
export class Lenses {
  readonly size = new LensSlot();
  readonly colour = new LensSlot();
  readonly #explorer: Explorer;

  /** Node sizes in px from the size lens, by entity id; undefined unless a size result is in. */
  readonly sizes: ReadonlyMap<string, number> | undefined = $derived.by(() => {
    const s = this.size.state;
    if (s.kind !== 'done' || s.result.kind !== 'size') return undefined;
    const scale = scaleOf(s.result.values);
    return new Map([...s.result.values].map(([id, v]) => [id, scale.size(v)]));
  });

  /** Node colours from the colour lens's communities, by entity id; undefined unless a colour result is in. */
  readonly colours: ReadonlyMap<string, string> | undefined = $derived.by(() => {
    const s = this.colour.state;
    if (s.kind !== 'done' || s.result.kind !== 'colour') return undefined;
    return new Map([...s.result.values].map(([id, c]) => [id, COMMUNITY_COLOURS[c % COMMUNITY_COLOURS.length]!]));
  });

  constructor(explorer: Explorer) {
    this.#explorer = explorer;
  }

  /** Runs the size slot for the explorer's size lens over its graph and filters (off when no size lens is chosen). */
  updateSize(): void {
    const explorer = this.#explorer;
    this.size.run(explorer.sizeLens, explorer.graph, explorer.compiled, explorer.filter);
  }

  /** Runs the colour slot: communities when the colour lens is 'louvain', off for type colours. */
  updateColour(): void {
    const explorer = this.#explorer;
    this.colour.run(explorer.colourLens === 'louvain' ? 'louvain' : undefined, explorer.graph, explorer.compiled, explorer.filter);
  }

  /**
   * Keeps both slots in step with the explorer, one effect each, so a change of one lens leaves the other's result
   * alone. Creates effects: call it while a component is set up, or inside `$effect.root`.
   */
  track(): void {
    $effect(() => this.updateSize());
    $effect(() => this.updateColour());
  }
}
