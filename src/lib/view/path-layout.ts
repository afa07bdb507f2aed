// Where the entities of highlighted paths go in the path layout: left to right in reading order, one lane per path.
import type { Position } from '../graph/types.ts';

export const PATH_LAYOUT_DEFAULTS = {
  /** Room between two columns' labels for the relation label on the hop, in model px. */
  hopGap: 90,
  /** Distance between two lanes (paths), in model px. */
  laneGap: 110,
  /** The point the layout is centred on. */
  origin: { x: 0, y: 0 } as Position,
};

/**
 * Positions for the entities of `paths` (each a list of entity ids from start to end). Each entity appears once: its
 * column is the longest run of hops leading to it over all the paths (so along every path, columns strictly increase
 * wherever the paths agree on an order), its lane the mean of the lanes of the paths through it (path i has lane i),
 * so shared entities sit between the lanes of the paths that share them. `width(id)` is an entity's label width;
 * columns are spaced so neighbouring labels and the relation label between them do not meet.
 */
export function pathLayout(
  paths: readonly (readonly string[])[],
  width: (id: string) => number,
  options: Partial<typeof PATH_LAYOUT_DEFAULTS> = {},
): Map<string, Position> {
  const o = { ...PATH_LAYOUT_DEFAULTS, ...options };
  const order: string[] = [];
  const preds = new Map<string, Set<string>>();
  const succs = new Map<string, Set<string>>();
  const lanes = new Map<string, number[]>();
  paths.forEach((path, lane) => {
    path.forEach((id, i) => {
      if (!preds.has(id)) {
        order.push(id);
        preds.set(id, new Set());
        succs.set(id, new Set());
      }
      const own = lanes.get(id) ?? [];
      if (!own.includes(lane)) own.push(lane);
      lanes.set(id, own);
      if (i > 0 && path[i - 1] !== id) {
        preds.get(id)!.add(path[i - 1]!);
        succs.get(path[i - 1]!)!.add(id);
      }
    });
  });
  const column = columns(order, preds, succs);
  // Column positions: each column as wide as its widest label, plus room for the hop's relation label.
  const columnCount = Math.max(0, ...column.values()) + 1;
  const half = Array.from({ length: columnCount }, () => 0);
  for (const id of order) half[column.get(id)!] = Math.max(half[column.get(id)!]!, width(id) / 2);
  const xs: number[] = [0];
  for (let c = 1; c < columnCount; c++) xs.push(xs[c - 1]! + half[c - 1]! + o.hopGap + half[c]!);
  const middleX = (xs[0]! + xs[columnCount - 1]!) / 2;
  const middleLane = (paths.length - 1) / 2;
  const taken = new Set<string>();
  const positions = new Map<string, Position>();
  for (const id of order) {
    const own = lanes.get(id)!;
    let lane = own.reduce((a, b) => a + b, 0) / own.length;
    // Two entities in one column and lane (paths that cross): the later one moves half a lane down.
    while (taken.has(`${column.get(id)}:${lane}`)) lane += 0.5;
    taken.add(`${column.get(id)}:${lane}`);
    positions.set(id, { x: o.origin.x + xs[column.get(id)!]! - middleX, y: o.origin.y + (lane - middleLane) * o.laneGap });
  }
  return positions;
}

/**
 * Longest-path columns over the hops (Kahn's order). Entities on a cycle (paths that disagree on which comes first)
 * are placed in order of first appearance, one column after their placed predecessors.
 */
function columns(
  order: readonly string[],
  preds: ReadonlyMap<string, Set<string>>,
  succs: ReadonlyMap<string, Set<string>>,
): Map<string, number> {
  const column = new Map<string, number>();
  const waiting = new Map(order.map((id) => [id, preds.get(id)!.size]));
  const place = (id: string): void => {
    let c = 0;
    for (const p of preds.get(id)!) if (column.has(p)) c = Math.max(c, column.get(p)! + 1);
    column.set(id, c);
  };
  const ready = order.filter((id) => waiting.get(id) === 0);
  while (column.size < order.length) {
    const next = ready.shift() ?? order.find((id) => !column.has(id))!;
    if (column.has(next)) continue;
    place(next);
    for (const s of succs.get(next)!) {
      const left = waiting.get(s)! - 1;
      waiting.set(s, left);
      if (left === 0 && !column.has(s)) ready.push(s);
    }
  }
  return column;
}
