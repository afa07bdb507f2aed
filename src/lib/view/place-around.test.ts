import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PLACE_DEFAULTS, placeAround, placeBeside } from './place-around.ts';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }): number => Math.hypot(a.x - b.x, a.y - b.y);

describe('placeAround', () => {
  it('puts the first entities on a ring at the given radius around the centre', () => {
    const placed = placeAround({ x: 10, y: 20 }, 4, []);
    expect(placed).toHaveLength(4);
    for (const p of placed) expect(distance(p, { x: 10, y: 20 })).toBeCloseTo(PLACE_DEFAULTS.radius);
  });

  it('keeps every new place at least the gap from what is drawn and from each other', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -400, max: 400 }), y: fc.integer({ min: -400, max: 400 }) }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 80 }),
        (taken, count) => {
          const placed = placeAround({ x: 0, y: 0 }, count, taken);
          expect(placed).toHaveLength(count);
          const all = [...taken, ...placed];
          placed.forEach((p, i) => {
            for (const q of all) if (q !== p) expect(distance(p, q)).toBeGreaterThanOrEqual(PLACE_DEFAULTS.gap - 1e-9);
            expect(Number.isFinite(p.x + p.y + i)).toBe(true);
          });
        },
      ),
      { numRuns: 60, seed: 20 },
    );
  });

  it('is deterministic', () => {
    const taken = [{ x: 140, y: 0 }];
    expect(placeAround({ x: 0, y: 0 }, 10, taken)).toEqual(placeAround({ x: 0, y: 0 }, 10, taken));
  });
});

describe('placeBeside', () => {
  it('is the origin on an empty canvas and right of everything otherwise', () => {
    expect(placeBeside([])).toEqual({ x: 0, y: 0 });
    const p = placeBeside([
      { x: 0, y: 0 },
      { x: 100, y: 50 },
    ]);
    expect(p.x).toBeGreaterThan(100);
    expect(p.y).toBe(25);
  });
});
