// Label placement with collision avoidance, one mechanism for the canvas and for exported pictures: labels are placed
// greedily by priority, each at the first of its candidate spots that hits neither an already placed label nor a node
// body. Pure geometry (no DOM, no Cytoscape); units are whatever the caller measures in (model or screen pixels).
import RBush from 'rbush';

export interface Point {
  x: number;
  y: number;
}

/** A rectangle about its centre, turned by `angle` radians (edge labels follow their line; node labels have 0). */
export interface Rect {
  cx: number;
  cy: number;
  w: number;
  h: number;
  angle: number;
}

/** Where a label's text may go. */
export type SpotForm = 'anchored' | 'wrapped' | 'displaced' | 'along';
export type Anchor = 'below' | 'above' | 'right' | 'left' | 'mid' | 'away';

export interface LabelSpot {
  /** The text's box. */
  rect: Rect;
  /** The text, one line or (wrapped) two. */
  lines: readonly string[];
  form: SpotForm;
  anchor: Anchor;
  /** A displaced label's leader line, from its node's body to the text's box. */
  leader?: { from: Point; to: Point } | undefined;
}

export interface LabelRequest {
  id: string;
  /** Higher is placed first; ties go by id, so the outcome never depends on input order. */
  priority: number;
  /** Candidate spots, best first. */
  spots: readonly LabelSpot[];
  /** Shown even when every spot collides (at its first spot): the selection's, a path's and the hovered labels. */
  always?: boolean | undefined;
}

export interface PlacedLabel {
  id: string;
  spot: LabelSpot;
  /** Which of the request's spots was taken. */
  index: number;
  /** Taken although it collides (`always`). */
  forced: boolean;
}

export interface Placement {
  /** In placing order (highest priority first). */
  placed: PlacedLabel[];
  /** Ids of labels that fit nowhere, in placing order. */
  hidden: string[];
}

export interface PlacementOptions {
  /** Room kept free around every label, in the caller's units. */
  gap: number;
  /**
   * The area labels must lie wholly inside (the canvas's screen box): a spot reaching past it counts as taken, so no
   * name is cut at an edge. Absent: unbounded (pictures grow to hold their labels).
   */
  bounds?: { x1: number; y1: number; x2: number; y2: number } | undefined;
}

const DEFAULTS: PlacementOptions = { gap: 1 };

interface Entry {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  corners: Point[];
  /** Bodies block labels; leader lines block labels but not other leaders' paths through bodies. */
  kind: 'label' | 'body' | 'leader';
}

/** The four corners of a rectangle, in order. */
export function corners(rect: Rect, grow = 0): Point[] {
  const hw = rect.w / 2 + grow;
  const hh = rect.h / 2 + grow;
  const cos = Math.cos(rect.angle);
  const sin = Math.sin(rect.angle);
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([dx, dy]) => ({ x: rect.cx + dx! * cos - dy! * sin, y: rect.cy + dx! * sin + dy! * cos }));
}

function entry(points: Point[], kind: Entry['kind']): Entry {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return { minX, minY, maxX, maxY, corners: points, kind };
}

/**
 * Whether two convex polygons overlap by more than `tolerance` (separating-axis test over both polygons' edge normals).
 * Polygons that only touch do not overlap.
 */
export function polygonsOverlap(a: readonly Point[], b: readonly Point[], tolerance = 0): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const nx = q.y - p.y;
      const ny = p.x - q.x;
      const length = Math.hypot(nx, ny);
      if (length === 0) continue;
      let minA = Infinity;
      let maxA = -Infinity;
      let minB = Infinity;
      let maxB = -Infinity;
      for (const v of a) {
        const d = (v.x * nx + v.y * ny) / length;
        minA = Math.min(minA, d);
        maxA = Math.max(maxA, d);
      }
      for (const v of b) {
        const d = (v.x * nx + v.y * ny) / length;
        minB = Math.min(minB, d);
        maxB = Math.max(maxB, d);
      }
      if (maxA - minB <= tolerance || maxB - minA <= tolerance) return false;
    }
  }
  return true;
}

