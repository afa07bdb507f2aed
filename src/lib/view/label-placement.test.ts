import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LabelRequest, MeasuredText, Rect } from './label-placement.ts';
import { corners, edgeSpots, nodeSpots, placeLabels, pointAlong, polygonsOverlap } from './label-placement.ts';

const text = (s: string, width = s.length * 7): MeasuredText => ({ lines: [s], widths: [width], lineHeight: 14 });
const body = (cx: number, cy: number, size = 26): Rect => ({ cx, cy, w: size, h: size, angle: 0 });
const request = (id: string, priority: number, b: Rect, label = id, extra: Partial<LabelRequest> = {}): LabelRequest => ({
  id,
  priority,
  spots: nodeSpots(b, text(label), { margin: 3 }),
  ...extra,
});

/** Every pair of placed labels, and every label against every body, must not overlap. */
function overlaps(placed: ReturnType<typeof placeLabels>['placed'], bodies: Rect[]): number {
  let count = 0;
  for (let i = 0; i < placed.length; i++) {
    const a = corners(placed[i]!.spot.rect);
    for (let j = i + 1; j < placed.length; j++) if (polygonsOverlap(a, corners(placed[j]!.spot.rect))) count++;
    for (const b of bodies) if (polygonsOverlap(a, corners(b))) count++;
  }
  return count;
}

describe('polygonsOverlap', () => {
  it('tells crossing, touching and rotated rectangles apart', () => {
    const a = corners({ cx: 0, cy: 0, w: 10, h: 10, angle: 0 });
    expect(polygonsOverlap(a, corners({ cx: 5, cy: 5, w: 10, h: 10, angle: 0 }))).toBe(true);
    expect(polygonsOverlap(a, corners({ cx: 10, cy: 0, w: 10, h: 10, angle: 0 }))).toBe(false);
    // A long thin box turned 45° beside the square: its bounding box overlaps the square, the box itself does not.
    expect(polygonsOverlap(a, corners({ cx: 11, cy: 11, w: 20, h: 2, angle: -Math.PI / 4 }))).toBe(false);
    expect(polygonsOverlap(a, corners({ cx: 6, cy: 6, w: 20, h: 2, angle: Math.PI / 4 }))).toBe(true);
  });
});

