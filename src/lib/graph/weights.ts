// Relation weights from imported graphs: what a lens may sum. Kept finite so that weighted degree, PageRank and
// Louvain never meet Infinity or NaN (1e308 + 1e308 is Infinity; a negative weight breaks PageRank's normalisation).

/** The largest weight kept: sums of millions of such weights stay far below Number.MAX_VALUE and exact enough. */
export const MAX_WEIGHT = 1e15;

/** What an imported numeric weight becomes: itself, clamped to MAX_WEIGHT, or undefined (dropped) when unusable. */
export function checkedWeight(weight: number): { value: number | undefined; changed: 'dropped' | 'clamped' | undefined } {
  if (!Number.isFinite(weight) || weight < 0) return { value: undefined, changed: 'dropped' };
  if (weight > MAX_WEIGHT) return { value: MAX_WEIGHT, changed: 'clamped' };
  return { value: weight, changed: undefined };
}
