// Pins what the Explorer guarantees about links and paths: a link's unknown ids are dropped with a notice, the URL
// state round-trips through the hash, and a path query walks only what the filters show unless told to ignore them.
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../graph/types.ts';
import { SAMPLE } from '../graph/formats/test-support/sample-graph.ts';
import { Explorer } from './explorer.svelte.ts';
import { DEFAULT_STATE, toHash } from './url-state.ts';

/** a, b and c: a funds c directly, and a rivals b rivals c, so a hidden `funds` leaves only the longer way. */
const TRIANGLE: CompiledGraph = {
  ...SAMPLE,
  title: 'triangle',
  entities: ['a', 'b', 'c'].map((id) => ({ ...SAMPLE.entities[0]!, id })),
  relations: [
    { id: 'r1', source: 'a', target: 'c', type: 'funds', modality: 'fact', evidence: [] },
    { id: 'r2', source: 'a', target: 'b', type: 'rivals', modality: 'fact', evidence: [] },
    { id: 'r3', source: 'b', target: 'c', type: 'rivals', modality: 'fact', evidence: [] },
  ],
  positions: {},
};

/** The relations of the first path the explorer found. */
function firstPathEdges(explorer: Explorer): string[] {
  const answer = explorer.pathAnswer;
  if (answer?.kind !== 'ok') throw new Error(`no path answer: ${JSON.stringify(answer)}`);
  return answer.result.paths[0]?.edges.map((e) => e.id) ?? [];
}

describe('Explorer.applyHash', () => {
  it('drops an unknown entity and relation with a notice each, and keeps known ones', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.applyHash(toHash({ ...DEFAULT_STATE, entity: 'nowhere', relation: 'r-none' }));
    expect(explorer.entity).toBeUndefined();
    expect(explorer.relation).toBeUndefined();
    expect(explorer.notices).toHaveLength(2);
    expect(explorer.notices[0]).toContain('"nowhere"');
    expect(explorer.notices[1]).toContain('"r-none"');

    explorer.applyHash(toHash({ ...DEFAULT_STATE, entity: 'b', relation: 'r3' }));
    expect(explorer.entity).toBe('b');
    expect(explorer.relation).toBe('r3');
    expect(explorer.notices).toEqual([]);
  });

  it('drops a path query naming an unknown entity, with a notice', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.applyHash(toHash({ ...DEFAULT_STATE, path: { from: 'a', to: 'zz', options: {}, selected: 0 } }));
    expect(explorer.path).toBeUndefined();
    expect(explorer.notices).toEqual([expect.stringContaining('path query')]);
  });
});

describe('Explorer URL state', () => {
  it('round-trips through the hash: a fresh explorer given the hash has the same state and hash', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.focus('a', 2);
    explorer.toggleRelationType('rivals');
    explorer.setModalities(['fact', 'opinion']);
    explorer.lang = 'zh';
    explorer.camera = { zoom: 1.5, x: 10, y: -20 };
    explorer.setPath({ from: 'a', to: 'c', options: { 'ignore-filters': 'true' }, selected: -1 });
    explorer.sizeLens = 'pagerank';
    explorer.colourLens = 'louvain';
    explorer.asOf = '2024';
    explorer.hideUndated = true;
    explorer.statedOnly = true;
    explorer.hideNegated = true;

    const other = new Explorer(TRIANGLE);
    other.applyHash(explorer.hash);
    expect(other.notices).toEqual([]);
    expect(other.urlState).toEqual(explorer.urlState);
    expect(other.hash).toBe(explorer.hash);
  });

  it('gives the default state the default hash, and reset returns to it', () => {
    const explorer = new Explorer(TRIANGLE);
    const initial = explorer.hash;
    explorer.focus('b', 1);
    explorer.toggleEntityType('org');
    expect(explorer.hash).not.toBe(initial);
    explorer.resetView();
    expect(explorer.hash).toBe(initial);
  });
});

describe('Explorer path queries', () => {
  it('walk the shown relations only: a hidden relation type is not walked', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.setPath({ from: 'a', to: 'c', options: {}, selected: 0 });
    expect(firstPathEdges(explorer)).toEqual(['r1']);

    explorer.toggleRelationType('funds');
    expect(firstPathEdges(explorer)).toEqual(['r2', 'r3']);
    expect(explorer.pathSet).toEqual(new Set(['a', 'b', 'c', 'r2', 'r3']));
  });

  it('walk hidden relations too with ignore-filters', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.toggleRelationType('funds');
    explorer.setPath({ from: 'a', to: 'c', options: { 'ignore-filters': 'true' }, selected: 0 });
    expect(firstPathEdges(explorer)).toEqual(['r1']);
  });

  it('find no path when the filters hide every way there', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.toggleRelationType('funds');
    explorer.toggleRelationType('rivals');
    explorer.setPath({ from: 'a', to: 'c', options: {}, selected: 0 });
    expect(firstPathEdges(explorer)).toEqual([]);
    expect(explorer.pathSet).toBeUndefined();
  });
});

describe('Explorer.selectionSet', () => {
  const sorted = (set: Set<string> | undefined): string[] | undefined => set && [...set].sort();

  it('is a selected entity with its neighbours and the relations among them, within what the filters show', () => {
    const explorer = new Explorer(TRIANGLE);
    expect(explorer.selectionSet).toBeUndefined();
    explorer.selectEntity('b');
    expect(sorted(explorer.selectionSet)).toEqual(['a', 'b', 'c', 'r1', 'r2', 'r3']);
    // Only its own relations are labelled.
    expect(sorted(explorer.selectionRelations)).toEqual(['r2', 'r3']);
    explorer.toggleRelationType('rivals');
    expect(sorted(explorer.selectionSet)).toEqual(['b']);
  });

  it('is a selected relation and its two ends', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.selectEntity('b');
    explorer.selectRelation('r1');
    expect(sorted(explorer.selectionSet)).toEqual(['a', 'c', 'r1']);
    expect(sorted(explorer.selectionRelations)).toEqual(['r1']);
  });

  it('gives way to a hover while it lasts, and comes back when the hover ends; clearing ends it', () => {
    const explorer = new Explorer(TRIANGLE);
    explorer.selectRelation('r3');
    expect(sorted(explorer.emphasis)).toEqual(['b', 'c', 'r3']);
    explorer.hover = 'a';
    expect(sorted(explorer.emphasis)).toEqual(['a', 'b', 'c', 'r1', 'r2', 'r3']);
    explorer.hover = undefined;
    expect(sorted(explorer.emphasis)).toEqual(['b', 'c', 'r3']);
    explorer.clearSelection();
    expect(explorer.emphasis).toBeUndefined();
  });
});