describe('placeLabels', () => {
  it('puts a lone label below its node, clear of the body', () => {
    const b = body(0, 0);
    const { placed, hidden } = placeLabels([request('a', 1, b)], [b]);
    expect(hidden).toEqual([]);
    expect(placed[0]).toMatchObject({ id: 'a', index: 0, forced: false, spot: { anchor: 'below' } });
    expect(placed[0]!.spot.rect.cy).toBeGreaterThan(13);
  });

  it('gives the higher priority its first choice and moves the other to a free spot', () => {
    // Two nodes side by side: both would like "below", where their wide labels would meet.
    const a = body(0, 0);
    const b = body(60, 0);
    const requests = [request('low', 1, b, 'a long label here'), request('high', 5, a, 'another long label')];
    const { placed, hidden } = placeLabels(requests, [a, b]);
    expect(hidden).toEqual([]);
    expect(placed.map((p) => p.id)).toEqual(['high', 'low']);
    expect(placed[0]!.spot.anchor).toBe('below');
    expect(placed[1]!.spot.anchor).not.toBe('below');
    expect(overlaps(placed, [a, b])).toBe(0);
  });

  it('hides a label that fits nowhere and reports it, unless it must always show', () => {
    // A node boxed in by four others whose labels take every side.
    const centre = body(0, 0);
    const ring = [body(0, 30), body(0, -30), body(45, 0), body(-45, 0)];
    const bodies = [centre, ...ring];
    const requests = ring.map((b, i) => request(`r${i}`, 10, b, 'wide neighbour label'));
    const boxedIn = placeLabels([...requests, request('c', 1, centre, 'centre label')], bodies);
    expect(boxedIn.hidden).toEqual(['c']);
    const always = placeLabels([...requests, request('c', 1, centre, 'centre label', { always: true })], bodies);
    expect(always.hidden).toEqual([]);
    expect(always.placed.find((p) => p.id === 'c')).toMatchObject({ forced: true, index: 0 });
  });

  it('keeps labels inside the bounds: a name at the right edge goes left, one that fits nowhere inside is hidden', () => {
    const bounds = { x1: 0, y1: 0, x2: 200, y2: 200 };
    const edge = body(190, 100);
    const corner = body(5, 195);
    const { placed, hidden } = placeLabels(
      [request('edge', 2, edge, 'Language tools'), request('corner', 1, corner, 'Corner entity with a long name')],
      [edge, corner],
      { bounds },
    );
    for (const p of placed)
      for (const c of corners(p.spot.rect)) {
        expect(c.x).toBeGreaterThanOrEqual(bounds.x1);
        expect(c.x).toBeLessThanOrEqual(bounds.x2);
        expect(c.y).toBeGreaterThanOrEqual(bounds.y1);
        expect(c.y).toBeLessThanOrEqual(bounds.y2);
      }
    expect(placed.map((p) => p.id)).toContain('edge');
    expect(hidden).toEqual(['corner']);
    // Unbounded, both show.
    expect(placeLabels([request('edge', 2, edge), request('corner', 1, corner)], [edge, corner]).hidden).toEqual([]);
  });

  it('uses the wrapped form, then a displaced spot with a leader, before giving up', () => {
    const centre = body(0, 0);
    const ring = [body(0, 34), body(0, -34), body(80, 0), body(-80, 0)];
    const labels = ring.map((b, i) => request(`r${i}`, 10, b, 'xx'));
    const long = 'a rather long name for a node';
    const wrapped: MeasuredText = { lines: ['a rather long', 'name for a node'], widths: [13 * 7, 15 * 7], lineHeight: 14 };
    const spots = nodeSpots(centre, text(long), { margin: 3, wrapped, displaced: true });
    expect(spots.some((s) => s.form === 'wrapped')).toBe(true);
    const { placed, hidden } = placeLabels([...labels, { id: 'c', priority: 1, spots }], [centre, ...ring]);
    expect(hidden).toEqual([]);
    const c = placed.find((p) => p.id === 'c')!;
    expect(['wrapped', 'displaced']).toContain(c.spot.form);
    if (c.spot.form === 'displaced') expect(c.spot.leader).toBeDefined();
    expect(overlaps(placed, [centre, ...ring])).toBe(0);
  });

  it('places an edge label along its line, turned to read left to right, and off the middle when the middle is taken', () => {
    const curve = { from: { x: 100, y: 0 }, to: { x: 0, y: 0 } };
    expect(pointAlong(curve, 0.5)).toMatchObject({ x: 50, y: 0 });
    expect(Math.abs(pointAlong(curve, 0.5).angle)).toBeLessThan(1e-9);
    const blocker = body(50, 0, 20);
    const spots = edgeSpots(curve, text('funds', 20), [0.5, 0.25, 0.75]);
    const { placed } = placeLabels([{ id: 'e', priority: 1, spots }], [blocker]);
    expect(placed[0]!.spot.form).toBe('along');
  });

  it('never overlaps two placed labels or a label and a body, and is deterministic (random graphs)', () => {
    const node = fc.record({
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      len: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 60 }), (nodes) => {
        const bodies = nodes.map((n) => body(n.x, n.y));
        const requests = nodes.map((n, i) => request(`n${i}`, n.len % 7, bodies[i]!, 'x'.repeat(n.len)));
        const first = placeLabels(requests, bodies);
        expect(overlaps(first.placed, bodies)).toBe(0);
        expect(first.placed.length + first.hidden.length).toBe(nodes.length);
        // The same input in another order gives the same outcome.
        expect(placeLabels([...requests].reverse(), bodies)).toEqual(first);
        // Placing order is priority order.
        const ranks = first.placed.map((p) => requests.find((q) => q.id === p.id)!.priority);
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
      }),
      { numRuns: 60, seed: 16 },
    );
  });
});

describe('labelScaleFor', () => {
  it('keeps a 12 px label between 11 and 16 px on screen at any zoom, in quarter-octave steps', async () => {
    const { labelScaleFor, SCREEN_FONT } = await import('./canvas-labels.ts');
    for (const zoom of [0.05, 0.2, 0.5, 0.85, 0.92, 1, 1.5, 3, 6]) {
      const onScreen = 12 * labelScaleFor(zoom, 12) * zoom;
      expect(onScreen, `zoom ${zoom}`).toBeGreaterThanOrEqual(SCREEN_FONT.min - 1e-9);
      expect(onScreen, `zoom ${zoom}`).toBeLessThanOrEqual(SCREEN_FONT.max + 1e-9);
      expect(Math.log2(labelScaleFor(zoom, 12)) * 4).toBeCloseTo(Math.round(Math.log2(labelScaleFor(zoom, 12)) * 4));
    }
  });
});
