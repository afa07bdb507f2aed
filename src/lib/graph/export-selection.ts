// Chooses what a scripted export covers (kg export): type and modality filters, a focus, a path, or listed ids.
import type { KnowledgeGraph } from './model.ts';
import { KgError } from './errors.ts';
import { neighbourhood } from './neighbourhood.ts';
import type { PathOptions } from './paths/index.ts';
import { findPaths } from './paths/index.ts';
import type { Selection } from './subgraph.ts';
import { MODALITIES, type Modality } from './types.ts';
import { filterPredicates } from './view-filter.ts';

export interface ExportSelectionOptions {
  /** Only entities of these types. */
  types?: readonly string[] | undefined;
  /** Only relations of these types. */
  relations?: readonly string[] | undefined;
  /** Only relations of these modalities (default: every modality, questions included). */
  modalities?: readonly Modality[] | undefined;
  focus?: { id: string; depth: number } | undefined;
  /** The paths between two entities (all results of the query), under the same filters. */
  path?: { from: string; to: string; options?: Partial<PathOptions> } | undefined;
  /** Exactly these entities (and the relations among them). */
  ids?: readonly string[] | undefined;
}

/** The entities and relations a scripted export covers. Throws `EXPORT_EMPTY` when nothing is left. */
export function selectForExport(graph: KnowledgeGraph, options: ExportSelectionOptions): Selection {
  const entityTypes = new Set(graph.mapNodes((_, e) => e.type));
  const relationTypes = new Set(graph.mapEdges((_, r) => r.type));
  const { node, edge } = filterPredicates(graph, {
    hiddenEntityTypes: options.types ? [...entityTypes].filter((t) => !options.types!.includes(t)) : [],
    hiddenRelationTypes: options.relations ? [...relationTypes].filter((t) => !options.relations!.includes(t)) : [],
    modalities: options.modalities ?? MODALITIES,
  });
  let nodes: Set<string>;
  let edges: Set<string>;
  if (options.path) {
    const { from, to } = options.path;
    const result = findPaths(graph, from, to, { ...options.path.options, view: { nodeVisible: node, edgeVisible: edge } });
    if (result.paths.length === 0)
      throw new KgError({ code: 'EXPORT_EMPTY', severity: 'error', message: result.reason?.sentence ?? 'no path' });
    nodes = new Set(result.paths.flatMap((p) => p.nodes));
    edges = new Set(result.paths.flatMap((p) => p.edges.map((e) => e.id)));
  } else if (options.focus) {
    const n = neighbourhood(graph, options.focus.id, options.focus.depth, { nodeFilter: node, edgeFilter: edge });
    nodes = new Set(n.distances.keys());
    edges = new Set(n.relations);
  } else {
    nodes = new Set(graph.filterNodes((id) => node(id)));
    edges = new Set(graph.filterEdges((id) => edge(id)));
  }
  if (options.ids) {
    const wanted = new Set(options.ids);
    nodes = new Set([...nodes].filter((id) => wanted.has(id)));
    edges = new Set([...edges].filter((id) => nodes.has(graph.source(id)) && nodes.has(graph.target(id))));
  }
  if (nodes.size === 0)
    throw new KgError({ code: 'EXPORT_EMPTY', severity: 'error', message: 'nothing to export: the selection is empty' });
  return { nodes, edges };
}
