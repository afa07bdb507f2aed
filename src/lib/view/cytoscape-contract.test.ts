// Pins the parts of Cytoscape's canvas renderer that are not public API but that renderer.ts, bulk-layer.ts and cy.ts
// read, set or replace: their names, kinds and arities. A Cytoscape upgrade that renames or reshapes one fails here,
// in Node, instead of leaving a blank or half-drawn canvas.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

/** The canvas renderer's constructor, as Cytoscape registers it. */
const CanvasRenderer = (cytoscape as unknown as (kind: string, name: string) => { prototype: Record<string, unknown> })(
  'renderer',
  'canvas',
);

describe('Cytoscape canvas renderer internals the canvas code depends on', () => {
  it.each([
    ['drawCachedElement', 6],
    ['drawCachedElements', 4],
    ['drawLayeredElements', 4],
    ['eleTextBiggerThanMin', 2],
    ['getPixelRatio', 0],
    ['registerNodeShapes', 0],
  ])('has %s taking %i arguments', (name, arity) => {
    const member = CanvasRenderer.prototype[name];
    expect(typeof member).toBe('function');
    expect((member as (...args: unknown[]) => unknown).length).toBe(arity);
  });

  it('draws every node shape the stylesheet uses with (context, x, y, width, height, cornerRadius)', () => {
    const renderer = Object.create(CanvasRenderer.prototype) as {
      registerNodeShapes(): void;
      nodeShapes: Record<string, { draw: { length: number } }>;
    };
    renderer.registerNodeShapes();
    for (const shape of [
      'ellipse',
      'rectangle',
      'round-rectangle',
      'diamond',
      'triangle',
      'hexagon',
      'pentagon',
      'star',
      'vee',
      'octagon',
    ]) {
      expect(renderer.nodeShapes[shape]?.draw.length, shape).toBe(6);
    }
  });

  it('gives collections cleanStyle and elements pstyle with a pixel value', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      elements: [{ data: { id: 'a' } }],
      style: [{ selector: 'node', style: { width: 26 } }],
    });
    try {
      expect(typeof (cy.nodes() as unknown as { cleanStyle?: unknown }).cleanStyle).toBe('function');
      const node = cy.getElementById('a') as unknown as { pstyle(name: string): { pfValue: number } };
      expect(node.pstyle('width').pfValue).toBe(26);
    } finally {
      cy.destroy();
    }
  });
});
