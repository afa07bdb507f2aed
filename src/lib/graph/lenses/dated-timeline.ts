// The dates relations carry, in order and counted: the stops of the "as of" time slider.
import type { KnowledgeGraph } from '../model.ts';
import { asOfBound, relationStart } from './as-of.ts';

export interface TimelineStop {
  /** The date as written on the relations (`2023`, `2023-06`, `2000s`). */
  date: string;
  /** Its first day, `YYYY-MM-DD`. */
  start: string;
  /** Relations carrying exactly this date. */
  count: number;
  /** Dated relations counted "as of" this date (begun by its end), i.e. what `relationsAsOf` keeps besides undated ones. */
  asOf: number;
}

export interface Timeline {
  stops: TimelineStop[];
  /** Relations without a (well-formed) date, which the slider cannot place. */
  undated: number;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every distinct relation date with its count, ordered by the day it ends (the slider's order), plus the undated count. */
export function datedTimeline(graph: KnowledgeGraph, options: { edgeFilter?: (id: string) => boolean } = {}): Timeline {
  const counts = new Map<string, { start: string; count: number }>();
  let undated = 0;
  graph.forEachEdge((id, relation) => {
    if (options.edgeFilter && !options.edgeFilter(id)) return;
    const start = relationStart(relation);
    if (start === undefined || relation.date === undefined) {
      undated++;
      return;
    }
    const entry = counts.get(relation.date);
    if (entry) entry.count++;
    else counts.set(relation.date, { start, count: 1 });
  });
  // Stops go by the day they end (then start, then as written), so moving the slider right only ever adds relations:
  // "2023-06" comes before "2023", and a decade after the years in it.
  const entries = [...counts].map(([date, { start, count }]) => ({ date, start, end: asOfBound(date), count }));
  entries.sort((a, b) => byCodeUnits(a.end, b.end) || byCodeUnits(a.start, b.start) || byCodeUnits(a.date, b.date));
  // "As of" a stop counts every dated relation starting by its end: prefix sums over the starts, and a binary search.
  const byStart = [...entries].sort((a, b) => byCodeUnits(a.start, b.start));
  const prefix = [0];
  for (const e of byStart) prefix.push(prefix[prefix.length - 1]! + e.count);
  const countUpTo = (bound: string): number => {
    let lo = 0;
    let hi = byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byStart[mid]!.start <= bound) lo = mid + 1;
      else hi = mid;
    }
    return prefix[lo]!;
  };
  const stops = entries.map(({ date, start, end, count }) => ({ date, start, count, asOf: countUpTo(end) }));
  return { stops, undated };
}
