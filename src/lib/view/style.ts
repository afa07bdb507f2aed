// The Cytoscape stylesheet: colours and shapes from entity types, modality as line style, view-state classes.
import type { StylesheetJson } from 'cytoscape';
import { NODE_SIZE } from './elements.ts';
import {
  CY_DRAWN_EDGE_CLASSES,
  EXPORT_OWN_LABELS,
  LABEL_CLASS,
  LABEL_FULL,
  MODALITY_CLASS,
  RELATION_CLASS,
  VIEW_CLASS,
} from './classes.ts';
import { LINE_LOOK, type LineKind } from './line-looks.ts';

/** A line and its arrow in the colour of its kind. */
const lineColour = (kind: LineKind) => ({ 'line-color': LINE_LOOK[kind].color, 'target-arrow-color': LINE_LOOK[kind].color });

export interface StyleOptions {
  /** Show relation labels on edges (off for large graphs). */
  edgeLabels: boolean;
  /**
   * For large graphs: label size grows with degree, so that as you zoom out the labels of well-connected entities
   * stay and the rest drop out (Cytoscape hides text smaller than min-zoomed-font-size on screen).
   */
  maxDegree: number | undefined;
  /** Straight "haystack" edges without arrows: much cheaper to draw when there are thousands. */
  fastEdges: boolean;
  /**
   * With `fastEdges`: the canvas's bulk layer (bulk-layer.ts) draws the edges and node bodies, and Cytoscape only the
   * edges a class sets apart (CY_DRAWN_EDGE_CLASSES in classes.ts) and those nodes' bodies (CY_DRAWN_NODE_CLASSES), with all labels.
   * Off where there is no bulk layer: WebGL, and `kg export`'s page.
   */
  bulk: boolean;
  /** Background colour the labels are outlined against. */
  background: string;
  /**
   * Label font sizes are multiplied by this, so that labels keep a readable size on screen whatever the zoom
   * (canvas-labels.ts `labelScaleFor`; 1 in pictures).
   */
  labelScale: number;
}

const DEFAULTS: StyleOptions = {
  edgeLabels: true,
  background: '#ffffff',
  maxDegree: undefined,
  fastEdges: false,
  bulk: false,
  labelScale: 1,
};

/** How a plain edge looks with `fastEdges`, whether Cytoscape or the bulk layer draws it. */
export const BULK_EDGE_STYLE = { width: 1, colour: '#94a3b8', opacity: 0.5, undatedOpacity: 0.4 } as const;

/** Graphs with more relations than this show relation labels only where a class asks (selection, path, hover). */
export const EDGE_LABELS_MAX_EDGES = 400;

/** Style options chosen by graph size. */
export function styleForSize(nodes: number, edges: number, maxDegree: number): Partial<StyleOptions> {
  return {
    edgeLabels: edges <= EDGE_LABELS_MAX_EDGES,
    maxDegree: nodes > 300 ? Math.max(2, maxDegree) : undefined,
    fastEdges: edges > 3000,
  };
}

