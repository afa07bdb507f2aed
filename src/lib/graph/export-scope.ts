// What an export covers ("what you see", the selection, the path, a neighbourhood, everything) and its file name.
import type { KnowledgeGraph } from './model.ts';
import { neighbourhood } from './neighbourhood.ts';
import type { Selection } from './subgraph.ts';

export const EXPORT_SCOPES = ['visible', 'selection', 'path', 'neighbourhood', 'all'] as const;
export type ExportScopeKind = (typeof EXPORT_SCOPES)[number];

export type ExportScope =
  { kind: 'visible' } | { kind: 'selection' } | { kind: 'path' } | { kind: 'neighbourhood'; id: string; depth: number } | { kind: 'all' };

/** The view facts a scope is resolved against. */
export interface ScopeContext {
  visible: Selection;
  /** Selected entity and/or relation. */
  entity?: string | undefined;
  relation?: string | undefined;
  /** Entity and relation ids of the highlighted path(s). */
  path?: ReadonlySet<string> | undefined;
  /** Path endpoints, for the file name. */
  pathEnds?: { from: string; to: string } | undefined;
}

/**
 * The entities and relations a scope covers. The selection is the selected relation with its two ends, or the
 * selected entity with its visible relations and their other ends. An empty result means nothing to export.
 */
export function resolveScope(graph: KnowledgeGraph, scope: ExportScope, context: ScopeContext): Selection {
  switch (scope.kind) {
    case 'all':
      return { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
    case 'visible':
      return context.visible;
    case 'path': {
      const ids = context.path ?? new Set<string>();
      return { nodes: new Set([...ids].filter((id) => graph.hasNode(id))), edges: new Set([...ids].filter((id) => graph.hasEdge(id))) };
    }
    case 'neighbourhood': {
      if (!graph.hasNode(scope.id)) return { nodes: new Set(), edges: new Set() };
      const { distances, relations } = neighbourhood(graph, scope.id, scope.depth, {
        edgeFilter: (e) => context.visible.edges.has(e) || !context.visible.nodes.size,
      });
      return { nodes: new Set(distances.keys()), edges: new Set(relations) };
    }
    case 'selection': {
      if (context.relation && graph.hasEdge(context.relation)) {
        return { nodes: new Set(graph.extremities(context.relation)), edges: new Set([context.relation]) };
      }
      if (!context.entity || !graph.hasNode(context.entity)) return { nodes: new Set(), edges: new Set() };
      const nodes = new Set([context.entity]);
      const edges = new Set<string>();
      graph.forEachEdge(context.entity, (edge, _a, source, target) => {
        if (!context.visible.edges.has(edge)) return;
        edges.add(edge);
        nodes.add(source).add(target);
      });
      return { nodes, edges };
    }
  }
}

/** A file name that says what is inside: `deepseek-neighbourhood-d2.svg`, `high-flyer-to-jd-cloud.png`. */
export function exportFileName(scope: ExportScope, context: ScopeContext, extension: string): string {
  const safe = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'graph';
  let base: string;
  switch (scope.kind) {
    case 'all':
      base = 'whole-graph';
      break;
    case 'visible':
      base = 'visible-view';
      break;
    case 'path':
      base = context.pathEnds ? `${safe(context.pathEnds.from)}-to-${safe(context.pathEnds.to)}` : 'path';
      break;
    case 'neighbourhood':
      base = `${safe(scope.id)}-neighbourhood-d${scope.depth}`;
      break;
    case 'selection':
      base = `selection-${safe(context.relation ?? context.entity ?? 'none')}`;
      break;
  }
  return `${base}.${extension.replace(/^\./, '')}`;
}
