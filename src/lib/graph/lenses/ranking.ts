// Turns a metric's values into a ranking: highest first, ties broken by id so the order never depends on the run.

export interface Ranked {
  id: string;
  value: number;
}

/** Entries sorted by value (highest first), then id; at most `top` of them when given. */
export function ranking(values: ReadonlyMap<string, number>, top?: number): Ranked[] {
  const rows = [...values].map(([id, value]) => ({ id, value }));
  rows.sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return top === undefined ? rows : rows.slice(0, Math.max(0, top));
}
