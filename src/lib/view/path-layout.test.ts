import { describe, expect, it } from 'vitest';
import { pathLayout } from './path-layout.ts';

const width = (): number => 60;
const xs = (layout: Map<string, { x: number; y: number }>, path: string[]): number[] => path.map((id) => layout.get(id)!.x);
const increasing = (values: number[]): boolean => values.every((v, i) => i === 0 || v > values[i - 1]!);

describe('pathLayout', () => {
  it('puts one path’s entities left to right in reading order on one line', () => {
    const layout = pathLayout([['a', 'b', 'c', 'd']], width);
    expect(increasing(xs(layout, ['a', 'b', 'c', 'd']))).toBe(true);
    expect(new Set([...layout.values()].map((p) => p.y)).size).toBe(1);
  });

  it('lays k paths out as lanes, every one left to right, with shared entities placed once between their lanes', () => {
    const paths = [
      ['s', 'a', 'b', 't'],
      ['s', 'c', 't'],
      ['s', 'a', 'd', 'e', 't'],
    ];
    const layout = pathLayout(paths, width);
    expect(layout.size).toBe(7);
    for (const path of paths) expect(increasing(xs(layout, path))).toBe(true);
    // s and t are on every path: centred between the lanes; a is shared by the first and third.
    expect(layout.get('s')!.y).toBeCloseTo(0, 9);
    expect(layout.get('a')!.y).toBeCloseTo((layout.get('b')!.y + layout.get('d')!.y) / 2, 9);
  });

  it('spaces columns by their labels so wide names and the hop between them do not meet', () => {
    const wide = pathLayout([['a', 'b']], (id) => (id === 'a' ? 300 : 40), { hopGap: 50 });
    expect(wide.get('b')!.x - wide.get('a')!.x).toBe(150 + 50 + 20);
  });

  it('centres the layout on the origin it is given', () => {
    const layout = pathLayout([['a', 'b', 'c']], width, { origin: { x: 500, y: -20 } });
    expect(layout.get('b')).toEqual({ x: 500, y: -20 });
  });

  it('still places every entity when paths disagree on an order', () => {
    const layout = pathLayout(
      [
        ['s', 'x', 'y', 't'],
        ['s', 'y', 'x', 't'],
      ],
      width,
    );
    expect(layout.size).toBe(4);
    expect(layout.get('s')!.x).toBeLessThan(layout.get('t')!.x);
  });
});