/** A leader line as a thin rectangle, so that labels placed later keep off it. */
function leaderRect(from: Point, to: Point): Rect {
  return {
    cx: (from.x + to.x) / 2,
    cy: (from.y + to.y) / 2,
    w: Math.hypot(to.x - from.x, to.y - from.y),
    h: 1,
    angle: Math.atan2(to.y - from.y, to.x - from.x),
  };
}

/**
 * Places `requests` greedily by priority around `bodies` (node bodies: no label may cover one). Returns every placed
 * label with its spot, and the ids of those that fit nowhere. Deterministic: the same input gives the same output.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  bodies: readonly Rect[],
  options: Partial<PlacementOptions> = {},
): Placement {
  const { gap, bounds } = { ...DEFAULTS, ...options };
  const outside = (points: Point[]): boolean =>
    bounds !== undefined && points.some((p) => p.x < bounds.x1 || p.y < bounds.y1 || p.x > bounds.x2 || p.y > bounds.y2);
  const tree = new RBush<Entry>();
  tree.load(bodies.map((b) => entry(corners(b), 'body')));
  const ordered = [...requests].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const placed: PlacedLabel[] = [];
  const hidden: string[] = [];
  const hits = (points: Point[], against: (kind: Entry['kind']) => boolean): boolean => {
    const box = entry(points, 'label');
    return tree.search(box).some((other) => against(other.kind) && polygonsOverlap(points, other.corners));
  };
  for (const request of ordered) {
    let index = -1;
    for (let i = 0; i < request.spots.length; i++) {
      const spot = request.spots[i]!;
      if (outside(corners(spot.rect)) || hits(corners(spot.rect, gap), () => true)) continue;
      if (spot.leader && hits(corners(leaderRect(spot.leader.from, spot.leader.to)), (kind) => kind === 'label')) continue;
      index = i;
      break;
    }
    const forced = index < 0 && Boolean(request.always) && request.spots.length > 0;
    if (index < 0 && !forced) {
      hidden.push(request.id);
      continue;
    }
    const spot = request.spots[Math.max(index, 0)]!;
    tree.insert(entry(corners(spot.rect), 'label'));
    if (spot.leader) tree.insert(entry(corners(leaderRect(spot.leader.from, spot.leader.to)), 'leader'));
    placed.push({ id: request.id, spot, index: Math.max(index, 0), forced });
  }
  return { placed, hidden };
}

/** A label's text as measured by the caller: its lines, each line's width, and the height of one line. */
export interface MeasuredText {
  lines: readonly string[];
  widths: readonly number[];
  lineHeight: number;
}

export interface NodeSpotOptions {
  /** Distance between the body and its label. */
  margin: number;
  /** The label wrapped on two lines, tried after the one-line form at each anchor. */
  wrapped?: MeasuredText | undefined;
  /** Also offer spots further away with a leader line (pictures; the canvas cannot draw leaders). */
  displaced?: boolean | undefined;
  /** The anchors to try, in order (default below, above, right, left). */
  anchors?: readonly Anchor[] | undefined;
}

const textBox = (text: MeasuredText): { w: number; h: number } => ({
  w: Math.max(0, ...text.widths),
  h: text.lineHeight * text.lines.length,
});

/** The directions a displaced label is tried in: below first, then round the clock. */
const AWAY = [90, 270, 0, 180, 45, 135, 315, 225].map((deg) => (deg * Math.PI) / 180);

