// The lens registry: every lens described as data and runnable, and parameters validated with stable error codes.
import { describe, expect, it } from 'vitest';
import { asOfEdgeFilter } from './as-of.ts';
import { defaultParameters } from './lens-parameters.ts';
import { rounded, shape } from './lenses.fixture.ts';
import { errorOf } from '../graph.fixture.ts';
import { LENS_IDS, LENSES, lensById, runLens, SIZE_LENS_IDS } from './registry.ts';

const graph = () => shape('a-b b-c c-a c>d d>e +f');

describe('LENSES', () => {
  it('lists every lens id once, in order', () => {
    expect(LENSES.map((l) => l.id)).toEqual([...LENS_IDS]);
  });

  it('labels every lens and parameter in both languages', () => {
    for (const lens of LENSES) {
      expect(lens.label.en && lens.label.zh && lens.description.en && lens.description.zh).toBeTruthy();
      for (const p of lens.parameters) expect(p.label.en && p.label.zh).toBeTruthy();
    }
  });

  it('has defaults within their own bounds and choices', () => {
    for (const lens of LENSES) {
      for (const p of lens.parameters) {
        if (p.type === 'number') expect(p.default >= p.min && p.default <= p.max).toBe(true);
        if (p.type === 'choice') expect(p.choices.map((c) => c.value)).toContain(p.default);
      }
    }
  });

  it('runs every lens with its defaults, giving a value for every entity', () => {
    for (const lens of LENSES) {
      const result = lens.run(graph());
      expect(result.lens).toBe(lens.id);
      expect(result.kind).toBe(lens.kind);
      expect(result.params).toEqual(defaultParameters(lens.parameters));
      expect([...result.values.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    }
  });
});

describe('runLens', () => {
  it('runs a size lens by id', () => {
    expect(rounded(runLens(graph(), 'degree').values)).toEqual({ a: 2, b: 2, c: 3, d: 2, e: 1, f: 0 });
  });

  it('passes parameters through, accepting strings from a URL or the command line', () => {
    const result = runLens(graph(), 'degree', { direction: 'in', normalized: 'true' });
    expect(result.params).toEqual({ direction: 'in', normalized: true });
    expect(rounded(result.values)).toEqual({ a: 0.4, b: 0.4, c: 0.4, d: 0.2, e: 0.2, f: 0 });
    expect(runLens(graph(), 'pagerank', { alpha: '0.5' }).params.alpha).toBe(0.5);
  });

  it('gives the colour lens its communities and modularity', () => {
    const result = runLens(graph(), 'louvain');
    if (result.kind !== 'colour') throw new Error('louvain is a colour lens');
    expect(result.communities.reduce((n, c) => n + c.size, 0)).toBe(6);
    expect(result.values.get('f')).toBe(result.communities.length - 1);
    expect(result.modularity).toBeGreaterThan(0);
  });

  it('counts only relations in scope, such as a date', () => {
    const dated = shape('a-b@2019 b-c@2024');
    expect(rounded(runLens(dated, 'weighted-degree', {}, { edgeFilter: asOfEdgeFilter(dated, '2020') }).values)).toEqual({
      a: 1,
      b: 1,
      c: 0,
    });
  });

  it('fails with LENS_UNKNOWN and a did-you-mean for a misspelt lens', () => {
    const error = errorOf(() => runLens(graph(), 'pagerenk'));
    expect(error.code).toBe('LENS_UNKNOWN');
    expect(error.problems[0]!.hint).toBe('did you mean "pagerank"?');
    expect(errorOf(() => lensById('closeness')).problems[0]!.hint).toContain('degree, weighted-degree, pagerank, betweenness, louvain');
  });

  it('fails with LENS_BAD_PARAMETER for an unknown parameter, suggesting the right one', () => {
    const error = errorOf(() => runLens(graph(), 'pagerank', { directd: true }));
    expect(error.code).toBe('LENS_BAD_PARAMETER');
    expect(error.problems[0]).toMatchObject({ field: 'pagerank.directd', hint: 'did you mean "directed"?' });
  });

  it('fails with LENS_BAD_PARAMETER for values out of bounds, of the wrong type, or not a choice — listing them all', () => {
    const error = errorOf(() => runLens(graph(), 'louvain', { resolution: 0, seed: 1.5, weighted: 'yes' }));
    expect(error.code).toBe('LENS_BAD_PARAMETER');
    expect(error.problems.map((p) => p.field)).toEqual(['louvain.resolution', 'louvain.seed', 'louvain.weighted']);
    const choice = errorOf(() => runLens(graph(), 'degree', { direction: 'inn' }));
    expect(choice.problems[0]).toMatchObject({ code: 'LENS_BAD_PARAMETER', hint: 'did you mean "in"?' });
    expect(errorOf(() => runLens(graph(), 'pagerank', { alpha: '' })).code).toBe('LENS_BAD_PARAMETER');
  });

  it('says which parameters a lens takes when a name is nowhere near', () => {
    expect(errorOf(() => runLens(graph(), 'weighted-degree', { zzzzzz: 1 })).problems[0]!.hint).toBe('weighted-degree takes direction');
  });
});

describe('SIZE_LENS_IDS', () => {
  it('lists every size lens in the registry and nothing else, so shared links and `kg rank` accept each one', () => {
    expect([...SIZE_LENS_IDS]).toEqual(LENSES.filter((l) => l.kind === 'size').map((l) => l.id));
    expect(SIZE_LENS_IDS).toEqual(['degree', 'weighted-degree', 'pagerank', 'betweenness']);
  });
});
