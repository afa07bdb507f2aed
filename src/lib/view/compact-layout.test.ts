import { describe, expect, it } from 'vitest';
import { boxExtent, separate, toAspect } from './compact-layout.ts';
import type { NodeBox } from './compact-layout.ts';

const box = (w: number, h: number): NodeBox => ({ left: w / 2, right: w / 2, top: h / 2, bottom: h / 2 });
const at = (entries: Array<[string, number, number]>) => new Map(entries.map(([id, x, y]) => [id, { x, y }]));

function overlapping(positions: Map<string, { x: number; y: number }>, boxes: Map<string, NodeBox>, gap: number): number {
  const ids = [...positions.keys()];
  let count = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const a = positions.get(ids[i]!)!;
      const b = positions.get(ids[j]!)!;
      const ba = boxes.get(ids[i]!)!;
      const bb = boxes.get(ids[j]!)!;
      const apart =
        a.x + ba.right + gap <= b.x - bb.left + 1e-6 ||
        b.x + bb.right + gap <= a.x - ba.left + 1e-6 ||
        a.y + ba.bottom + gap <= b.y - bb.top + 1e-6 ||
        b.y + bb.bottom + gap <= a.y - ba.top + 1e-6;
      if (!apart) count++;
    }
  return count;
}

describe('separate', () => {
  it('pulls overlapping boxes apart until none is closer than the gap', () => {
    const positions = at([
      ['a', 0, 0],
      ['b', 10, 2],
      ['c', 5, 30],
      ['d', 4, 1],
    ]);
    const boxes = new Map([...positions.keys()].map((id) => [id, box(60, 20)]));
    expect(overlapping(positions, boxes, 3)).toBeGreaterThan(0);
    const out = separate(positions, boxes, 3);
    expect(overlapping(out, boxes, 3)).toBe(0);
  });

  it('leaves boxes that already keep their distance where they are', () => {
    const positions = at([
      ['a', 0, 0],
      ['b', 100, 0],
    ]);
    const boxes = new Map([...positions.keys()].map((id) => [id, box(60, 20)]));
    expect(separate(positions, boxes, 3)).toEqual(positions);
  });
});

describe('toAspect', () => {
  const positions = at([
    ['a', 0, 0],
    ['b', 400, 0],
    ['c', 200, 100],
  ]);
  const boxes = new Map([...positions.keys()].map((id) => [id, box(40, 20)]));
  const aspectOf = (p: Map<string, { x: number; y: number }>): number => {
    const e = boxExtent(p, boxes)!;
    return (e.maxX - e.minX) / (e.maxY - e.minY);
  };

  it('scales a wide layout to the given proportions, boxes included', () => {
    expect(aspectOf(toAspect(positions, boxes, 1, false))).toBeCloseTo(1, 6);
    expect(aspectOf(toAspect(positions, boxes, 0.5, true))).toBeCloseTo(0.5, 6);
  });

  it('only stretches when asked to, so no two positions come closer', () => {
    const out = toAspect(positions, boxes, 0.5, true);
    const distance = (p: Map<string, { x: number; y: number }>, i: string, j: string): number =>
      Math.hypot(p.get(i)!.x - p.get(j)!.x, p.get(i)!.y - p.get(j)!.y);
    for (const [i, j] of [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ] as const)
      expect(distance(out, i, j)).toBeGreaterThanOrEqual(distance(positions, i, j) - 1e-9);
  });
});
