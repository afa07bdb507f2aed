// Pins the lens state the canvas reads: choosing a lens fills its slot and the sizes or colours, clearing it empties
// them, and each slot follows only its own lens. Small graphs compute on the page, so no worker is involved here.
// Unit tests run Svelte's server build, where effects do not run, so each test calls the update `track` would.
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../graph/types.ts';
import { SAMPLE } from '../graph/formats/test-support/sample-graph.ts';
import { Explorer } from './explorer.svelte.ts';
import { Lenses } from './lenses.svelte.ts';

const GRAPH: CompiledGraph = {
  ...SAMPLE,
  entities: ['a', 'b', 'c'].map((id) => ({ ...SAMPLE.entities[0]!, id })),
  relations: [
    { id: 'r1', source: 'a', target: 'b', type: 'funds', modality: 'fact', evidence: [] },
    { id: 'r2', source: 'a', target: 'c', type: 'funds', modality: 'fact', evidence: [] },
  ],
  positions: {},
};

/** An explorer and its lenses; `update` does what the two effects of `track` do when the explorer changes. */
function setup(): { explorer: Explorer; lenses: Lenses; update: () => void } {
  const explorer = new Explorer(GRAPH);
  const lenses = new Lenses(explorer);
  const update = (): void => {
    lenses.updateSize();
    lenses.updateColour();
  };
  update();
  return { explorer, lenses, update };
}

describe('Lenses', () => {
  it('start off: no sizes, no colours', () => {
    const { lenses } = setup();
    expect(lenses.size.state).toEqual({ kind: 'off' });
    expect(lenses.colour.state).toEqual({ kind: 'off' });
    expect(lenses.sizes).toBeUndefined();
    expect(lenses.colours).toBeUndefined();
  });

  it('size every entity when a size lens is set, and restore default sizes when it is cleared', () => {
    const { explorer, lenses, update } = setup();
    explorer.sizeLens = 'degree';
    update();
    expect(lenses.size.state.kind).toBe('done');
    expect([...lenses.sizes!.keys()].sort()).toEqual(['a', 'b', 'c']);
    // The hub (degree 2) is drawn larger than the leaves (degree 1).
    expect(lenses.sizes!.get('a')!).toBeGreaterThan(lenses.sizes!.get('b')!);
    expect(lenses.colour.state).toEqual({ kind: 'off' });

    explorer.sizeLens = undefined;
    update();
    expect(lenses.size.state).toEqual({ kind: 'off' });
    expect(lenses.sizes).toBeUndefined();
  });

  it('colour by community only for louvain; the colour update leaves the size result alone', () => {
    const { explorer, lenses, update } = setup();
    explorer.sizeLens = 'degree';
    explorer.colourLens = 'louvain';
    update();
    expect(lenses.colour.state.kind).toBe('done');
    expect([...lenses.colours!.keys()].sort()).toEqual(['a', 'b', 'c']);
    const sizeResult = lenses.size.state;

    explorer.colourLens = 'type';
    lenses.updateColour();
    expect(lenses.colour.state).toEqual({ kind: 'off' });
    expect(lenses.colours).toBeUndefined();
    expect(lenses.size.state).toBe(sizeResult);
  });

  it('recompute over what the filters show', () => {
    const { explorer, lenses, update } = setup();
    explorer.sizeLens = 'degree';
    update();
    const before = lenses.size.state;
    explorer.toggleRelationType('funds');
    update();
    expect(lenses.size.state).not.toBe(before);
    expect(lenses.size.state.kind).toBe('done');
  });
});
