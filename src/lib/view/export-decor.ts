// What goes around an exported picture — title, legend of types and modalities, cited sources — laid out as plain data,
// plus the SVG writer for it. Pure: the PNG painter and the SVG writer draw the same layout.
import type { CompiledGraph } from '../graph/types.ts';
import type { Lang } from './elements.ts';
import { labelWidth } from './elements.ts';
import { LINE_KINDS, LINE_LOOK, type LineKind } from './line-looks.ts';
import { shapePath } from './node-shapes.ts';

export interface DecorOptions {
  title?: string | undefined;
  legend: boolean;
  sources: boolean;
  lang: Lang;
}

export interface LegendItem {
  kind: 'entity' | 'line';
  label: string;
  color: string;
  shape?: string;
  /** A line's dash pattern (empty: solid), as the canvas draws that kind of relation. */
  dash?: readonly number[];
}

/** The decoration, measured in CSS pixels (before the export scale). */
export interface Decor {
  title?: string | undefined;
  legend: LegendItem[];
  sources: string[];
  sourcesHeading: string;
  /** Height of the band above the graph (title) and below it (legend, sources). */
  top: number;
  bottom: number;
}

/** One line of the legend and the sources list. */
export const LEGEND_LINE = 18;
const LINE = LEGEND_LINE;
const PAD = 16;
export const DECOR_FONT = 'system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';

/** How each kind of relation line is named in a picture's legend (its look is `LINE_LOOK`). */
const LINE_LABEL: Record<LineKind, Record<Lang, string>> = {
  fact: { en: 'fact', zh: '事实' },
  opinion: { en: 'opinion (dashed)', zh: '观点（虚线）' },
  prediction: { en: 'prediction (dotted)', zh: '预测（点线）' },
  question: { en: 'question: the source asks (?)', zh: '问题：来源提问（?）' },
  inferred: { en: 'inferred, not stated (sparse dash)', zh: '推断，非来源明言（疏虚线）' },
  negated: { en: 'the source says not (✕, red)', zh: '来源否认（✕，红色）' },
};

/** Marks a title the source does not carry itself (see `Source.descriptiveTitle`). */
const DESCRIPTIVE: Record<Lang, string> = { en: ' (descriptive title)', zh: '（描述性标题）' };

