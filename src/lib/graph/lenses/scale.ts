// Maps a lens's values to node sizes (square-root scale, so area grows with the value) and describes it for the legend.

export interface ScaleOptions {
  /** Size in px of the smallest value. */
  minSize: number;
  /** Size in px of the largest value. */
  maxSize: number;
}

export const DEFAULTS: ScaleOptions = { minSize: 16, maxSize: 60 };

export interface SizeScale {
  /** Smallest and largest finite value (both 0 when there are none). */
  min: number;
  max: number;
  minSize: number;
  maxSize: number;
  /** Node size in px for a value; values outside min..max are clamped, non-finite ones get `minSize`. */
  size: (value: number) => number;
  /** Three stops (min, middle, max) with their sizes, for the legend; one stop when every value is the same. */
  legend: { value: number; size: number }[];
}

function isMap(values: Iterable<number> | ReadonlyMap<string, number>): values is ReadonlyMap<string, number> {
  return values instanceof Map;
}

/**
 * A square-root size scale over `values` (a list, or a lens's per-entity map): `minSize` at the smallest value,
 * `maxSize` at the largest. When all values are equal nothing stands out, so everything gets `minSize`.
 */
export function scaleOf(values: Iterable<number> | ReadonlyMap<string, number>, options: Partial<ScaleOptions> = {}): SizeScale {
  const { minSize, maxSize } = { ...DEFAULTS, ...options };
  let min = Infinity;
  let max = -Infinity;
  const list = isMap(values) ? values.values() : values;
  for (const v of list) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) min = max = 0;
  const span = max - min;
  const size = (value: number): number => {
    if (!Number.isFinite(value) || span === 0) return minSize;
    const t = Math.min(1, Math.max(0, (value - min) / span));
    return minSize + (maxSize - minSize) * Math.sqrt(t);
  };
  const stops = span === 0 ? [min] : [min, min + span / 2, max];
  return { min, max, minSize, maxSize, size, legend: stops.map((value) => ({ value, size: size(value) })) };
}
