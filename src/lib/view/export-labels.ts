// The labels of an exported picture: names in the chosen language, whole (wrapped on two lines, never cut with "…"),
// placed by label-placement.ts around the node bodies Cytoscape draws, then painted over the graph by both writers
// (PNG canvas and SVG) from the same list, so nothing of the graph covers them.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { CompiledGraph } from '../graph/types.ts';
import { displayName } from '../graph/display-name.ts';
import type { Lang } from './elements.ts';
import { bundleLabel, fidelityLabel } from './elements.ts';
import type { LabelRequest, MeasuredText, Point, Rect } from './label-placement.ts';
import { corners, edgeSpots, nodeSpots, placeLabels } from './label-placement.ts';
import { VIEW_CLASS } from './classes.ts';
import { DECOR_FONT, xmlEscape } from './export-decor.ts';

/** How a label is drawn: its size, weight and colour. */
interface TextLook {
  size: number;
  bold: boolean;
  color: string;
}

const LOOK = {
  focus: { size: 15, bold: true, color: '#0f172a' },
  path: { size: 12, bold: true, color: '#111827' },
  node: { size: 12, bold: false, color: '#1f2937' },
  edge: { size: 10, bold: false, color: '#475569' },
} as const satisfies Record<string, TextLook>;

/** A label as placed in the picture's model coordinates. */
export interface PictureLabel {
  id: string;
  kind: 'node' | 'edge';
  lines: readonly string[];
  rect: Rect;
  look: TextLook;
  /** Distance from a line's top to its baseline, and from one line's top to the next. */
  ascent: number;
  lineHeight: number;
  leader?: { from: Point; to: Point } | undefined;
}

export interface LabelLayout {
  labels: PictureLabel[];
  /** Entities whose name could be placed only over something else (drawn anyway), and relations left unnamed. */
  crowdedNodes: string[];
  unnamedEdges: string[];
}

export interface ExportLabelOptions {
  lang: Lang;
  /** The neighbourhood's centre: its name is set apart (bold, larger) and placed first. */
  focus?: string | undefined;
  /** Draw names that fit nowhere anyway (the last attempt at a picture). */
  forceNodes: boolean;
}

/** Label relations too when the picture has at most this many (as the canvas does by graph size), else only a path's. */
const MAX_EDGE_LABELS = 400;

const fontOf = (look: TextLook): string => `${look.bold ? 'bold ' : ''}${look.size}px ${DECOR_FONT}`;