/** Breaks text into lines no wider than `maxWidth` px at 11 px type (estimated), at spaces where possible. */
export function wrap(text: string, maxWidth: number): string[] {
  const width = (t: string): number => labelWidth(t) * (11 / 12);
  const lines: string[] = [];
  let line = '';
  for (const token of text.split(/(?<=\s)|(?=[\u2e80-\u9fff])/u)) {
    if (line && width(line + token) > maxWidth) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** A legend swatch's side, and where its text starts after an entity's swatch or a line's sample. */
export const SWATCH = 14;
const TEXT_AFTER = { entity: SWATCH + 6, line: 28 } as const;
/** Room kept between a legend item's text and the next column. */
const COLUMN_GAP = 14;
const MIN_COLUMN = 190;

/** Estimated width of legend text at 12 px (a little generous: `labelWidth` counts Latin letters at 7 px). */
const legendTextWidth = (text: string): number => labelWidth(text);

/**
 * The legend as a grid that never overlaps: columns as wide as the widest item needs (up to the picture's width), and
 * an item still too wide for its column wrapped onto more lines, its row made taller to hold them.
 */
export function legendGrid(legend: readonly LegendItem[], width: number) {
  const room = Math.max(1, width - 2 * PAD);
  const widest = Math.max(0, ...legend.map((item) => TEXT_AFTER[item.kind] + legendTextWidth(item.label) + COLUMN_GAP));
  const columns = Math.max(1, Math.min(legend.length || 1, Math.floor(room / Math.min(room, Math.max(MIN_COLUMN, widest)))));
  const colWidth = room / columns;
  const items = legend.map((item, i) => {
    const textRoom = colWidth - TEXT_AFTER[item.kind] - COLUMN_GAP;
    const lines = legendTextWidth(item.label) <= textRoom ? [item.label] : wrap(item.label, textRoom * (11 / 12));
    return { item, column: i % columns, row: Math.floor(i / columns), lines };
  });
  const rowLines: number[] = [];
  for (const it of items) rowLines[it.row] = Math.max(rowLines[it.row] ?? 1, it.lines.length);
  const rowTop: number[] = [];
  let y = 0;
  for (const lines of rowLines) {
    rowTop.push(y);
    y += lines * LINE;
  }
  return { columns, colWidth, items, rowTop, height: y };
}

/** Legend items per row when laid out under a picture of the given width. */
export function legendColumns(width: number, legend: readonly LegendItem[] = []): number {
  return legendGrid(legend, width).columns;
}

/** Builds the decoration for an exported subgraph: only the types and modalities it contains, only the sources it cites. */
export function buildDecor(graph: CompiledGraph, options: DecorOptions, width: number): Decor {
  const legend: LegendItem[] = [];
  if (options.legend) {
    for (const t of graph.entityTypes)
      legend.push({ kind: 'entity', label: t.label[options.lang] || t.label.en, color: t.color, shape: t.shape });
    const kinds = new Set<LineKind>(graph.relations.map((r) => r.modality));
    if (graph.relations.some((r) => r.basis === 'inferred')) kinds.add('inferred');
    if (graph.relations.some((r) => r.negated)) kinds.add('negated');
    for (const kind of LINE_KINDS) {
      if (kinds.has(kind)) legend.push({ kind: 'line', label: LINE_LABEL[kind][options.lang], ...LINE_LOOK[kind] });
    }
  }
  const sources = options.sources
    ? graph.sources.flatMap((s, i) =>
        wrap(
          `[${i + 1}] ${s.title}${s.descriptiveTitle ? DESCRIPTIVE[options.lang] : ''} — ${s.publisher}, ${s.date}${s.url ? ` — ${s.url}` : ''}`,
          width - 2 * PAD,
        ),
      )
    : [];
  const legendHeight = legend.length ? legendGrid(legend, width).height : 0;
  const sourceLines = sources.length ? sources.length + 1 : 0;
  return {
    title: options.title,
    legend,
    sources,
    sourcesHeading: options.lang === 'zh' ? '来源' : 'Sources',
    top: options.title ? 2 * PAD + 8 : 0,
    bottom: legendHeight || sourceLines ? PAD + legendHeight + (sourceLines ? 6 + sourceLines * (LINE - 2) : 0) + PAD / 2 : 0,
  };
}

/**
 * Positions of legend items and source lines under a graph of `graphHeight`, for both painters: each legend item's
 * baseline (x, y) of its first line, its lines, and (entities) its swatch's centre.
 */
export function decorLayout(decor: Decor, width: number, graphHeight: number) {
  const grid = legendGrid(decor.legend, width);
  const legendTop = decor.top + graphHeight + PAD;
  const legend = grid.items.map(({ item, column, row, lines }) => {
    const x = PAD + column * grid.colWidth;
    const y = legendTop + grid.rowTop[row]!;
    return { item, x, y, lines, textX: x + TEXT_AFTER[item.kind], swatch: { cx: x + SWATCH / 2, cy: y - 4, size: SWATCH } };
  });
  const sourcesTop = legendTop + (decor.legend.length ? grid.height : 0) + 6;
  const heading = decor.sources.length ? { x: PAD, y: sourcesTop } : undefined;
  const sources = decor.sources.map((text, i) => ({ text, x: PAD, y: sourcesTop + (i + 1) * (LINE - 2) }));
  return { title: decor.title ? { x: PAD, y: PAD + 14 } : undefined, legend, heading, sources };
}

/** An entity type's legend swatch: its shape as SVG path data, centred at (cx, cy). */
export function swatchPath(item: LegendItem, swatch: { cx: number; cy: number; size: number }): string {
  return shapePath(item.shape ?? 'ellipse', swatch.cx, swatch.cy, swatch.size);
}

/** Escapes text for XML content and attribute values, and drops characters XML cannot carry. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Wraps the graph's SVG (from cytoscape-svg) with the decoration. The graph SVG is nested as an `<svg>` element;
 * all text is XML-escaped text content, never markup, so labels with `<` or `&` stay text.
 */
export function composeSvg(
  graphSvg: string,
  graphWidth: number,
  graphHeight: number,
  decor: Decor,
  background: string | undefined,
  lang: Lang,
  placed: { width?: number; graphX?: number; graphY?: number; overlay?: string } = {},
): string {
  const width = placed.width ?? Math.max(graphWidth, 480);
  const height = decor.top + graphHeight + decor.bottom;
  const layout = decorLayout(decor, width, graphHeight);
  const inner = graphSvg.replace(/^<\?xml[^>]*>\s*/, '').replace(/<!DOCTYPE[^>]*>\s*/i, '');
  const nested = inner.replace(/^<svg\b/, `<svg x="${placed.graphX ?? (width - graphWidth) / 2}" y="${placed.graphY ?? decor.top}"`);
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlEscape(DECOR_FONT)}" xml:lang="${lang === 'zh' ? 'zh-Hans' : 'en'}">`,
  ];
  if (background) parts.push(`<rect width="100%" height="100%" fill="${xmlEscape(background)}"/>`);
  if (layout.title)
    parts.push(
      `<text x="${layout.title.x}" y="${layout.title.y}" font-size="18" font-weight="bold" fill="#111827">${xmlEscape(decor.title ?? '')}</text>`,
    );
  parts.push(nested);
  if (placed.overlay) parts.push(placed.overlay);
  for (const { item, x, y, lines, textX, swatch } of layout.legend) {
    if (item.kind === 'entity')
      parts.push(
        `<path d="${swatchPath(item, swatch)}" fill="${xmlEscape(item.color)}" data-shape="${xmlEscape(item.shape ?? 'ellipse')}" data-x="${swatch.cx}" data-y="${swatch.cy}" data-size="${swatch.size}"/>`,
      );
    else {
      const dash = item.dash?.length ? ` stroke-dasharray="${item.dash.join(' ')}"` : '';
      parts.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${xmlEscape(item.color)}" stroke-width="2"${dash}/>`);
    }
    lines.forEach((line, i) =>
      parts.push(`<text x="${textX}" y="${y + i * LINE}" font-size="12" fill="#1f2937">${xmlEscape(line)}</text>`),
    );
  }
  if (layout.heading)
    parts.push(
      `<text x="${layout.heading.x}" y="${layout.heading.y}" font-size="11" font-weight="bold" fill="#475569">${xmlEscape(decor.sourcesHeading)}</text>`,
    );
  for (const s of layout.sources) parts.push(`<text x="${s.x}" y="${s.y}" font-size="11" fill="#475569">${xmlEscape(s.text)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
