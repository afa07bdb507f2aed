// A path card as a PNG: the path drawn left to right (entities in their types' shapes and colours, relations on the
// hops), then the quoted evidence as numbered footnotes; the canvas is sized to its content, so nothing is cut.
import type { PathCard } from '../graph/path-markdown.ts';
import type { Path } from '../graph/paths/index.ts';
import type { CompiledGraph } from '../graph/types.ts';
import { DECOR_FONT } from './export-decor.ts';
import { entityName } from './elements.ts';
import type { Lang } from './elements.ts';

const MIN_WIDTH = 720;
const PAD = 24;
const NODE = 30;
/** Entity names wrap at this width under their shape. */
const NAME_WIDTH = 150;
/** Footnotes wrap at this width (or the drawing's, if wider). */
const NOTE_WIDTH = 672;

/** What the picture shows of a path: each entity's name, colour and shape, and each hop's relation. */
export interface PathPicture {
  entities: Array<{ name: string; color: string; shape: string }>;
  hops: Array<{ label: string; forward: boolean; directed: boolean; negated: boolean; notes: number[] }>;
}

/** The picture's content for `path` in `graph`, with the footnote numbers of `card` (pathCard of the same path). */
export function pathPicture(graph: CompiledGraph, path: Path, card: PathCard, lang: Lang): PathPicture {
  const entities = new Map(graph.entities.map((e) => [e.id, e]));
  const types = new Map(graph.entityTypes.map((t) => [t.id, t]));
  const relationTypes = new Map(graph.relationTypes.map((t) => [t.id, t]));
  return {
    entities: path.nodes.map((id) => {
      const entity = entities.get(id);
      const type = entity ? types.get(entity.type) : undefined;
      return { name: entity ? entityName(entity, lang) : id, color: type?.color ?? '#6b7280', shape: type?.shape ?? 'ellipse' };
    }),
    hops: path.edges.map((edge, i) => {
      const type = relationTypes.get(edge.type);
      const label = type ? type.label[lang] || type.label.en : edge.type;
      return { label, forward: edge.forward, directed: edge.directed, negated: edge.negated === true, notes: card.hops[i]?.notes ?? [] };
    }),
  };
}

/** Breaks `text` into lines no wider than `max` as `ctx` measures them: at spaces, else between any two characters. */
export function wrapMeasured(ctx: Pick<CanvasRenderingContext2D, 'measureText'>, text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.split(/(?<=\s)/u)) {
    if (ctx.measureText(line + token).width <= max) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    // A token wider than a line (a long URL, a Chinese sentence) is broken between characters.
    for (const ch of token.trimStart()) {
      if (line && ctx.measureText(line + ch).width > max) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Traces an entity type's shape (Cytoscape's shape names) centred on (x, y), `r` from centre to edge. */
function traceShape(ctx: CanvasRenderingContext2D, shape: string, x: number, y: number, r: number): void {
  const polygon = (corners: number, rotation: number, inner?: number): void => {
    const points = inner ? corners * 2 : corners;
    for (let i = 0; i < points; i++) {
      const radius = inner && i % 2 === 1 ? r * inner : r;
      const a = rotation + (i * 2 * Math.PI) / points;
      if (i === 0) ctx.moveTo(x + radius * Math.cos(a), y + radius * Math.sin(a));
      else ctx.lineTo(x + radius * Math.cos(a), y + radius * Math.sin(a));
    }
    ctx.closePath();
  };
  ctx.beginPath();
  const up = -Math.PI / 2;
  switch (shape) {
    case 'triangle':
      return polygon(3, up);
    case 'diamond':
      return polygon(4, up);
    case 'pentagon':
      return polygon(5, up);
    case 'hexagon':
      return polygon(6, 0);
    case 'heptagon':
      return polygon(7, up);
    case 'octagon':
      return polygon(8, Math.PI / 8);
    case 'star':
      return polygon(5, up, 0.45);
    case 'rectangle':
    case 'square':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      return;
    case 'round-rectangle':
    case 'roundrectangle':
      ctx.roundRect(x - r, y - r, 2 * r, 2 * r, r / 3);
      return;
    case 'vee':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x, y - r / 3);
      ctx.lineTo(x + r, y - r);
      ctx.lineTo(x, y + r);
      ctx.closePath();
      return;
    case 'tag':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r / 3, y - r);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x + r / 3, y + r);
      ctx.lineTo(x - r, y + r);
      ctx.closePath();
      return;
    default:
      ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
}

