// Parallel relations as one drawn line: what the canvas draws, and what an import is judged by before it is drawn.
import type { Relation } from './types.ts';

/**
 * Relations as drawn lines: parallel relations with the same ends (either way round for a symmetric type), type and
 * modality share one line, so 50,000 imported a→b edges or 400,000 loops on one entity draw as one line with a count
 * instead of freezing the page. Each bundle lists its relations in graph order.
 */
export function bundles(relations: readonly Relation[], relationTypes: ReadonlyMap<string, { symmetric: boolean }>): Relation[][] {
  const byKey = new Map<string, Relation[]>();
  for (const r of relations) {
    const symmetric = relationTypes.get(r.type)?.symmetric ?? false;
    const [a, b] = symmetric && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
    const key = `${a}\u0000${b}\u0000${r.type}\u0000${r.modality}\u0000${symmetric ? 's' : 'd'}`;
    const members = byKey.get(key);
    if (members) members.push(r);
    else byKey.set(key, [r]);
  }
  return [...byKey.values()];
}
