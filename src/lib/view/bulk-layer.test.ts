import cytoscape from 'cytoscape';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBulkLayer, drawnByLayer } from './bulk-layer.ts';
import { fakeRenderer, withRenderer } from './fake-renderer.ts';
import { CY_DRAWN_EDGE_CLASSES } from './classes.ts';
import { stylesheet } from './style.ts';

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

describe('a bulk layer on a renderer without a member it needs', () => {
  it('stays off: no method replaced, no canvas made, one warning naming the member', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const renderer: Record<string, unknown> = fakeRenderer();
    delete renderer['eleTextBiggerThanMin'];
    const before = { ...renderer };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const layer = createBulkLayer(withRenderer(cy, renderer));
      // Node has no document: making a canvas would throw.
      layer.setEnabled(true);
      layer.setEnabled(true);
      expect(layer.available).toBe(false);
      expect(layer.enabled).toBe(false);
      expect(layer.edgeAt({ x: 0, y: 0 }, 5)).toBeUndefined();
      expect(renderer).toEqual(before);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('eleTextBiggerThanMin/2');
      layer.destroy();
    } finally {
      warn.mockRestore();
      cy.destroy();
    }
  });

  it('checks nothing while it is off', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const layer = createBulkLayer(cy);
      layer.setEnabled(false);
      expect(layer.enabled).toBe(false);
      expect(warn).not.toHaveBeenCalled();
      layer.destroy();
    } finally {
      warn.mockRestore();
      cy.destroy();
    }
  });
});