/** Paints the card on a canvas and returns it as a PNG Blob (at `scale`× for sharp slides). */
export async function pathCardPng(card: PathCard, picture: PathPicture, scale = 2): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  const nameFont = `13px ${DECOR_FONT}`;
  const hopFont = `12px ${DECOR_FONT}`;
  const noteFont = `12px ${DECOR_FONT}`;
  // Measure first: each entity's name lines and column width, each hop's width.
  ctx.font = nameFont;
  const names = picture.entities.map((e) => wrapMeasured(ctx, e.name, NAME_WIDTH));
  const columns = names.map((lines) => Math.max(NODE + 10, ...lines.map((l) => ctx.measureText(l).width)));
  ctx.font = hopFont;
  const hopTexts = picture.hops.map((h) => `${h.negated ? '× ' : ''}${h.label} ${h.notes.map((n) => `[${n}]`).join('')}`.trim());
  const hopWidths = hopTexts.map((t) => Math.max(70, ctx.measureText(t).width + 24));
  const drawingWidth = columns.reduce((a, b) => a + b, 0) + hopWidths.reduce((a, b) => a + b, 0);
  const width = Math.ceil(Math.max(MIN_WIDTH, drawingWidth + 2 * PAD));
  const noteWidth = Math.max(NOTE_WIDTH, width - 2 * PAD);
  ctx.font = noteFont;
  const notes = card.notes.map((n) => wrapMeasured(ctx, `[${n.number}] “${n.quote}” — ${n.source}`, noteWidth));
  ctx.font = `bold 20px ${DECOR_FONT}`;
  const titleLines = wrapMeasured(ctx, card.title, width - 2 * PAD);
  const titleHeight = titleLines.length * 26;
  const nameLines = Math.max(1, ...names.map((l) => l.length));
  const rowTop = PAD + titleHeight + 24;
  const rowY = rowTop + NODE / 2;
  const notesTop = rowY + NODE / 2 + 8 + nameLines * 17 + 24;
  const height = Math.ceil(notesTop + notes.reduce((h, lines) => h + lines.length * 17 + 6, 0) + PAD);

  canvas.width = width * scale;
  canvas.height = height * scale;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#f97316';
  ctx.fillRect(0, 0, 6, height);
  ctx.textBaseline = 'alphabetic';
  ctx.font = `bold 20px ${DECOR_FONT}`;
  ctx.fillStyle = '#111827';
  titleLines.forEach((line, i) => ctx.fillText(line, PAD, PAD + 20 + i * 26));

  // The path, centred: entity, hop, entity, ...
  let x = (width - drawingWidth) / 2;
  const centres: number[] = [];
  columns.forEach((w, i) => {
    centres.push(x + w / 2);
    x += w + (hopWidths[i] ?? 0);
  });
  picture.hops.forEach((hop, i) => {
    const from = centres[i]! + NODE / 2 + 4;
    const to = centres[i + 1]! - NODE / 2 - 4;
    ctx.strokeStyle = hop.negated ? '#b91c1c' : '#64748b';
    ctx.lineWidth = 2;
    ctx.setLineDash(hop.negated ? [8, 4] : []);
    ctx.beginPath();
    ctx.moveTo(from, rowY);
    ctx.lineTo(to, rowY);
    ctx.stroke();
    ctx.setLineDash([]);
    if (hop.directed) {
      // The arrow points the way the relation runs, which may be against the reading direction.
      const tip = hop.forward ? to : from;
      const back = hop.forward ? -8 : 8;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.beginPath();
      ctx.moveTo(tip, rowY);
      ctx.lineTo(tip + back, rowY - 5);
      ctx.lineTo(tip + back, rowY + 5);
      ctx.closePath();
      ctx.fill();
    }
    ctx.font = hopFont;
    ctx.fillStyle = hop.negated ? '#b91c1c' : '#334155';
    ctx.textAlign = 'center';
    ctx.fillText(hopTexts[i]!, (from + to) / 2, rowY - 8);
  });
  picture.entities.forEach((entity, i) => {
    ctx.fillStyle = entity.color;
    traceShape(ctx, entity.shape, centres[i]!, rowY, NODE / 2);
    ctx.fill();
    ctx.font = nameFont;
    ctx.fillStyle = '#111827';
    ctx.textAlign = 'center';
    names[i]!.forEach((line, j) => ctx.fillText(line, centres[i]!, rowY + NODE / 2 + 20 + j * 17));
  });
  ctx.textAlign = 'left';
  ctx.font = noteFont;
  ctx.fillStyle = '#475569';
  let y = notesTop;
  for (const lines of notes) {
    for (const line of lines) {
      y += 17;
      ctx.fillText(line, PAD, y - 4);
    }
    y += 6;
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser produced no image');
  return blob;
}
