// Picture export in the browser: the scoped subgraph as PNG, JPEG or SVG, with title, legend and sources around it.
import type { Core } from 'cytoscape';
import cytoscape from 'cytoscape';
import { KgError } from '../graph/errors.ts';
import type { Selection } from '../graph/subgraph.ts';
import type { CompiledGraph } from '../graph/types.ts';
import type { DecorOptions } from './export-decor.ts';
import { buildDecor, composeSvg, DECOR_FONT, decorLayout } from './export-decor.ts';
import { EXPORT_CLEARED, EXPORTED, VIEW_CLASS } from './classes.ts';
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
  /** A neighbourhood export's focus: set apart, and the neighbourhood laid out around it if crowded (export-layout.ts). */
  focus?: string | undefined;
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
  return withOnly(cy, selection, options.keepPathHighlight, options.focus, async () => {
    const box = cy
      .elements()
      .filter((el) => !el.hasClass(VIEW_CLASS.hidden))
      .boundingBox({});
    const graphWidth = Math.ceil(box.w) + 60;
    const graphHeight = Math.ceil(box.h) + 60;
    const width = Math.max(graphWidth, 480);
    const decor = buildDecor(subset, options.decor, width);
    const height = decor.top + graphHeight + decor.bottom;
    const background = options.transparent && options.format !== 'jpeg' ? undefined : options.background;
    if (options.format === 'svg') {
      const graphSvg = (cy as Core & { svg(o: object): string }).svg({ full: true, scale: 1, bg: undefined });
      return new Blob([composeSvg(graphSvg, graphWidth, graphHeight, decor, background, options.decor.lang)], { type: 'image/svg+xml' });
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
    ctx.drawImage(
      image,
      ((width - graphWidth) / 2) * options.scale + (graphWidth * options.scale - image.width) / 2,
      decor.top * options.scale + (graphHeight * options.scale - image.height) / 2,
    );
    ctx.scale(options.scale, options.scale);
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
  });
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
  for (const { item, x, y } of layout.legend) {
    ctx.fillStyle = item.color;
    ctx.strokeStyle = item.color;
    if (item.kind === 'entity') ctx.fillRect(x, y - 10, 12, 12);
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
    ctx.fillText(item.label, x + (item.kind === 'entity' ? 18 : 28), y);
  }
  ctx.fillStyle = '#475569';
  if (layout.heading) {
    ctx.font = `bold 11px ${DECOR_FONT}`;
    ctx.fillText(decor.sourcesHeading, layout.heading.x, layout.heading.y);
  }
  ctx.font = `11px ${DECOR_FONT}`;
  for (const s of layout.sources) ctx.fillText(s.text, s.x, s.y);
}
