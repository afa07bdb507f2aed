// Web Worker: runs an analysis lens on a large graph off the main thread.
import { buildGraph } from '../graph/model.ts';
import { runLens } from '../graph/lenses/index.ts';
import type { LensResult } from '../graph/lenses/index.ts';
import { filterPredicates } from '../graph/view-filter.ts';
import type { ViewFilter } from '../graph/view-filter.ts';
import type { CompiledGraph } from '../graph/types.ts';
import { KgError } from '../graph/errors.ts';

export interface LensRequest {
  graph: CompiledGraph;
  lens: string;
  filter: ViewFilter;
}

export type LensResponse = { kind: 'done'; result: LensResult } | { kind: 'error'; message: string };

self.onmessage = (event: MessageEvent<LensRequest>) => {
  const post = (m: LensResponse): void => (self as unknown as { postMessage(m: LensResponse): void }).postMessage(m);
  try {
    const graph = buildGraph(event.data.graph);
    const { node, edge } = filterPredicates(graph, event.data.filter);
    post({ kind: 'done', result: runLens(graph, event.data.lens, {}, { nodeFilter: node, edgeFilter: edge }) });
  } catch (error) {
    post({ kind: 'error', message: error instanceof KgError ? error.message : String(error) });
  }
};