let measurer: CanvasRenderingContext2D | undefined;
/** Width of `text` and the font's ascent and descent, as Chromium will draw it in both the canvas and the SVG. */
function measure(text: string, look: TextLook): { width: number; ascent: number; descent: number } {
  measurer ??= document.createElement('canvas').getContext('2d') ?? undefined;
  if (!measurer) return { width: text.length * look.size * 0.6, ascent: look.size, descent: look.size * 0.3 };
  measurer.font = fontOf(look);
  const m = measurer.measureText(text);
  return { width: m.width, ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
}

function measured(lines: readonly string[], look: TextLook): MeasuredText & { ascent: number } {
  const ms = lines.map((l) => measure(l, look));
  const ascent = Math.max(...ms.map((m) => m.ascent));
  const descent = Math.max(...ms.map((m) => m.descent));
  return { lines, widths: ms.map((m) => m.width), lineHeight: Math.ceil(ascent + descent), ascent };
}

/** A long name split in two at the space (or, in Chinese, the character) nearest its middle; short names stay whole. */
export function twoLines(text: string): string[] | undefined {
  const chars = [...text];
  if (chars.length < 14) return undefined;
  const middle = chars.length / 2;
  let best = -1;
  chars.forEach((ch, i) => {
    if (/[\s\-/]/.test(ch) && i > 0 && i < chars.length - 1 && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  });
  const cut = best >= 0 ? best : Math.round(middle);
  const keepsDash = best >= 0 && /[-/]/.test(chars[best]!);
  const first = chars
    .slice(0, keepsDash ? cut + 1 : cut)
    .join('')
    .trimEnd();
  const second = chars
    .slice(best >= 0 ? cut + 1 : cut)
    .join('')
    .trimStart();
  return first && second ? [first, second] : undefined;
}

const bodyOf = (n: NodeSingular): Rect => {
  const b = n.boundingBox({ includeLabels: false, includeOverlays: false } as never);
  return { cx: (b.x1 + b.x2) / 2, cy: (b.y1 + b.y2) / 2, w: b.w, h: b.h, angle: 0 };
};

function curveOf(e: EdgeSingular): { from: Point; to: Point; control?: Point } {
  const from = e.sourceEndpoint();
  const to = e.targetEndpoint();
  const controls = e.controlPoints();
  return controls?.length === 1 ? { from, to, control: controls[0]! } : { from, to };
}

/** Places the names of the shown (not hidden) nodes and edges of `cy`, in model coordinates. */
export function layoutLabels(cy: Core, subset: CompiledGraph, options: ExportLabelOptions): LabelLayout {
  const entities = new Map(subset.entities.map((e) => [e.id, e]));
  const relations = new Map(subset.relations.map((r) => [r.id, r]));
  const typeLabel = new Map(subset.relationTypes.map((t) => [t.id, t.label[options.lang] || t.label.en]));
  const shown = cy.elements().filter((el) => !el.hasClass(VIEW_CLASS.hidden));
  const nodes = shown.nodes();
  const edges = shown.edges();
  const bodies = nodes.map(bodyOf);
  const requests: LabelRequest[] = [];
  const looks = new Map<string, { look: TextLook; ascent: number; lineHeight: number; kind: 'node' | 'edge' }>();
  nodes.forEach((n, i) => {
    const id = n.id();
    const entity = entities.get(id);
    const name = entity ? displayName(entity, options.lang) : String(n.data('label') ?? '');
    if (!name) return;
    const onPath = n.hasClass(VIEW_CLASS.path);
    const look = id === options.focus ? LOOK.focus : onPath ? LOOK.path : LOOK.node;
    const one = measured([name], look);
    const split = twoLines(name);
    const wrapped = split ? measured(split, look) : undefined;
    looks.set(id, { look, ascent: one.ascent, lineHeight: one.lineHeight, kind: 'node' });
    requests.push({
      id,
      priority: (id === options.focus ? 4e6 : onPath ? 3e6 : 1e6) + Number(n.data('degree') ?? 0),
      spots: nodeSpots(bodies[i]!, one, { margin: 3, wrapped, displaced: true }),
      always: options.forceNodes,
    });
  });
  const labelEdges = subset.relations.length <= MAX_EDGE_LABELS;
  edges.forEach((e) => {
    const id = e.id();
    const onPath = e.hasClass(VIEW_CLASS.path);
    if (!labelEdges && !onPath) return;
    const relation = relations.get(id);
    const members = e.data('members') as string[] | undefined;
    const base = relation ? fidelityLabel(typeLabel.get(relation.type) ?? relation.type, relation) : String(e.data('label') ?? '');
    const text = bundleLabel(base, members?.length ?? 1);
    if (!text) return;
    const look = LOOK.edge;
    const one = measured([text], look);
    looks.set(id, { look, ascent: one.ascent, lineHeight: one.lineHeight, kind: 'edge' });
    const degree = Number(e.source().data('degree') ?? 0) + Number(e.target().data('degree') ?? 0);
    requests.push({ id, priority: (onPath ? 2e6 : 0) + degree, spots: edgeSpots(curveOf(e), one, [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) });
  });
  const placement = placeLabels(requests, bodies, { gap: 2 });
  const labels = placement.placed.map(({ id, spot }) => {
    const { look, ascent, lineHeight, kind } = looks.get(id)!;
    return { id, kind, lines: spot.lines, rect: spot.rect, look, ascent, lineHeight, leader: spot.leader };
  });
  const crowded = new Set(placement.placed.filter((p) => p.forced).map((p) => p.id));
  return {
    labels,
    crowdedNodes: [...placement.hidden.filter((id) => looks.get(id)?.kind === 'node'), ...crowded],
    unnamedEdges: placement.hidden.filter((id) => looks.get(id)?.kind === 'edge'),
  };
}

/** The box around every label and leader, in model coordinates. */
export function labelBounds(labels: readonly PictureLabel[]): { x1: number; y1: number; x2: number; y2: number } | undefined {
  if (!labels.length) return undefined;
  const points = labels.flatMap((l) => [...corners(l.rect), ...(l.leader ? [l.leader.from, l.leader.to] : [])]);
  return {
    x1: Math.min(...points.map((p) => p.x)),
    y1: Math.min(...points.map((p) => p.y)),
    x2: Math.max(...points.map((p) => p.x)),
    y2: Math.max(...points.map((p) => p.y)),
  };
}

/** Each line's baseline offset from the label's centre, before its turn. */
const baselines = (l: PictureLabel): number[] => l.lines.map((_, i) => -l.rect.h / 2 + i * l.lineHeight + l.ascent);

/** Paints the labels on a 2D context whose user space is the picture's, `dx`, `dy` from the model's. */
export function paintLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly PictureLabel[],
  background: string,
  dx: number,
  dy: number,
): void {
  ctx.save();
  ctx.strokeStyle = '#94a3b8';
  ctx.lineWidth = 1;
  for (const l of labels) {
    if (!l.leader) continue;
    ctx.beginPath();
    ctx.moveTo(l.leader.from.x + dx, l.leader.from.y + dy);
    ctx.lineTo(l.leader.to.x + dx, l.leader.to.y + dy);
    ctx.stroke();
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    ctx.save();
    ctx.translate(l.rect.cx + dx, l.rect.cy + dy);
    ctx.rotate(l.rect.angle);
    ctx.font = fontOf(l.look);
    ctx.strokeStyle = background;
    ctx.lineWidth = 3;
    ctx.fillStyle = l.look.color;
    baselines(l).forEach((y, i) => {
      ctx.strokeText(l.lines[i]!, 0, y);
      ctx.fillText(l.lines[i]!, 0, y);
    });
    ctx.restore();
  }
  ctx.restore();
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

/** The labels as SVG (text content escaped, never markup), in the picture's coordinates, `dx`, `dy` from the model's. */
export function svgLabels(labels: readonly PictureLabel[], background: string, dx: number, dy: number): string {
  const parts = [`<g data-layer="labels" font-family="${xmlEscape(DECOR_FONT)}" text-anchor="middle">`];
  for (const l of labels) {
    if (!l.leader) continue;
    parts.push(
      `<line x1="${num(l.leader.from.x + dx)}" y1="${num(l.leader.from.y + dy)}" x2="${num(l.leader.to.x + dx)}" y2="${num(l.leader.to.y + dy)}" stroke="#94a3b8" stroke-width="1"/>`,
    );
  }
  for (const l of labels) {
    const turn = l.rect.angle ? ` rotate(${num((l.rect.angle * 180) / Math.PI)})` : '';
    const weight = l.look.bold ? ' font-weight="bold"' : '';
    baselines(l).forEach((y, i) => {
      parts.push(
        `<text transform="translate(${num(l.rect.cx + dx)} ${num(l.rect.cy + dy)})${turn}" x="0" y="${num(y)}" font-size="${l.look.size}"${weight} fill="${l.look.color}" stroke="${xmlEscape(background)}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${xmlEscape(l.lines[i]!)}</text>`,
      );
    });
  }
  parts.push('</g>');
  return parts.join('\n');
}

/** Each drawn line of text as the polygon it covers in the picture (for the e2e tests' report of a PNG). */
export function labelPolygons(labels: readonly PictureLabel[], dx: number, dy: number): { text: string; corners: Point[] }[] {
  return labels.flatMap((l) =>
    l.lines.map((text, i) => {
      const lineRect: Rect = {
        cx: 0,
        cy: -l.rect.h / 2 + i * l.lineHeight + l.lineHeight / 2,
        w: l.rect.w,
        h: l.lineHeight,
        angle: 0,
      };
      const cos = Math.cos(l.rect.angle);
      const sin = Math.sin(l.rect.angle);
      const local = corners(lineRect);
      return {
        text,
        corners: local.map((p) => ({ x: l.rect.cx + dx + p.x * cos - p.y * sin, y: l.rect.cy + dy + p.x * sin + p.y * cos })),
      };
    }),
  );
}
