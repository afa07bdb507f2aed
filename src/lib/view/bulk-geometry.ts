// The bulk layer's geometry, in model coordinates: what is in view for a camera, which lines and boxes miss it, the
// line nearest a click, how node bodies group into paths, and the colours lines are drawn in. Pure: no DOM, no
// Cytoscape.

/** A camera: zoom and pan, as Cytoscape reports them. */
export interface Camera {
  zoom: number;
  x: number;
  y: number;
}

/** A box in model coordinates. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A straight edge in model coordinates. */
export interface Segment {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a canvas of `width` × `height` CSS pixels shows of the model through `camera`. */
export function viewOf(camera: Camera, width: number, height: number): Box {
  return {
    x1: -camera.x / camera.zoom,
    y1: -camera.y / camera.zoom,
    x2: (width - camera.x) / camera.zoom,
    y2: (height - camera.y) / camera.zoom,
  };
}

/**
 * The CSS transform that moves a drawing made for camera `from` to where camera `to` shows the same model positions
 * (with `transform-origin: 0 0`).
 */
export function followTransform(from: Camera, to: Camera): string {
  const scale = to.zoom / from.zoom;
  return `matrix(${scale}, 0, 0, ${scale}, ${to.x - from.x * scale}, ${to.y - from.y * scale})`;
}

/** The segment nearest to (x, y) within `radius`, or undefined. Ties go to the later segment (drawn on top). */
export function nearestSegment(segments: Iterable<Segment>, x: number, y: number, radius: number): Segment | undefined {
  let best: Segment | undefined;
  let bestDistance = radius * radius;
  for (const s of segments) {
    const dx = s.x2 - s.x1;
    const dy = s.y2 - s.y1;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / length));
    const ex = s.x1 + t * dx - x;
    const ey = s.y1 + t * dy - y;
    const distance = ex * ex + ey * ey;
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = s;
    }
  }
  return best;
}

/**
 * Whether a segment certainly misses `box`: both ends beyond the same side. (A segment passing by a corner is not
 * caught; it is drawn, and clipped, which costs a little and is never wrong.) Given the corners of a box instead,
 * it is exact: the two boxes do not overlap.
 */
export function segmentMisses(box: Box, x1: number, y1: number, x2: number, y2: number): boolean {
  return (x1 < box.x1 && x2 < box.x1) || (x1 > box.x2 && x2 > box.x2) || (y1 < box.y1 && y2 < box.y1) || (y1 > box.y2 && y2 > box.y2);
}

/** How the layer fills a group of node bodies: one path per distinct look. */
export interface BodyLook {
  shape: string;
  fill: string;
  alpha: number;
  borderWidth: number;
  border: string;
}

/** A key for a look: nodes with the same one are filled (and outlined) together. */
export function lookKey(look: BodyLook): string {
  return `${look.shape}|${look.fill}|${look.alpha}|${look.borderWidth}|${look.border}`;
}

/** `colour` (#rrggbb) at `alpha` over white, as an opaque rgb() colour. */
export function overWhite(colour: string, alpha: number): string {
  const channel = (at: number): number => Math.round(alpha * parseInt(colour.slice(at, at + 2), 16) + (1 - alpha) * 255);
  return `rgb(${channel(1)},${channel(3)},${channel(5)})`;
}

/** What a node shape's drawing calls on its context: a Path2D, or anything that forwards to one. */
export type ShapePath = Pick<
  Path2D,
  'moveTo' | 'lineTo' | 'arcTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'ellipse' | 'arc' | 'closePath'
>;

/**
 * `path` for Cytoscape's shape drawing, closing each sub-path with a line back to its start. In Chromium a Path2D's
 * closePath takes time in proportion to the path so far: closing 10,000 shapes in one path took 0.55 s of a zoom.
 */
export function closingByLine(path: ShapePath): ShapePath {
  let startX = 0;
  let startY = 0;
  return {
    moveTo(x, y) {
      startX = x;
      startY = y;
      path.moveTo(x, y);
    },
    lineTo: (x, y) => path.lineTo(x, y),
    arcTo: (x1, y1, x2, y2, radius) => path.arcTo(x1, y1, x2, y2, radius),
    quadraticCurveTo: (cpx, cpy, x, y) => path.quadraticCurveTo(cpx, cpy, x, y),
    bezierCurveTo: (cp1x, cp1y, cp2x, cp2y, x, y) => path.bezierCurveTo(cp1x, cp1y, cp2x, cp2y, x, y),
    arc: (x, y, radius, start, end, anticlockwise) => path.arc(x, y, radius, start, end, anticlockwise),
    ellipse: (x, y, rx, ry, rotation, start, end, anticlockwise) => path.ellipse(x, y, rx, ry, rotation, start, end, anticlockwise),
    closePath: () => path.lineTo(startX, startY),
  };
}
