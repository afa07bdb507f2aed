// How each kind of relation line looks — colour and dash — in one table, read by the canvas stylesheet, the legend of
// exported pictures and the filter panel's key, so the three never disagree.
import type { Modality } from '../graph/types.ts';

export type LineKind = Modality | 'inferred' | 'negated';

/** A line's colour (`undefined`: the modality's) and dash pattern in px (empty: solid). Dotted lines are `[2, 2]`. */
export const LINE_LOOK: Record<LineKind, { color: string; dash: readonly number[] }> = {
  fact: { color: '#94a3b8', dash: [] },
  opinion: { color: '#c084fc', dash: [6, 3] },
  prediction: { color: '#f59e0b', dash: [2, 2] },
  question: { color: '#0ea5e9', dash: [2, 2] },
  // Inferred keeps its modality's colour on the canvas; legends show it in grey.
  inferred: { color: '#64748b', dash: [2, 5] },
  negated: { color: '#dc2626', dash: [9, 4] },
};

/** The kinds in legend order. */
export const LINE_KINDS = Object.keys(LINE_LOOK) as LineKind[];
