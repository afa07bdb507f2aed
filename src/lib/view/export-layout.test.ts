import { describe, expect, it } from 'vitest';
import { crowdedShare, ringLayout } from './export-layout.ts';
import type { Hop } from './export-layout.ts';
import type { NodeBox } from './compact-layout.ts';

const box = (w: number): NodeBox => ({ left: w / 2, right: w / 2, top: 13, bottom: 32 });

describe('crowdedShare', () => {
  const boxes = new Map([
    ['a', box(60)],
    ['b', box(60)],
  ]);
  const hops: Hop[] = [{ source: 'a', target: 'b', label: 'releases' }];
  it('counts a relation whose label does not fit between its ends', () => {
    expect(
      crowdedShare(
        new Map([
          ['a', { x: 0, y: 0 }],
          ['b', { x: 70, y: 0 }],
        ]),
        boxes,
        hops,
      ),
    ).toBe(1);
  });
  it('counts none when there is room for the label', () => {
    expect(
      crowdedShare(
        new Map([
          ['a', { x: 0, y: 0 }],
          ['b', { x: 200, y: 0 }],
        ]),
        boxes,
        hops,
      ),
    ).toBe(0);
  });
});

describe('ringLayout', () => {
  // A focus with six neighbours, two of which have a neighbour further out.
  const ids = ['f', 'a', 'b', 'c', 'd', 'e', 'g', 'x', 'y'];
  const hops: Hop[] = [
    ...['a', 'b', 'c', 'd', 'e', 'g'].map((id) => ({ source: 'f', target: id, label: 'invests in' })),
    { source: 'a', target: 'x', label: 'releases' },
    { source: 'b', target: 'y', label: 'deploys' },
  ];
  const boxes = new Map(ids.map((id) => [id, box(id === 'c' ? 180 : 70)]));
  const layout = ringLayout('f', ids, hops, boxes);
  const radius = (id: string): number => Math.hypot(layout.get(id)!.x, layout.get(id)!.y);

  it('puts the focus in the centre and entities further away on outer rings', () => {
    expect(layout.get('f')).toEqual({ x: 0, y: 0 });
    const inner = Math.max(...['a', 'b', 'c', 'd', 'e', 'g'].map(radius));
    expect(Math.min(radius('x'), radius('y'))).toBeGreaterThan(inner);
  });

  it('leaves no two boxes overlapping', () => {
    for (const i of ids)
      for (const j of ids) {
        if (i >= j) continue;
        const p = layout.get(i)!;
        const q = layout.get(j)!;
        const apart = Math.abs(p.x - q.x) >= boxes.get(i)!.right + boxes.get(j)!.left || Math.abs(p.y - q.y) >= 45;
        expect(apart, `${i} and ${j}`).toBe(true);
      }
  });

  it('keeps the first ring in the order the entities had around the focus before', () => {
    const before = new Map([
      ['f', { x: 0, y: 0 }],
      ['a', { x: 100, y: 0 }],
      ['b', { x: 0, y: 100 }],
      ['c', { x: -100, y: 0 }],
      ['d', { x: 0, y: -100 }],
      ['e', { x: 70, y: 70 }],
      ['g', { x: -70, y: -70 }],
    ]);
    const kept = ringLayout('f', ids, hops, boxes, before);
    const angle = (id: string): number => Math.atan2(kept.get(id)!.y, kept.get(id)!.x);
    const turn = (from: string, to: string): number => (angle(to) - angle(from) + 4 * Math.PI) % (2 * Math.PI);
    // Going round from a: e, b, c, g, d, as before.
    const order = ['e', 'b', 'c', 'g', 'd'].map((id) => turn('a', id));
    expect(order).toEqual([...order].sort((p, q) => p - q));
  });
});
