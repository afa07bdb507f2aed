// Where entities that arrive on a canvas already in use go: on rings around the entity they were reached from, in
// free places, so what is already drawn never moves (the reader's mental map survives an expansion).
import type { ElementDefinition } from 'cytoscape';
import type { Position } from '../graph/types.ts';

export const PLACE_DEFAULTS = {
  /** Radius of the first ring, in layout units. */
  radius: 140,
  /** Least distance between a new entity and any other (and between rings). */
  gap: 70,
} as const;

/**
 * Positions for `count` new entities around `center`, each at least `gap` from every position in `taken` and from each
 * other, nearest rings first. Deterministic (same input, same places), and never fails: rings grow until there is room.
 */
export function placeAround(
  center: Position,
  count: number,
  taken: readonly Position[],
  options: Partial<Record<keyof typeof PLACE_DEFAULTS, number>> = {},
): Position[] {
  const { radius, gap } = { ...PLACE_DEFAULTS, ...options };
  const placed: Position[] = [];
  const occupied = [...taken];
  const free = (p: Position): boolean => occupied.every((q) => (p.x - q.x) ** 2 + (p.y - q.y) ** 2 >= gap * gap);
  for (let ring = 0; placed.length < count; ring++) {
    const r = radius + ring * gap;
    const slots = Math.max(6, Math.floor((2 * Math.PI * r) / gap));
    // Each ring starts half a slot further round than the last, so neighbouring rings do not line up into spokes.
    const offset = (ring % 2) * (Math.PI / slots);
    for (let i = 0; i < slots && placed.length < count; i++) {
      const angle = offset + (2 * Math.PI * i) / slots;
      const p = { x: center.x + r * Math.cos(angle), y: center.y + r * Math.sin(angle) };
      if (!free(p)) continue;
      placed.push(p);
      occupied.push(p);
    }
  }
  return placed;
}

/** A place for a new group with nothing to be near: right of everything drawn, or the origin on an empty canvas. */
export function placeBeside(taken: readonly Position[]): Position {
  if (taken.length === 0) return { x: 0, y: 0 };
  const maxX = Math.max(...taken.map((p) => p.x));
  const ys = taken.map((p) => p.y);
  return { x: maxX + 3 * PLACE_DEFAULTS.radius, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

/** Gives node definitions the places their entities already have on the canvas, so a new version of a graph keeps them. */
export function keepPlaced(elements: ElementDefinition[], placed: ReadonlyMap<string, Position>): void {
  for (const el of elements) {
    const p = el.group === 'nodes' ? placed.get(String(el.data.id)) : undefined;
    if (p) el.position = { x: p.x, y: p.y };
  }
}