/** The stylesheet. Display state (selection, emphasis, path, filters) is expressed only through classes (classes.ts). */
export function stylesheet(options: Partial<StyleOptions> = {}): StylesheetJson {
  const o = { ...DEFAULTS, ...options };
  // How an edge's label is set, wherever a label is shown (all edges of a small graph, a selection's relations).
  const k = o.labelScale;
  const edgeText = {
    'font-size': 9 * k,
    color: '#475569',
    'text-rotation': 'autorotate',
    'text-outline-color': o.background,
    'text-outline-width': 2,
    'min-zoomed-font-size': 8,
  } as const;
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)' as never,
        width: NODE_SIZE,
        height: NODE_SIZE,
        label: 'data(label)',
        'font-size': 12 * k,
        'font-family': 'system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif',
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3 * k,
        'text-outline-color': o.background,
        'text-outline-width': 2,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'min-zoomed-font-size': o.maxDegree ? 11 : 6,
        ...(o.maxDegree
          ? {
              'font-size': `mapData(degree, 0, ${o.maxDegree}, ${6 * k}, ${28 * k})`,
              width: `mapData(degree, 0, ${o.maxDegree}, 8, 40)`,
              height: `mapData(degree, 0, ${o.maxDegree}, 8, 40)`,
              'border-width': 0,
            }
          : {}),
      },
    },
    {
      selector: 'edge',
      // Thousands of edges: only what a haystack line draws. Every property set is work per edge when styles are
      // computed (Cytoscape checks each one's triggers), and haystack edges have no arrows or labels anyway.
      style: o.fastEdges
        ? {
            width: BULK_EDGE_STYLE.width,
            'line-color': BULK_EDGE_STYLE.colour,
            'curve-style': 'haystack',
            'haystack-radius': 0,
            opacity: BULK_EDGE_STYLE.opacity,
            label: '',
            ...(o.bulk ? { display: 'none' as const } : {}),
          }
        : {
            width: 1.6,
            'line-color': '#94a3b8',
            'target-arrow-color': '#94a3b8',
            'curve-style': 'bezier',
            'arrow-scale': 0.9,
            label: o.edgeLabels ? 'data(label)' : '',
            ...edgeText,
          },
    },
    ...(o.fastEdges && o.bulk
      ? [{ selector: CY_DRAWN_EDGE_CLASSES.map((c) => `edge.${c}`).join(', '), style: { display: 'element' as const } }]
      : []),
    { selector: `edge.${RELATION_CLASS.directed}`, style: { 'target-arrow-shape': 'triangle' } },
    {
      selector: `edge.${MODALITY_CLASS.opinion}`,
      style: { 'line-style': 'dashed', 'line-dash-pattern': [...LINE_LOOK.opinion.dash], ...lineColour('opinion') },
    },
    { selector: `edge.${MODALITY_CLASS.prediction}`, style: { 'line-style': 'dotted', ...lineColour('prediction'), width: 2 } },
    { selector: `edge.${MODALITY_CLASS.question}`, style: { 'line-style': 'dotted', ...lineColour('question'), width: 2 } },
    // Inferred: a sparse dash over the modality's colour, so "stated or inferred" reads apart from "fact or opinion".
    {
      selector: `edge.${RELATION_CLASS.inferred}`,
      style: { 'line-style': 'dashed', 'line-dash-pattern': [...LINE_LOOK.inferred.dash], 'line-opacity': 0.8 },
    },
    // Denied: red, long-dashed, ending in a bar (⊣) instead of an arrow.
    {
      selector: `edge.${RELATION_CLASS.negated}`,
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [...LINE_LOOK.negated.dash],
        ...lineColour('negated'),
        'target-arrow-shape': 'tee',
        color: '#b91c1c',
      },
    },
    // Lenses: size by a metric, colour by community (data set by the canvas, removed when the lens is off).
    { selector: 'node[lensSize]', style: { width: 'data(lensSize)', height: 'data(lensSize)' } },
    { selector: 'node[lensColour]', style: { 'background-color': 'data(lensColour)' } },
    { selector: `edge.${VIEW_CLASS.undated}`, style: { opacity: BULK_EDGE_STYLE.undatedOpacity } },
    // The selection's relations name themselves whatever the graph's size (a fade, below, still hides the text).
    { selector: `edge.${VIEW_CLASS.labelled}`, style: { label: 'data(label)', ...edgeText } },
    { selector: `.${VIEW_CLASS.faded}`, style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: `node.${VIEW_CLASS.neighbour}`, style: { 'border-color': '#111827', 'border-width': 2 } },
    { selector: `edge.${VIEW_CLASS.neighbour}`, style: { width: 2.6, 'line-color': '#334155', 'target-arrow-color': '#334155' } },
    // A denial stays red when emphasised: its colour carries meaning ("the source says not"), not decoration.
    {
      selector: `edge.${RELATION_CLASS.negated}.${VIEW_CLASS.neighbour}`,
      style: { 'line-color': '#b91c1c', 'target-arrow-color': '#b91c1c' },
    },
    {
      selector: `node.${VIEW_CLASS.selected}`,
      style: { 'border-color': '#111827', 'border-width': 4, 'font-weight': 'bold', 'z-index': 10 },
    },
    {
      selector: `edge.${VIEW_CLASS.selected}`,
      style: { width: 4, 'line-color': '#0f172a', 'target-arrow-color': '#0f172a', 'z-index': 10 },
    },
    { selector: `node.${VIEW_CLASS.path}`, style: { 'border-color': '#f97316', 'border-width': 4, 'z-index': 20 } },
    {
      selector: `edge.${VIEW_CLASS.path}`,
      style: { width: 4, 'line-color': '#f97316', 'target-arrow-color': '#f97316', 'z-index': 20, opacity: 1 },
    },
    { selector: `.${VIEW_CLASS.hidden}`, style: { display: 'none' } },
    // Where the canvas's label placement puts a label (canvas-labels.ts); below is the default.
    { selector: `node.${LABEL_CLASS.above}`, style: { 'text-valign': 'top', 'text-margin-y': -3 * k } },
    {
      selector: `node.${LABEL_CLASS.right}`,
      style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-y': 0, 'text-margin-x': 3 * k },
    },
    {
      selector: `node.${LABEL_CLASS.left}`,
      style: { 'text-valign': 'center', 'text-halign': 'left', 'text-margin-y': 0, 'text-margin-x': -3 * k },
    },
    { selector: `.${LABEL_CLASS.hidden}`, style: { 'text-opacity': 0 } },
    { selector: `node.${LABEL_FULL}[fullLabel]`, style: { label: 'data(fullLabel)', 'z-index': 30 } },
    // A picture being exported draws its own labels (placed so that none overlaps), so Cytoscape draws none.
    { selector: `.${EXPORT_OWN_LABELS}`, style: { label: '' } },
    { selector: 'node:active', style: { 'overlay-opacity': 0.1 } },
  ];
}
