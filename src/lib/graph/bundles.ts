// Parallel relations as one drawn line: what the canvas draws, and what an import is judged by before it is drawn.
import type { Relation } from './types.ts';

/**
 * Up to this many parallel relations (same ends, type and modality) are drawn one by one, as Cytoscape fans them out
 * readably; more become one line with a count. Real graphs have pairs and triples (euroSIS has 1,062 bundles of 2–3);
 * hostile or generated ones have 50,000.
 */
export const MAX_FANNED = 8;

/** The key parallel relations share: the same ends (either way round for a symmetric type), type and modality. */
export function parallelKey(r: Relation, symmetric: boolean): string {
  const [a, b] = symmetric && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
  return `${a}\u0000${b}\u0000${r.type}\u0000${r.modality}\u0000${symmetric ? 's' : 'd'}`;
}

/**
 * Relations as drawn lines: each on its own, except more than MAX_FANNED parallel ones, which share one line, so
 * 50,000 imported a→b edges or 400,000 loops on one entity draw as one line with a count instead of freezing the
 * page. Lines come in graph order; a shared line lists its relations in graph order.
 */
export function bundles(relations: readonly Relation[], relationTypes: ReadonlyMap<string, { symmetric: boolean }>): Relation[][] {
  const byKey = new Map<string, Relation[]>();
  for (const r of relations) {
    const key = parallelKey(r, relationTypes.get(r.type)?.symmetric ?? false);
    const members = byKey.get(key);
    if (members) members.push(r);
    else byKey.set(key, [r]);
  }
  return [...byKey.values()].flatMap((members) => (members.length > MAX_FANNED ? [members] : members.map((r) => [r])));
}
