// Labels on the canvas: which names show and on which side of their node, decided by label-placement.ts in screen
// pixels and applied as classes in one batch — after a layout, a camera move (debounced) or a change of selection,
// hover, path or lens, never per frame. Like sigma.js, labels keep a readable size on screen whatever the zoom (the
// stylesheet's `labelScale`), so zooming in spreads the nodes apart and makes room for hidden names.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { Anchor, LabelRequest, Rect } from './label-placement.ts';
import { corners, edgeSpots, nodeSpots, placeLabels, pointAlong } from './label-placement.ts';
import type { Point } from './label-placement.ts';
import { LABEL_CLASS, LABEL_CLASSES, LABEL_FULL, VIEW_CLASS } from './classes.ts';
import { EDGE_LABELS_MAX_EDGES } from './style.ts';

/** How labels are chosen: placed without overlaps, all of them (overlapping), or only the selection's, a path's and the hovered. */
export const LABEL_MODES = ['auto', 'all', 'none'] as const;
export type LabelMode = (typeof LABEL_MODES)[number];

/** A node label's size on screen is kept between these (px): readable when zoomed out, not huge when zoomed in. */
export const SCREEN_FONT = { min: 11, max: 16 } as const;

/**
 * The factor the stylesheet multiplies label font sizes by at `zoom`, so that a label of `base` px is between
 * SCREEN_FONT.min and .max on screen; in steps of a quarter octave, so the stylesheet changes only now and then.
 */
export function labelScaleFor(zoom: number, base: number): number {
  const onScreen = base * zoom;
  const wanted = onScreen < SCREEN_FONT.min ? SCREEN_FONT.min / onScreen : onScreen > SCREEN_FONT.max ? SCREEN_FONT.max / onScreen : 1;
  // Rounded away from 1, so the label is at least SCREEN_FONT.min (and a 9 px relation label stays above Cytoscape's
  // 8 px cut-off) and at most SCREEN_FONT.max.
  const quarters = Math.log2(wanted) * 4;
  const step = (wanted > 1 ? Math.ceil(quarters) : Math.floor(quarters)) / 4;
  return Math.min(64, 2 ** step);
}

const ANCHOR_CLASS: Partial<Record<Anchor, string>> = {
  above: LABEL_CLASS.above,
  right: LABEL_CLASS.right,
  left: LABEL_CLASS.left,
};

/** Room kept free around a label on screen (px). */
const GAP = 2;
/** Room kept between a name and the canvas's edges (px): more than the outline Cytoscape draws around the text. */
const EDGE_ROOM = 6;
/**
 * Node bodies smaller than this on screen (px) do not keep labels off: in a dense graph seen whole (euroSIS) every
 * spot would touch some dot and no name would show; zoomed in, the bodies grow and do.
 */
const MIN_BLOCKING_BODY = 10;
/** Distance between a node and its label (the stylesheet's `text-margin-y`), at a zoom of 1. */
const MARGIN = 3;

