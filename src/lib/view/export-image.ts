// Picture export in the browser: the scoped subgraph as PNG, JPEG or SVG, with title, legend and sources around it.
import type { Core } from 'cytoscape';
import cytoscape from 'cytoscape';
import { KgError } from '../graph/errors.ts';
import type { Selection } from '../graph/subgraph.ts';
import type { CompiledGraph } from '../graph/types.ts';
import type { DecorOptions } from './export-decor.ts';
import { buildDecor, composeSvg, DECOR_FONT, decorLayout, LEGEND_LINE, swatchPath } from './export-decor.ts';
import { EXPORT_CLEARED, EXPORT_OWN_LABELS, EXPORTED, VIEW_CLASS } from './classes.ts';
import type { LabelLayout } from './export-labels.ts';
import { labelBounds, labelPolygons, layoutLabels, paintLabels, svgLabels } from './export-labels.ts';
import { withComposition } from './export-layout.ts';

export const IMAGE_FORMATS = ['png', 'jpeg', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface ImageExportOptions {
  format: ImageFormat;
  /** 1 to 4 */
  scale: number;
  /** PNG and SVG only; JPEG is always solid. */
  transparent: boolean;
  background: string;
  decor: DecorOptions;
  /** Keep the path highlight (for path exports). */
  keepPathHighlight: boolean;
  /** A neighbourhood export's focus: its name set apart, and the neighbourhood laid out around it if crowded (export-layout.ts). */
  focus?: string | undefined;
}

/** Room between the drawing (nodes, lines and labels) and the picture's edges, title and legend. */
const MARGIN = 28;
/** How much a crowded picture's positions are spread, each time, so that every name finds a place; and how often. */
const SPREAD = 1.2;
const MAX_SPREADS = 5;
/** Relations left unnamed that a picture accepts without spreading further: a few, where lines bunch at a hub. */
const UNNAMED_EDGES_SHARE = 0.05;

/** What an e2e build's export reports it drew (`window.__kgExportReport`), so tests can measure a PNG's labels. */
export interface ExportReport {
  labels: { text: string; corners: { x: number; y: number }[] }[];
  swatches: { shape: string; color: string; x: number; y: number; size: number }[];
  scale: number;
  crowdedNodes: string[];
  unnamedEdges: string[];
  spreads: number;
}

function report(value: ExportReport): void {
  if (import.meta.env?.MODE === 'e2e') (window as unknown as { __kgExportReport?: ExportReport }).__kgExportReport = value;
}

/** Moves the shown nodes `factor` times further from their centre (sizes unchanged), making room for names. */
function spread(cy: Core, factor: number): void {
  const nodes = cy.nodes().filter((n) => !n.hasClass(VIEW_CLASS.hidden));
  const box = nodes.boundingBox({ includeLabels: false } as never);
  const cx = (box.x1 + box.x2) / 2;
  const cy0 = (box.y1 + box.y2) / 2;
  cy.batch(() => nodes.positions((n) => ({ x: cx + (n.position('x') - cx) * factor, y: cy0 + (n.position('y') - cy0) * factor })));
}

/**
 * Places the picture's labels; when an entity's name fits nowhere or a relation goes unnamed, spreads the positions
 * and tries again (a few times), then draws every name anyway on the last try. Returns the layout and how often it spread.
 */
function placeWithRoom(cy: Core, subset: CompiledGraph, options: ImageExportOptions): { layout: LabelLayout; spreads: number } {
  for (let spreads = 0; ; spreads++) {
    const last = spreads === MAX_SPREADS;
    const layout = layoutLabels(cy, subset, { lang: options.decor.lang, focus: options.focus, forceNodes: last });
    const edges = cy.edges().filter((e) => !e.hasClass(VIEW_CLASS.hidden)).length;
    if (last || (layout.crowdedNodes.length === 0 && layout.unnamedEdges.length <= UNNAMED_EDGES_SHARE * edges)) return { layout, spreads };
    spread(cy, SPREAD);
  }
}

/** Chromium's limits: 32,767 px a side and 268,435,456 px in all (other browsers are stricter; this is the floor we trust). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 268_435_456;

let svgLoaded: Promise<void> | undefined;
function loadSvgExtension(): Promise<void> {
  svgLoaded ??= import('cytoscape-svg').then(({ default: svg }) => {
    cytoscape.use(svg);
  });
  return svgLoaded;
}

/**
 * Runs `draw` with only the selection shown, display-state classes cleared and a neighbourhood composed around `focus`
 * (export-layout.ts), then restores the canvas exactly.
 */
async function withOnly<T>(
  cy: Core,
  selection: Selection,
  keepPath: boolean,
  focus: string | undefined,
  draw: () => Promise<T>,
): Promise<T> {
  const saved = new Map<string, string[]>();
  cy.batch(() => {
    const cleared = new Set<string>([...EXPORT_CLEARED, ...(keepPath ? [] : [VIEW_CLASS.path])]);
    cy.elements().forEach((el) => {
      const id = el.id();
      const classes: string[] = el.classes();
      saved.set(id, classes);
      const keep = el.group() === 'nodes' ? selection.nodes.has(id) : selection.edges.has(id);
      const kept = classes.filter((c) => !cleared.has(c));
      // `exported`: Cytoscape draws the element in full even where the canvas's bulk layer draws edges and node
      // bodies (large graphs); the picture is Cytoscape's alone.
      el.classes(keep ? [...kept, EXPORTED] : [...kept, VIEW_CLASS.hidden]);
    });
  });
  try {
    return await withComposition(cy, selection, focus, draw);
  } finally {
    cy.batch(() => {
      cy.elements().forEach((el) => {
        el.classes(saved.get(el.id()) ?? []);
      });
    });
  }
}

/** The largest whole scale (1–4) at which a picture of this size fits the canvas limits, or 0 if none does. */
export function largestScale(width: number, height: number): number {
  for (let s = 4; s >= 1; s--) {
    if (width * s <= MAX_CANVAS_SIDE && height * s <= MAX_CANVAS_SIDE && width * height * s * s <= MAX_CANVAS_AREA) return s;
  }
  return 0;
}

/** Exports the selection as an image Blob. Throws `EXPORT_TOO_LARGE` (with the largest workable scale) instead of an empty file. */
export async function exportImage(cy: Core, subset: CompiledGraph, selection: Selection, options: ImageExportOptions): Promise<Blob> {
  if (selection.nodes.size === 0)
    throw new KgError({ code: 'EXPORT_EMPTY', severity: 'error', message: 'nothing to export: the chosen scope is empty' });
  if (options.format === 'svg') await loadSvgExtension();
  const saved = new Map<string, { x: number; y: number }>();
  cy.nodes().forEach((n) => {
    saved.set(n.id(), { ...n.position() });
  });
  return withOnly(cy, selection, options.keepPathHighlight, options.focus, async () => {
    // The picture's labels are its own (export-labels.ts), drawn over the graph: Cytoscape draws none.
    cy.batch(() => cy.elements().addClass(EXPORT_OWN_LABELS));
    try {
      return await draw(cy, subset, options);
    } finally {
      cy.batch(() => {
        cy.elements().removeClass(EXPORT_OWN_LABELS);
        cy.nodes().forEach((n) => {
          const p = saved.get(n.id());
          if (p && (p.x !== n.position('x') || p.y !== n.position('y'))) n.position(p);
        });
      });
    }
  });
}

async function draw(cy: Core, subset: CompiledGraph, options: ImageExportOptions): Promise<Blob> {
  const { layout, spreads } = placeWithRoom(cy, subset, options);
  // What Cytoscape pictures with `full`: the box of its elements (labels off), drawn from its top-left corner.
  const graphBox = cy.elements().boundingBox();
  const labelBox = labelBounds(layout.labels);
  const x1 = Math.min(graphBox.x1, labelBox?.x1 ?? Infinity);
  const y1 = Math.min(graphBox.y1, labelBox?.y1 ?? Infinity);
  const x2 = Math.max(graphBox.x2, labelBox?.x2 ?? -Infinity);
  const y2 = Math.max(graphBox.y2, labelBox?.y2 ?? -Infinity);
  const graphWidth = Math.ceil(x2 - x1) + 2 * MARGIN;
  const graphHeight = Math.ceil(y2 - y1) + 2 * MARGIN;
  const width = Math.max(graphWidth, 480);
  const decor = buildDecor(subset, options.decor, width);
  const height = decor.top + graphHeight + decor.bottom;
  // Model coordinates to the picture's (before its scale).
  const dx = (width - graphWidth) / 2 + MARGIN - x1;
  const dy = decor.top + MARGIN - y1;
  const background = options.transparent && options.format !== 'jpeg' ? undefined : options.background;
  const decorPlaces = decorLayout(decor, width, graphHeight);
  report({
    labels: labelPolygons(layout.labels, dx, dy),
    swatches: decorPlaces.legend
      .filter((l) => l.item.kind === 'entity')
      .map((l) => ({ shape: l.item.shape ?? 'ellipse', color: l.item.color, x: l.swatch.cx, y: l.swatch.cy, size: l.swatch.size })),
    scale: options.format === 'svg' ? 1 : options.scale,
    crowdedNodes: layout.crowdedNodes,
    unnamedEdges: layout.unnamedEdges,
    spreads,
  });
  if (options.format === 'svg') {
    const graphSvg = (cy as Core & { svg(o: object): string }).svg({ full: true, scale: 1, bg: undefined });
    const overlay = svgLabels(layout.labels, background ?? '#ffffff', dx, dy);
    const svg = composeSvg(graphSvg, graphWidth, graphHeight, decor, background, options.decor.lang, {
      width,
      graphX: graphBox.x1 + dx,
      graphY: graphBox.y1 + dy,
      overlay,
    });
    return new Blob([svg], { type: 'image/svg+xml' });
  }
  const fits = largestScale(width, height);
  if (options.scale > fits) {
    throw new KgError({
      code: 'EXPORT_TOO_LARGE',
      severity: 'error',
      message: `a ${width * options.scale}×${height * options.scale} px picture is larger than the browser can draw`,
      hint: fits ? `use scale ${fits}× or export SVG` : 'export SVG, or export a smaller scope',
    });
  }
  const graphPng = cy.png({ full: true, scale: options.scale, output: 'base64uri', ...(background ? { bg: background } : {}) });
  if (graphPng === 'data:,' || graphPng.length < 100) {
    throw new KgError({
      code: 'EXPORT_TOO_LARGE',
      severity: 'error',
      message: 'the browser could not draw a picture this large',
      hint: 'use a smaller scale or export SVG',
    });
  }
  const image = new Image();
  image.src = graphPng;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * options.scale);
  canvas.height = Math.round(height * options.scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new KgError({ code: 'EXPORT_CANVAS', severity: 'error', message: 'the browser gave no 2D canvas' });
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.scale(options.scale, options.scale);
  // Drawn at the size it stands for, whatever the screen's pixel ratio made Cytoscape draw it at.
  ctx.drawImage(image, graphBox.x1 + dx, graphBox.y1 + dy, Math.ceil(graphBox.w), Math.ceil(graphBox.h));
  paintLabels(ctx, layout.labels, background ?? '#ffffff', dx, dy);
  paintDecor(ctx, decor, width, graphHeight);
  const type = options.format === 'jpeg' ? 'image/jpeg' : 'image/png';
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.92));
  if (!blob || blob.size === 0)
    throw new KgError({
      code: 'EXPORT_TOO_LARGE',
      severity: 'error',
      message: 'the browser produced an empty image',
      hint: 'use a smaller scale or export SVG',
    });
  return blob;
}

