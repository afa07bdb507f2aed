// Entity-type shapes as SVG path data, from the same unit polygons Cytoscape draws nodes with, so that a picture's
// legend shows each type as the graph does: the SVG writes the path, the PNG painter fills `new Path2D(path)`.
// Pure: no DOM.

/** Cytoscape's `generateUnitNgonPoints`: a regular polygon on the unit circle, flat side down for even counts. */
function ngon(sides: number, rotation = 0): number[] {
  const step = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2) + rotation;
  const points: number[] = [];
  for (let i = 0; i < sides; i++) points.push(Math.cos(start + i * step), Math.sin(-(start + i * step)));
  return points;
}

/** Cytoscape's `fitPolygonToSquare`: stretched to span [-1, 1] on both axes, its top at -1. */
function fitToSquare(points: number[]): number[] {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const out = points.map((v, i) => v * (i % 2 === 0 ? sx : sy));
  const minY = Math.min(...out.filter((_, i) => i % 2 === 1));
  return minY < -1 ? out.map((v, i) => (i % 2 === 1 ? v + (-1 - minY) : v)) : out;
}

function star(): number[] {
  const outer = ngon(5);
  const inner = ngon(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const points: number[] = [];
  for (let i = 0; i < 5; i++) points.push(outer[2 * i]!, outer[2 * i + 1]!, inner[2 * i]!, inner[2 * i + 1]!);
  return fitToSquare(points);
}

/** Unit polygons of Cytoscape's polygon shapes (a `round-` shape is drawn as its polygon: at legend size it reads the same). */
const POLYGONS: Record<string, () => number[]> = {
  triangle: () => fitToSquare(ngon(3)),
  rectangle: () => fitToSquare(ngon(4)),
  square: () => fitToSquare(ngon(4)),
  diamond: () => [0, 1, 1, 0, 0, -1, -1, 0],
  pentagon: () => fitToSquare(ngon(5)),
  hexagon: () => fitToSquare(ngon(6)),
  heptagon: () => fitToSquare(ngon(7)),
  octagon: () => fitToSquare(ngon(8)),
  star,
  vee: () => [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: () => [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': () => [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  'concave-hexagon': () => [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
  tag: () => [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
};

/** Shapes with curves or cut corners, drawn by their own paths below. */
const DRAWN = ['round-rectangle', 'bottom-round-rectangle', 'barrel', 'cut-rectangle'];

const n = (v: number): string => String(Math.round(v * 100) / 100);

/** SVG path data for `shape` (a Cytoscape node shape name) filling a `size` square centred at (cx, cy). */
export function shapePath(shape: string, cx: number, cy: number, size: number): string {
  const h = size / 2;
  const name = shape.replace(/^round-(?!rectangle)/, '').replace(/^(roundrectangle|cutrectangle|bottomroundrectangle)$/, 'round-rectangle');
  if (!(name in POLYGONS || DRAWN.includes(name))) {
    // Cytoscape falls back to an ellipse for a shape it does not know.
    return `M ${n(cx - h)} ${n(cy)} A ${n(h)} ${n(h)} 0 1 0 ${n(cx + h)} ${n(cy)} A ${n(h)} ${n(h)} 0 1 0 ${n(cx - h)} ${n(cy)} Z`;
  }
  if (name === 'round-rectangle' || name === 'bottom-round-rectangle') {
    const r = Math.min(size / 4, 8);
    return [
      `M ${n(cx - h + r)} ${n(cy - h)}`,
      `H ${n(cx + h - r)} A ${n(r)} ${n(r)} 0 0 1 ${n(cx + h)} ${n(cy - h + r)}`,
      `V ${n(cy + h - r)} A ${n(r)} ${n(r)} 0 0 1 ${n(cx + h - r)} ${n(cy + h)}`,
      `H ${n(cx - h + r)} A ${n(r)} ${n(r)} 0 0 1 ${n(cx - h)} ${n(cy + h - r)}`,
      `V ${n(cy - h + r)} A ${n(r)} ${n(r)} 0 0 1 ${n(cx - h + r)} ${n(cy - h)} Z`,
    ].join(' ');
  }
  if (name === 'barrel') {
    // Cytoscape's drawBarrelPath: straight sides, corners bent in by quadratic curves.
    const ho = Math.min(15, 0.05 * size);
    const wo = Math.min(100, 0.25 * size);
    const c = 0.05 * wo;
    const [x0, x1, y0, y1] = [cx - h, cx + h, cy - h, cy + h];
    return [
      `M ${n(x0)} ${n(y0 + ho)} L ${n(x0)} ${n(y1 - ho)} Q ${n(x0 + c)} ${n(y1)} ${n(x0 + wo)} ${n(y1)}`,
      `L ${n(x1 - wo)} ${n(y1)} Q ${n(x1 - c)} ${n(y1)} ${n(x1)} ${n(y1 - ho)}`,
      `L ${n(x1)} ${n(y0 + ho)} Q ${n(x1 - c)} ${n(y0)} ${n(x1 - wo)} ${n(y0)}`,
      `L ${n(x0 + wo)} ${n(y0)} Q ${n(x0 + c)} ${n(y0)} ${n(x0)} ${n(y0 + ho)} Z`,
    ].join(' ');
  }
  if (name === 'cut-rectangle') {
    const k = Math.min(8, size / 4);
    const [x0, x1, y0, y1] = [cx - h, cx + h, cy - h, cy + h];
    return `M ${n(x0 + k)} ${n(y0)} L ${n(x1 - k)} ${n(y0)} L ${n(x1)} ${n(y0 + k)} L ${n(x1)} ${n(y1 - k)} L ${n(x1 - k)} ${n(y1)} L ${n(x0 + k)} ${n(y1)} L ${n(x0)} ${n(y1 - k)} L ${n(x0)} ${n(y0 + k)} Z`;
  }
  const points = POLYGONS[name]!();
  const parts: string[] = [];
  for (let i = 0; i < points.length; i += 2) parts.push(`${i ? 'L' : 'M'} ${n(cx + h * points[i]!)} ${n(cy + h * points[i + 1]!)}`);
  return `${parts.join(' ')} Z`;
}