let measurer: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();
/** A label's width in px at `size` px in `family`, measured once per text, size and family. */
function textWidth(text: string, size: number, family: string, bold: boolean): number {
  const key = `${bold ? 'b' : ''}${size}|${family}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (measurer) {
      measurer.font = `${bold ? 'bold ' : ''}${size}px ${family}`;
      w = measurer.measureText(text).width;
    } else w = text.length * size * 0.6;
    if (widths.size > 20_000) widths.clear();
    widths.set(key, w);
  }
  return w;
}

function labelText(el: NodeSingular | EdgeSingular): string {
  const label: unknown = el.style('label');
  return typeof label === 'string' ? label : '';
}

/** The on-screen size of an element's label, or undefined when Cytoscape would not draw it (no text, too small, faded). */
function screenText(el: NodeSingular | EdgeSingular, zoom: number, whole = false): { text: string; w: number; h: number } | undefined {
  if (el.hasClass(VIEW_CLASS.faded)) return undefined;
  const full: unknown = whole ? el.data('fullLabel') : undefined;
  const text = typeof full === 'string' && full ? full : labelText(el);
  if (!text) return undefined;
  const size = el.numericStyle('font-size') as number;
  const onScreen = size * zoom;
  if (onScreen < (el.numericStyle('min-zoomed-font-size') as number)) return undefined;
  const bold = String(el.style('font-weight')) === 'bold';
  const family = String(el.style('font-family'));
  return { text, w: textWidth(text, size, family, bold) * zoom, h: onScreen * 1.25 };
}

/** An element left out of the placement (off screen, or without a label): its label, if any, is hidden. */
function offScreenClass(el: NodeSingular | EdgeSingular): string | undefined {
  if (el.isNode()) return LABEL_CLASS.hidden;
  const label: unknown = el.style('label');
  return typeof label === 'string' && label !== '' ? LABEL_CLASS.hidden : undefined;
}

export interface CanvasLabelState {
  mode: LabelMode;
  hovered?: string | undefined;
  /** The stylesheet's current `labelScale` (label margins grow with it). */
  labelScale: number;
}

/**
 * Decides the labels shown on the canvas for its current camera and classes, and sets LABEL_CLASS classes on the
 * elements whose choice changed (one batch). Returns how many labels were placed and hidden.
 */
export function placeCanvasLabels(cy: Core, state: CanvasLabelState): { placed: number; hidden: number } {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const width = cy.width();
  const height = cy.height();
  const next = new Map<string, string | undefined>();
  const requests: LabelRequest[] = [];
  const bodies: Rect[] = [];
  const toScreen = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
  const onScreen = (p: { x: number; y: number }, pad: number) => p.x > -pad && p.y > -pad && p.x < width + pad && p.y < height + pad;
  const always = (el: NodeSingular | EdgeSingular): boolean =>
    el.id() === state.hovered ||
    el.hasClass(VIEW_CLASS.selected) ||
    el.hasClass(VIEW_CLASS.path) ||
    (el.isEdge() && (el.hasClass(VIEW_CLASS.labelled) || el.hasClass(VIEW_CLASS.neighbour)));
  const rank = (el: NodeSingular | EdgeSingular): number =>
    el.hasClass(VIEW_CLASS.selected)
      ? 5e6
      : el.hasClass(VIEW_CLASS.path)
        ? 4e6
        : el.id() === state.hovered
          ? 3e6
          : el.hasClass(VIEW_CLASS.neighbour)
            ? 2e6
            : 0;
  cy.nodes().forEach((n) => {
    if (n.hasClass(VIEW_CLASS.hidden)) return;
    const p = toScreen(n.position());
    const w = n.outerWidth() * zoom;
    const h = n.outerHeight() * zoom;
    if (!onScreen(p, Math.max(w, h) + 200)) return;
    const body = { cx: p.x, cy: p.y, w, h, angle: 0 };
    if (Math.min(w, h) >= MIN_BLOCKING_BODY) bodies.push(body);
    const text = screenText(n, zoom, n.id() === state.hovered);
    if (!text) return;
    const size = Number(n.data('lensSize') ?? 0) * 1000 + Number(n.data('degree') ?? 0);
    const spots = nodeSpots(
      body,
      { lines: [text.text], widths: [text.w], lineHeight: text.h },
      { margin: MARGIN * state.labelScale * zoom },
    );
    requests.push({ id: n.id(), priority: rank(n) + size, spots, always: always(n) || state.mode === 'all' });
  });
  // A larger graph's relations carry no labels except where a class shows them (style.ts): reading every relation's
  // style after each camera move would stall a large graph for seconds.
  const large = cy.edges().length > EDGE_LABELS_MAX_EDGES;
  const edges = large
    ? cy.edges(`.${VIEW_CLASS.labelled}, .${VIEW_CLASS.path}, .${VIEW_CLASS.neighbour}, .${VIEW_CLASS.selected}`)
    : cy.edges();
  edges.forEach((e) => {
    if (e.hasClass(VIEW_CLASS.hidden)) return;
    const text = screenText(e, zoom);
    if (!text) return;
    const from = toScreen(e.sourceEndpoint());
    const to = toScreen(e.targetEndpoint());
    if (!onScreen(from, 200) && !onScreen(to, 200)) return;
    const controls = e.controlPoints();
    const curve = controls?.length === 1 ? { from, to, control: toScreen(controls[0]!) } : { from, to };
    const degree = Number(e.source().data('degree') ?? 0) + Number(e.target().data('degree') ?? 0);
    requests.push({
      id: e.id(),
      priority: rank(e) + degree - 1e6,
      spots: edgeSpots(curve, { lines: [text.text], widths: [text.w], lineHeight: text.h }),
      always: always(e) || state.mode === 'all',
    });
  });
  const shown =
    state.mode === 'none'
      ? { placed: requests.filter((r) => always(cy.getElementById(r.id))).map((r) => ({ id: r.id, spot: r.spots[0]! })), hidden: [] }
      : placeLabels(requests, bodies, {
          gap: GAP,
          bounds: { x1: EDGE_ROOM, y1: EDGE_ROOM, x2: width - EDGE_ROOM, y2: height - EDGE_ROOM },
        });
  const hidden = new Set(requests.map((r) => r.id));
  for (const { id, spot } of shown.placed) {
    hidden.delete(id);
    next.set(id, ANCHOR_CLASS[spot.anchor]);
  }
  for (const id of hidden) next.set(id, LABEL_CLASS.hidden);
  const hasLabelClass = (el: NodeSingular | EdgeSingular): boolean => el.hasClass(LABEL_FULL) || LABEL_CLASSES.some((c) => el.hasClass(c));
  cy.batch(() => {
    cy.elements().forEach((el) => {
      // Large graphs: a relation outside the placement that has no label class keeps none (its label is empty).
      if (large && el.isEdge() && !next.has(el.id()) && !hasLabelClass(el)) return;
      // Off screen, a label is hidden until a placement after the camera stops there decides it (as sigma.js does).
      const want = next.has(el.id()) ? next.get(el.id()) : offScreenClass(el);
      const whole = el.id() === state.hovered;
      if (whole !== el.hasClass(LABEL_FULL)) el.toggleClass(LABEL_FULL, whole);
      for (const cls of LABEL_CLASSES) {
        if (cls === want) {
          if (!el.hasClass(cls)) el.addClass(cls);
        } else if (el.hasClass(cls)) el.removeClass(cls);
      }
    });
  });
  return { placed: shown.placed.length, hidden: hidden.size };
}

/** Cytoscape grows a label's bounding box by its outline and this margin of error on every side. */
const CY_LABEL_MARGIN = 2;

/**
 * Every label Cytoscape draws now, as the polygon its text covers on screen (rendered px), for tests: node labels from
 * Cytoscape's rendered label bounding box less its outline and margin of error; edge labels, which Cytoscape turns
 * along their line, as a box of the text's measured size turned the same way about the centre of Cytoscape's box.
 */
export function renderedLabelBoxes(cy: Core): { id: string; text: string; corners: Point[] }[] {
  const zoom = cy.zoom();
  const pan = cy.pan();
  const toScreen = (p: { x: number; y: number }) => ({ x: p.x * zoom + pan.x, y: p.y * zoom + pan.y });
  const boxes: { id: string; text: string; corners: Point[] }[] = [];
  cy.elements().forEach((el) => {
    if (!el.visible() || el.hasClass(LABEL_CLASS.hidden) || (el.numericStyle('text-opacity') as number) === 0) return;
    const text = screenText(el, zoom);
    if (!text) return;
    const b = el.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false } as never);
    const inset = ((el.numericStyle('text-outline-width') as number) + CY_LABEL_MARGIN) * zoom;
    const id = el.id();
    if (el.isNode()) {
      const rect = {
        cx: (b.x1 + b.x2) / 2,
        cy: (b.y1 + b.y2) / 2,
        w: Math.max(0, b.w - 2 * inset),
        h: Math.max(0, b.h - 2 * inset),
        angle: 0,
      };
      boxes.push({ id, text: text.text, corners: corners(rect) });
    } else {
      const e = el as EdgeSingular;
      const controls = e.controlPoints();
      const curve = {
        from: toScreen(e.sourceEndpoint()),
        to: toScreen(e.targetEndpoint()),
        ...(controls?.length === 1 ? { control: toScreen(controls[0]!) } : {}),
      };
      const size = (e.numericStyle('font-size') as number) * zoom;
      const rect = { cx: (b.x1 + b.x2) / 2, cy: (b.y1 + b.y2) / 2, w: text.w, h: size, angle: pointAlong(curve, 0.5).angle };
      boxes.push({ id, text: text.text, corners: corners(rect) });
    }
  });
  return boxes;
}
