// The bulk layer's geometry, checked without a page: culling, the line nearest a click, grouping by look, colours.
import { describe, expect, it } from 'vitest';
import { closingByLine, followTransform, lookKey, nearestSegment, overWhite, segmentMisses, viewOf } from './bulk-geometry.ts';
import type { Segment, ShapePath } from './bulk-geometry.ts';

const segments: Segment[] = [
  { id: 'horizontal', x1: 0, y1: 0, x2: 100, y2: 0 },
  { id: 'vertical', x1: 50, y1: 10, x2: 50, y2: 100 },
  { id: 'point', x1: 200, y1: 200, x2: 200, y2: 200 },
];

describe('nearestSegment', () => {
  it('finds the segment within the radius, measuring to the segment and not to its line', () => {
    expect(nearestSegment(segments, 30, 3, 5)?.id).toBe('horizontal');
    expect(nearestSegment(segments, 53, 60, 5)?.id).toBe('vertical');
    // On the horizontal line's extension, but 20 past its end: nothing.
    expect(nearestSegment(segments, 120, 0, 5)).toBeUndefined();
    // Just past the end, within the radius of the end point.
    expect(nearestSegment(segments, 103, 0, 5)?.id).toBe('horizontal');
  });

  it('picks the nearer of two candidates, and handles zero-length segments', () => {
    // (50, 6): 6 from the horizontal, 4 from the vertical's top end.
    expect(nearestSegment(segments, 50, 6, 10)?.id).toBe('vertical');
    expect(nearestSegment(segments, 202, 201, 5)?.id).toBe('point');
  });

  it('finds nothing in empty space or among no segments', () => {
    expect(nearestSegment(segments, 150, 150, 5)).toBeUndefined();
    expect(nearestSegment([], 0, 0, 5)).toBeUndefined();
  });
});

describe('lookKey', () => {
  const look = { shape: 'ellipse', fill: 'rgb(1,2,3)', alpha: 1, borderWidth: 0, border: '' };
  it('groups nodes that look the same and separates those that differ in any way', () => {
    expect(lookKey({ ...look })).toBe(lookKey(look));
    for (const change of [{ shape: 'diamond' }, { fill: 'rgb(1,2,4)' }, { alpha: 0.5 }, { borderWidth: 1.5, border: 'rgb(255,255,255)' }])
      expect(lookKey({ ...look, ...change })).not.toBe(lookKey(look));
  });
});

describe('segmentMisses', () => {
  const box = { x1: 0, y1: 0, x2: 100, y2: 100 };
  it('rejects segments wholly beyond one side of the view', () => {
    expect(segmentMisses(box, -10, 10, -5, 90)).toBe(true);
    expect(segmentMisses(box, 110, -50, 200, 300)).toBe(true);
    expect(segmentMisses(box, 10, -1, 90, -20)).toBe(true);
    expect(segmentMisses(box, 10, 101, 90, 150)).toBe(true);
  });

  it('keeps segments inside, crossing, or passing through the view with both ends outside it', () => {
    expect(segmentMisses(box, 10, 10, 20, 20)).toBe(false);
    expect(segmentMisses(box, -10, 50, 50, 50)).toBe(false);
    expect(segmentMisses(box, -10, 50, 110, 50)).toBe(false);
    expect(segmentMisses(box, 50, -10, 50, 110)).toBe(false);
  });

  it('tells, given the corners of a box, whether it lies wholly outside the view', () => {
    expect(segmentMisses(box, 101, 40, 120, 60)).toBe(true);
    expect(segmentMisses(box, 95, 40, 120, 60)).toBe(false);
    expect(segmentMisses(box, -20, -20, 120, 120)).toBe(false);
  });
});

describe('overWhite', () => {
  it('blends a colour over white as an opaque colour', () => {
    expect(overWhite('#94a3b8', 1)).toBe('rgb(148,163,184)');
    expect(overWhite('#94a3b8', 0)).toBe('rgb(255,255,255)');
    expect(overWhite('#94a3b8', 0.5)).toBe('rgb(202,209,220)');
    expect(overWhite('#000000', 0.4)).toBe('rgb(153,153,153)');
  });
});

describe('viewOf', () => {
  it('is the model box a canvas shows through a camera', () => {
    expect(viewOf({ zoom: 1, x: 20, y: 10 }, 800, 600)).toEqual({ x1: -20, y1: -10, x2: 780, y2: 590 });
    expect(viewOf({ zoom: 2, x: 100, y: -50 }, 800, 600)).toEqual({ x1: -50, y1: 25, x2: 350, y2: 325 });
  });
});

describe('followTransform', () => {
  it('maps a model point drawn for one camera to where the other camera shows it', () => {
    const from = { zoom: 2, x: 10, y: 20 };
    const to = { zoom: 3, x: -40, y: 5 };
    const [a, , , d, e, f] = /matrix\((.*)\)/.exec(followTransform(from, to))![1]!.split(', ').map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const model = { x: 7, y: -3 };
    // Drawn at from's screen position, moved by the transform: to's screen position.
    expect(a * (model.x * from.zoom + from.x) + e).toBeCloseTo(model.x * to.zoom + to.x);
    expect(d * (model.y * from.zoom + from.y) + f).toBeCloseTo(model.y * to.zoom + to.y);
  });

  it('is the identity for the same camera', () => {
    const camera = { zoom: 1.5, x: 3, y: 4 };
    expect(followTransform(camera, camera)).toBe('matrix(1, 0, 0, 1, 0, 0)');
  });
});

describe('closingByLine', () => {
  it('closes each sub-path with a line back to where it started, and passes every other call on', () => {
    const calls: string[] = [];
    const record =
      (name: string) =>
      (...args: number[]): void => {
        calls.push(`${name}(${args.join(',')})`);
      };
    const path = {
      moveTo: record('moveTo'),
      lineTo: record('lineTo'),
      arcTo: record('arcTo'),
      quadraticCurveTo: record('quadraticCurveTo'),
      bezierCurveTo: record('bezierCurveTo'),
      arc: record('arc'),
      ellipse: record('ellipse'),
      closePath: record('closePath'),
    } as unknown as ShapePath;
    const shapes = closingByLine(path);
    shapes.moveTo(1, 2);
    shapes.lineTo(3, 4);
    shapes.closePath();
    shapes.moveTo(5, 6);
    shapes.arc(5, 6, 1, 0, 1, true);
    shapes.closePath();
    expect(calls).toEqual(['moveTo(1,2)', 'lineTo(3,4)', 'lineTo(1,2)', 'moveTo(5,6)', 'arc(5,6,1,0,1,true)', 'lineTo(5,6)']);
  });
});
