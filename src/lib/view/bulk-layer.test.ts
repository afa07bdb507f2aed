import cytoscape from 'cytoscape';
import { afterAll, describe, expect, it } from 'vitest';
import { drawnByLayer, lookKey, nearestSegment, overWhite, segmentMisses } from './bulk-layer.ts';
import type { Segment } from './bulk-layer.ts';
import { CY_DRAWN_EDGE_CLASSES, stylesheet } from './style.ts';

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

describe('the stylesheet with the bulk layer', () => {
  const rules = stylesheet({ fastEdges: true, bulk: true }) as Array<{ selector: string; style: Record<string, unknown> }>;
  const index = (selector: string): number => rules.findIndex((r) => r.selector === selector);

  it('leaves plain edges to the layer and draws the ones a class sets apart', () => {
    expect(rules[index('edge')]!.style['display']).toBe('none');
    const apart = rules.find((r) => r.style['display'] === 'element')!;
    expect(apart.selector.split(', ').sort()).toEqual(CY_DRAWN_EDGE_CLASSES.map((c) => `edge.${c}`).sort());
    // A hidden (filtered-out) edge stays hidden even when selected or on a path: `.hidden` comes later and wins.
    expect(index('.hidden')).toBeGreaterThan(rules.indexOf(apart));
  });

  it('draws every edge in Cytoscape without the layer', () => {
    for (const options of [{ fastEdges: true }, { fastEdges: false, bulk: true }]) {
      const plain = stylesheet(options) as Array<{ selector: string; style: Record<string, unknown> }>;
      expect(plain.filter((r) => r.selector.startsWith('edge')).every((r) => r.style['display'] === undefined)).toBe(true);
    }
  });
});

describe('what the bulk layer draws', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }]);
  afterAll(() => cy.destroy());

  it('draws shown elements, including those Cytoscape draws again over it (a selection, a neighbourhood, a path)', () => {
    for (const cls of ['', 'selected', 'neighbour', 'path', 'undated']) {
      cy.elements().classes(cls);
      expect(cy.elements().map((el) => drawnByLayer(el))).toEqual([true, true, true]);
    }
  });

  it('leaves out hidden and faded elements, and edges with a line of their own', () => {
    cy.elements().classes('hidden');
    expect(cy.elements().map((el) => drawnByLayer(el))).toEqual([false, false, false]);
    cy.elements().classes('faded');
    expect(cy.elements().map((el) => drawnByLayer(el))).toEqual([false, false, false]);
    for (const cls of ['opinion', 'prediction']) {
      cy.elements().classes(cls);
      expect(cy.elements().map((el) => drawnByLayer(el))).toEqual([true, true, false]);
    }
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