function paintDecor(ctx: CanvasRenderingContext2D, decor: ReturnType<typeof buildDecor>, width: number, graphHeight: number): void {
  const layout = decorLayout(decor, width, graphHeight);
  ctx.textBaseline = 'alphabetic';
  if (layout.title) {
    ctx.font = `bold 18px ${DECOR_FONT}`;
    ctx.fillStyle = '#111827';
    ctx.fillText(decor.title ?? '', layout.title.x, layout.title.y);
  }
  ctx.font = `12px ${DECOR_FONT}`;
  for (const { item, x, y, lines, textX, swatch } of layout.legend) {
    ctx.fillStyle = item.color;
    ctx.strokeStyle = item.color;
    if (item.kind === 'entity') ctx.fill(new Path2D(swatchPath(item, swatch)));
    else {
      ctx.lineWidth = 2;
      ctx.setLineDash([...(item.dash ?? [])]);
      ctx.beginPath();
      ctx.moveTo(x, y - 4);
      ctx.lineTo(x + 22, y - 4);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = '#1f2937';
    lines.forEach((line, i) => ctx.fillText(line, textX, y + i * LEGEND_LINE));
  }
  ctx.fillStyle = '#475569';
  if (layout.heading) {
    ctx.font = `bold 11px ${DECOR_FONT}`;
    ctx.fillText(decor.sourcesHeading, layout.heading.x, layout.heading.y);
  }
  ctx.font = `11px ${DECOR_FONT}`;
  for (const s of layout.sources) ctx.fillText(s.text, s.x, s.y);
}
