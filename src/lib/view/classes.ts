// Every class the view puts on Cytoscape's elements, and the groups of them that the stylesheet, the bulk layer and
// picture exports act on. Each name is written here once: style.ts builds its selectors from these constants, and a
// relation class with a look of its own is added to RELATION_CLASS and OWN_LINE_CLASSES (with its rule in style.ts).
import type { Modality } from '../graph/types.ts';

/** Display state, set by the canvas from its CanvasState in one batch (cy.ts `apply`). */
export const VIEW_CLASS = {
  /** Filtered out: not displayed, not drawn by the bulk layer. */
  hidden: 'hidden',
  selected: 'selected',
  /** Outside the emphasis, on graphs small enough to fade (never with the bulk layer). */
  faded: 'faded',
  /** In the emphasis: the hovered or selected entity's neighbourhood. */
  neighbour: 'neighbour',
  path: 'path',
  /** A relation of the selection's emphasis: its label is shown even where edge labels are off for the graph's size. */
  labelled: 'labelled',
  /** A relation without a date, while the view is "as of" a date. */
  undated: 'undated',
} as const;
export type ViewClass = (typeof VIEW_CLASS)[keyof typeof VIEW_CLASS];
export const VIEW_CLASSES: readonly ViewClass[] = Object.values(VIEW_CLASS);

/**
 * Where a label goes, set by the canvas's label placement (canvas-labels.ts): hidden (it would cover another label or
 * a node), or on a side other than the default below. At most one of these is on an element.
 */
export const LABEL_CLASS = {
  hidden: 'label-hidden',
  above: 'label-above',
  right: 'label-right',
  left: 'label-left',
} as const;
export const LABEL_CLASSES: readonly string[] = Object.values(LABEL_CLASS);

/** On the hovered node: its name whole where the canvas cuts it with "…" (data `fullLabel`). */
export const LABEL_FULL = 'label-full';

/** A relation's modality, as a class on its edge. */
export const MODALITY_CLASS = {
  fact: 'fact',
  opinion: 'opinion',
  prediction: 'prediction',
  question: 'question',
} as const satisfies Record<Modality, string>;

/** Classes from a relation's type and bundling, set once when the edge is made (elements.ts). */
export const RELATION_CLASS = {
  /** Its type is directed: the line ends in an arrow. */
  directed: 'directed',
  symmetric: 'symmetric',
  /** The line stands for several parallel relations. */
  bundle: 'bundle',
  /** Inferred rather than stated by the source (`Relation.basis`). */
  inferred: 'inferred',
  /** The source says the relation does not hold (`Relation.negated`). */
  negated: 'negated',
} as const;

/**
 * Edges with a line of their own (dashed opinions, dotted forecasts and questions, inferred and denied relations):
 * Cytoscape always draws them, the bulk layer never.
 */
export const OWN_LINE_CLASSES = [
  MODALITY_CLASS.opinion,
  MODALITY_CLASS.prediction,
  MODALITY_CLASS.question,
  RELATION_CLASS.inferred,
  RELATION_CLASS.negated,
] as const;

/**
 * Set on every element of a picture while it is exported: Cytoscape then draws the element in full, bulk layer or
 * not, so the picture is Cytoscape's alone.
 */
export const EXPORTED = 'exported';

/** Set on every element while a picture is drawn: the picture draws its own labels over the graph (export-labels.ts). */
export const EXPORT_OWN_LABELS = 'export-own-labels';

/** View classes cleared while a picture is exported: it shows the chosen scope plainly (a path is kept on request). */
export const EXPORT_CLEARED: readonly ViewClass[] = [
  VIEW_CLASS.faded,
  VIEW_CLASS.neighbour,
  VIEW_CLASS.selected,
  VIEW_CLASS.labelled,
  VIEW_CLASS.hidden,
];

/** Edge classes that have Cytoscape draw an edge when the bulk layer draws the rest: they change how it looks. */
export const CY_DRAWN_EDGE_CLASSES = [
  VIEW_CLASS.selected,
  VIEW_CLASS.neighbour,
  VIEW_CLASS.path,
  VIEW_CLASS.labelled,
  VIEW_CLASS.faded,
  ...OWN_LINE_CLASSES,
  EXPORTED,
] as const;

/** Node classes that have Cytoscape draw a node's body (over the bulk layer's), as they change how it looks. */
export const CY_DRAWN_NODE_CLASSES = [VIEW_CLASS.selected, VIEW_CLASS.neighbour, VIEW_CLASS.path, VIEW_CLASS.faded, EXPORTED] as const;
