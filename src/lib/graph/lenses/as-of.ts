// The graph "as of" a date: only relations that had begun by then, for metrics, paths and the time slider.
import { fail } from '../errors.ts';
import type { KnowledgeGraph } from '../model.ts';
import { DATE, dateLowerBound, dateUpperBound } from '../text-checks.ts';
import type { Relation } from '../types.ts';

export interface AsOfOptions {
  /**
   * Whether relations without a date count. Default `true`: in curated data a missing date means "not recorded",
   * not "never", and most relations have none — leaving them out would leave a handful of dated relations.
   */
  includeUndated: boolean;
}

export const DEFAULTS: AsOfOptions = { includeUndated: true };

/** A relation's start as a sortable `YYYY-MM-DD`, or `undefined` when it has no (well-formed) date. */
export function relationStart(relation: Relation): string | undefined {
  return relation.date !== undefined && DATE.test(relation.date) ? dateLowerBound(relation.date) : undefined;
}

/**
 * The last day a date can mean, as a sortable `YYYY-MM-DD`: "as of 2023" means "by the end of 2023", so that a
 * relation dated 2023-06 is part of the 2023 picture. Months end at day 31 (only ever compared, never shown).
 * Fails with `LENS_BAD_DATE` for anything but `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a decade `YYY0s`.
 */
export function asOfBound(date: string): string {
  if (!DATE.test(date)) {
    fail('LENS_BAD_DATE', `lenses: "${date}" is not a date`, {
      field: 'asOf',
      hint: 'use YYYY, YYYY-MM, YYYY-MM-DD or a decade like 2010s',
    });
  }
  return dateUpperBound(date);
}

/**
 * A predicate on relation ids: whether the relation had begun by `date` (its date's lower bound is on or before the
 * end of `date`). Plugs into a lens's `edgeFilter` and a path query's `view.edgeVisible`.
 */
export function asOfEdgeFilter(graph: KnowledgeGraph, date: string, options: Partial<AsOfOptions> = {}): (id: string) => boolean {
  const { includeUndated } = { ...DEFAULTS, ...options };
  const bound = asOfBound(date);
  return (id) => {
    const start = relationStart(graph.getEdgeAttributes(id));
    return start === undefined ? includeUndated : start <= bound;
  };
}

/** Ids of the relations that had begun by `date`, in graph order. */
export function relationsAsOf(graph: KnowledgeGraph, date: string, options: Partial<AsOfOptions> = {}): Set<string> {
  const keep = asOfEdgeFilter(graph, date, options);
  return new Set(graph.filterEdges((id) => keep(id)));
}

/** A copy of the graph with every entity but only the relations that had begun by `date`. The input is not changed. */
export function graphAsOf(graph: KnowledgeGraph, date: string, options: Partial<AsOfOptions> = {}): KnowledgeGraph {
  const keep = asOfEdgeFilter(graph, date, options);
  const copy: KnowledgeGraph = graph.emptyCopy();
  graph.forEachEdge((id, relation, source, target, _s, _t, undirected) => {
    if (!keep(id)) return;
    if (undirected) copy.addUndirectedEdgeWithKey(id, source, target, { ...relation });
    else copy.addDirectedEdgeWithKey(id, source, target, { ...relation });
  });
  return copy;
}
