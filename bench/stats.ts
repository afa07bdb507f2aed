// Summary statistics and the result row every benchmark reports: median, min, max, p95, and a budget check.

/** Median, extremes and (for per-query timings) the 95th percentile of a list of measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  p95?: number;
  runs: number;
}

/** A budget on one figure: `value < limit` when `strict`, else `value ≤ limit`. */
export interface Budget {
  limit: number;
  strict: boolean;
}

export const STATUSES = ['met', 'not met', 'no budget', 'not available yet', 'not implemented', 'skipped', 'failed'] as const;
export type Status = (typeof STATUSES)[number];

export const UNITS = ['ms', 'kB', 'MB', '×', 'rows/s'] as const;
export type Unit = (typeof UNITS)[number];

/** One line of the results table and of latest.json. Figures are absent when nothing was measured. */
export interface ResultRow {
  group: string;
  name: string;
  unit: Unit;
  median?: number;
  min?: number;
  max?: number;
  p95?: number;
  runs?: number;
  budget?: Budget;
  status: Status;
  /** Values below this cannot be observed (long tasks are reported only from 50 ms): 0 means "below it". */
  floor?: number;
  note?: string;
}

/** The value at quantile `q` (nearest rank), or NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The middle value, or the upper of the two middle values: always an observed value. */
export function upperMedian(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

/** Summarises measurements; `withP95` for per-query timings, where the tail matters. */
export function summarize(values: readonly number[], withP95 = false): Summary {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    ...(withP95 ? { p95: quantile(values, 0.95) } : {}),
    runs: values.length,
  };
}

/** A row from a summary, with its budget (judged on the median) checked. */
export function measuredRow(group: string, name: string, unit: Unit, summary: Summary, budget?: Budget, note?: string): ResultRow {
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  return {
    group,
    name,
    unit,
    median: round(summary.median),
    min: round(summary.min),
    max: round(summary.max),
    ...(summary.p95 === undefined ? {} : { p95: round(summary.p95) }),
    runs: summary.runs,
    ...(budget ? { budget } : {}),
    status: budget ? (meets(summary.median, budget) ? 'met' : 'not met') : 'no budget',
    ...(note ? { note } : {}),
  };
}

/** A row for something not measured in this run, saying why. */
export function unmeasuredRow(group: string, name: string, status: Status, note?: string, unit: Unit = 'ms'): ResultRow {
  return { group, name, unit, status, ...(note ? { note } : {}) };
}

export function meets(value: number, budget: Budget): boolean {
  return budget.strict ? value < budget.limit : value <= budget.limit;
}

/** Milliseconds taken by each of `runs` calls of a synchronous `fn`, after `warmup` untimed calls. */
export function timeRuns(fn: () => unknown, { warmup, runs }: { warmup: number; runs: number }): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}
