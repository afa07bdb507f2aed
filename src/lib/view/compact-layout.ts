// Shapes a layout for the canvas it is shown on: scaled to the canvas's aspect ratio, with label boxes pulled apart.
import type { Position } from '../graph/types.ts';

/** A node's box around its position, labels included: `left`/`right` from x, `top`/`bottom` from y (all ≥ 0). */
export interface NodeBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Extent {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The box around every node's box (labels included), or undefined for no nodes. */
export function boxExtent(positions: ReadonlyMap<string, Position>, boxes: ReadonlyMap<string, NodeBox>): Extent | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [id, p] of positions) {
    const b = boxes.get(id) ?? { left: 0, right: 0, top: 0, bottom: 0 };
    minX = Math.min(minX, p.x - b.left);
    maxX = Math.max(maxX, p.x + b.right);
    minY = Math.min(minY, p.y - b.top);
    maxY = Math.max(maxY, p.y + b.bottom);
  }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : undefined;
}

/**
 * Scales positions about their centre so that the extent of the boxes has `aspect` (width / height). With
 * `stretchOnly`, only the short side is stretched, so no two positions come closer (boxes that did not overlap still
 * do not); otherwise x and y scale by s and 1/s, keeping the area (overlaps that creates are for `separate`).
 */
export function toAspect(
  positions: ReadonlyMap<string, Position>,
  boxes: ReadonlyMap<string, NodeBox>,
  aspect: number,
  stretchOnly: boolean,
): Map<string, Position> {
  const extent = boxExtent(positions, boxes);
  const out = new Map(positions);
  if (!extent || !(aspect > 0)) return out;
  // Measure the spread of the positions themselves: the boxes add a fixed margin that scaling does not change.
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of positions.values()) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  const spreadX = maxX - minX;
  const spreadY = maxY - minY;
  const marginX = extent.maxX - extent.minX - spreadX;
  const marginY = extent.maxY - extent.minY - spreadY;
  if (spreadX <= 0 || spreadY <= 0) return out;
  // Solve (sx·spreadX + marginX) / (sy·spreadY + marginY) = aspect.
  let sx: number;
  let sy: number;
  if (stretchOnly) {
    const now = (spreadX + marginX) / (spreadY + marginY);
    if (now < aspect) {
      sy = 1;
      sx = Math.max(1, (aspect * (spreadY + marginY) - marginX) / spreadX);
    } else {
      sx = 1;
      sy = Math.max(1, ((spreadX + marginX) / aspect - marginY) / spreadY);
    }
  } else {
    // Keep sx·sy = 1 (the area of the spread); solve aspect·spreadY/s + aspect·marginY = s·spreadX + marginX for s.
    const a = spreadX;
    const b = marginX - aspect * marginY;
    const c = -aspect * spreadY;
    sx = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    sy = 1 / sx;
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  for (const [id, p] of positions) out.set(id, { x: cx + (p.x - cx) * sx, y: cy + (p.y - cy) * sy });
  return out;
}

/**
 * Pushes overlapping boxes apart (each pair along the axis where they overlap least, half each way) until no two
 * boxes are closer than `gap` or `rounds` passes have run. Deterministic: pairs are visited in the map's order.
 * Quadratic per pass: meant for the few hundred nodes of a precomputed or exported layout.
 */
export function separate(
  positions: ReadonlyMap<string, Position>,
  boxes: ReadonlyMap<string, NodeBox>,
  gap = 4,
  rounds = 200,
): Map<string, Position> {
  const ids = [...positions.keys()];
  const xs = ids.map((id) => positions.get(id)!.x);
  const ys = ids.map((id) => positions.get(id)!.y);
  const bs = ids.map((id) => boxes.get(id) ?? { left: 0, right: 0, top: 0, bottom: 0 });
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = bs[i]!;
        const b = bs[j]!;
        // Overlap along x: how far j's box must move right (or i's left) to clear by `gap`, and the other way round.
        const dx = xs[j]! - xs[i]!;
        const dy = ys[j]! - ys[i]!;
        const overlapX = dx >= 0 ? a.right + b.left + gap - dx : b.right + a.left + gap + dx;
        const overlapY = dy >= 0 ? a.bottom + b.top + gap - dy : b.bottom + a.top + gap + dy;
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        if (overlapX < overlapY) {
          const push = (overlapX / 2 + 0.01) * (dx >= 0 ? 1 : -1);
          xs[i]! -= push;
          xs[j]! += push;
        } else {
          const push = (overlapY / 2 + 0.01) * (dy >= 0 ? 1 : -1);
          ys[i]! -= push;
          ys[j]! += push;
        }
      }
    }
    if (!moved) break;
  }
  return new Map(ids.map((id, i) => [id, { x: xs[i]!, y: ys[i]! }]));
}