/** Candidate spots for a node's label around a body centred at (`body.cx`, `body.cy`), best first. */
export function nodeSpots(body: Rect, text: MeasuredText, options: NodeSpotOptions): LabelSpot[] {
  const forms: { text: MeasuredText; form: SpotForm }[] = [{ text, form: 'anchored' }];
  if (options.wrapped && options.wrapped.lines.length > 1) forms.push({ text: options.wrapped, form: 'wrapped' });
  const spots: LabelSpot[] = [];
  const m = options.margin;
  for (const { text: t, form } of forms) {
    const { w, h } = textBox(t);
    for (const anchor of options.anchors ?? (['below', 'above', 'right', 'left'] as const)) {
      const at: Record<string, Point> = {
        below: { x: body.cx, y: body.cy + body.h / 2 + m + h / 2 },
        above: { x: body.cx, y: body.cy - body.h / 2 - m - h / 2 },
        right: { x: body.cx + body.w / 2 + m + w / 2, y: body.cy },
        left: { x: body.cx - body.w / 2 - m - w / 2, y: body.cy },
      };
      const p = at[anchor];
      if (p) spots.push({ rect: { cx: p.x, cy: p.y, w, h, angle: 0 }, lines: t.lines, form, anchor });
    }
  }
  if (options.displaced) {
    for (const step of [1, 2, 3, 4, 6]) {
      for (const { text: t } of forms) {
        const { w, h } = textBox(t);
        for (const angle of AWAY) {
          const dx = Math.cos(angle);
          const dy = Math.sin(angle);
          // From the centre to the body's edge, then `step` lines further, then to the text's centre.
          const reach = Math.abs(dx) * (body.w / 2) + Math.abs(dy) * (body.h / 2);
          const half = Math.abs(dx) * (w / 2) + Math.abs(dy) * (h / 2);
          const r = reach + m + step * t.lineHeight * 1.5 + half;
          const rect = { cx: body.cx + dx * r, cy: body.cy + dy * r, w, h, angle: 0 };
          const to = { x: clamp(body.cx, rect.cx - w / 2, rect.cx + w / 2), y: clamp(body.cy, rect.cy - h / 2, rect.cy + h / 2) };
          const from = { x: body.cx + dx * reach, y: body.cy + dy * reach };
          spots.push({ rect, lines: t.lines, form: 'displaced', anchor: 'away', leader: { from, to } });
        }
      }
    }
  }
  return spots;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** An edge's line: straight from `from` to `to`, or a quadratic curve through `control`. */
export interface EdgeCurve {
  from: Point;
  to: Point;
  control?: Point | undefined;
}

/** The point at `t` (0–1) along an edge and the line's direction there, turned to read left to right. */
export function pointAlong(curve: EdgeCurve, t: number): { x: number; y: number; angle: number } {
  const { from: a, to: b, control: c } = curve;
  let x: number;
  let y: number;
  let dx: number;
  let dy: number;
  if (c) {
    const u = 1 - t;
    x = u * u * a.x + 2 * u * t * c.x + t * t * b.x;
    y = u * u * a.y + 2 * u * t * c.y + t * t * b.y;
    dx = 2 * u * (c.x - a.x) + 2 * t * (b.x - c.x);
    dy = 2 * u * (c.y - a.y) + 2 * t * (b.y - c.y);
  } else {
    x = a.x + (b.x - a.x) * t;
    y = a.y + (b.y - a.y) * t;
    dx = b.x - a.x;
    dy = b.y - a.y;
  }
  let angle = Math.atan2(dy, dx);
  if (angle > Math.PI / 2) angle -= Math.PI;
  else if (angle <= -Math.PI / 2) angle += Math.PI;
  return { x, y, angle };
}

/** Candidate spots for an edge's label: on the line at each of `ts` (the middle first), turned along it. */
export function edgeSpots(curve: EdgeCurve, text: MeasuredText, ts: readonly number[] = [0.5]): LabelSpot[] {
  const { w, h } = textBox(text);
  return ts.map((t) => {
    const p = pointAlong(curve, t);
    return { rect: { cx: p.x, cy: p.y, w, h, angle: p.angle }, lines: text.lines, form: t === 0.5 ? 'anchored' : 'along', anchor: 'mid' };
  });
}
