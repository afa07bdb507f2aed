// The checks and replacements of Cytoscape's renderer members, on a stand-in renderer: what is missing is named, and
// the replaced methods pass every argument through and are put back.
import cytoscape from 'cytoscape';
import type { SingularElementArgument } from 'cytoscape';
import { afterAll, describe, expect, it } from 'vitest';
import { leaveToLayer, missingMembers } from './cytoscape-internals.ts';
import { fakeRenderer, withRenderer } from './fake-renderer.ts';

describe('missingMembers', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  afterAll(() => cy.destroy());

  it('finds nothing missing on a renderer with every member', () => {
    expect(missingMembers(withRenderer(cy, fakeRenderer()))).toEqual([]);
  });

  it('names each member that is absent, not a function, or of another arity', () => {
    const renderer: Record<string, unknown> = fakeRenderer();
    delete renderer['drawLayeredElements'];
    renderer['getPixelRatio'] = 1;
    renderer['eleTextBiggerThanMin'] = (_ele: unknown) => true;
    renderer['hoverData'] = undefined;
    renderer['nodeShapes'] = {};
    expect(missingMembers(withRenderer(cy, renderer)).sort()).toEqual(
      ['drawLayeredElements/4', 'eleTextBiggerThanMin/2', 'getPixelRatio/0', 'hoverData', 'nodeShapes.ellipse.draw/6'].sort(),
    );
  });

  it('finds everything missing on a headless Cytoscape, which has no canvas renderer', () => {
    const headless = cytoscape({ headless: true, styleEnabled: true });
    try {
      expect(missingMembers(headless)).toContain('drawCachedElement/6');
    } finally {
      headless.destroy();
    }
  });
});

describe('leaveToLayer', () => {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  cy.add([{ data: { id: 'a' } }, { data: { id: 'b' } }, { data: { id: 'ab', source: 'a', target: 'b' } }, { data: { id: 'c' } }]);
  afterAll(() => cy.destroy());
  const apart = (ele: SingularElementArgument): boolean => ele.id() === 'c';

  it('passes every argument through to Cytoscape for what it still draws, and puts its methods back', () => {
    const calls: unknown[][] = [];
    const renderer = fakeRenderer(calls);
    const own = { ...renderer, data: { eleTxrCache: { ...renderer.data.eleTxrCache } } };
    const restore = leaveToLayer(withRenderer(cy, renderer), apart);
    const c = cy.getElementById('c');
    const a = cy.getElementById('a');
    const ab = cy.getElementById('ab');

    // Plain node bodies get an empty box; one set apart, Cytoscape's.
    expect(renderer.data.eleTxrCache.getBoundingBox(a)).toMatchObject({ w: 0, h: 0 });
    expect(renderer.data.eleTxrCache.getBoundingBox(c)).toMatchObject({ w: 1, h: 1 });
    expect(calls).toEqual([['getBoundingBox', c]]);

    calls.length = 0;
    renderer.drawCachedElement('context', ab, 2, 'extent', 3, true);
    renderer.drawCachedElement('context', a, 2, 'extent', 3, true);
    renderer.drawCachedElement('context', c, 2, 'extent', undefined, false);
    // A plain edge is skipped; a plain node with a label to show is drawn, as is one set apart.
    expect(calls).toEqual([
      ['drawCachedElement', 'context', a, 2, 'extent', 3, true],
      ['drawCachedElement', 'context', c, 2, 'extent', undefined, false],
    ]);

    calls.length = 0;
    renderer.drawLayeredElements('context', [a], 2, 'extent');
    expect(calls).toEqual([['drawCachedElements', 'context', [a], 2, 'extent']]);

    restore();
    expect(renderer.drawCachedElement).toBe(own.drawCachedElement);
    expect(renderer.drawLayeredElements).toBe(own.drawLayeredElements);
    expect(renderer.data.eleTxrCache.getBoundingBox).toBe(own.data.eleTxrCache.getBoundingBox);
  });
});
