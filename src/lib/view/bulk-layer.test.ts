import cytoscape from 'cytoscape';
import { afterAll, describe, expect, it } from 'vitest';
import { drawnByLayer } from './bulk-layer.ts';
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
