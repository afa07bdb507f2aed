// Pins the parts of Cytoscape that are not public API but that cytoscape-internals.ts reads, sets or replaces: their
// names, kinds and arities. A Cytoscape upgrade that renames or reshapes one fails here, in Node, before the bulk
// layer's check (`missingMembers`) turns the layer off in the browser. The renderer's instance fields (`data`, its
// `eleTxrCache`, `hoverData`) exist only on a renderer with a page; tests/e2e/import.test.ts draws with them.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { BULK_LAYER_FUNCTIONS, ELEMENT_FUNCTIONS } from './cytoscape-internals.ts';

/** The canvas renderer's constructor, as Cytoscape registers it. */
const CanvasRenderer = (cytoscape as unknown as (kind: string, name: string) => { prototype: Record<string, unknown> })(
  'renderer',
  'canvas',
);

describe('Cytoscape canvas renderer internals the canvas code depends on', () => {
  it.each<readonly [string, number]>([
    ['drawCachedElement', 6],
    ['drawCachedElements', 4],
    ['drawLayeredElements', 4],
    ['eleTextBiggerThanMin', 2],
    ['getPixelRatio', 0],
    ['registerNodeShapes', 0],
    // Every method the bulk layer's check looks for on the renderer itself.
    ...BULK_LAYER_FUNCTIONS.filter(([path]) => !path.includes('.')),
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
    expect(BULK_LAYER_FUNCTIONS).toContainEqual(['nodeShapes.ellipse.draw', 6]);
  });

  it('has renderer fields the canvas sets: hideEdgesOnViewport and forcedPixelRatio, read by getPixelRatio', () => {
    const renderer = Object.create(CanvasRenderer.prototype) as {
      data: { contexts: unknown[] };
      forcedPixelRatio: number | null;
      getPixelRatio(): number;
    };
    renderer.data = { contexts: [{}] };
    renderer.forcedPixelRatio = 1.01;
    expect(renderer.getPixelRatio()).toBe(1.01);
    expect(String(CanvasRenderer.prototype['render'])).toContain('hideEdgesOnViewport');
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
      for (const [name, arity] of ELEMENT_FUNCTIONS)
        expect((node as unknown as Record<string, { length: number }>)[name]?.length, name).toBe(arity);
      expect((cy.nodes() as unknown as { cleanStyle: { length: number } }).cleanStyle.length).toBe(0);
    } finally {
      cy.destroy();
    }
  });
});
