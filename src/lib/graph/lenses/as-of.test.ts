// The graph as of a date: which relations count, undated ones by choice, and the filter plugged into metrics and paths.
import { describe, expect, it } from 'vitest';
import { KgError } from '../errors.ts';
import { shortestPath } from '../paths/index.ts';
import { asOfBound, asOfEdgeFilter, graphAsOf, relationsAsOf } from './as-of.ts';
import { degree } from './degree.ts';
import { rounded, shape } from './lenses.fixture.ts';

// r0 2019, r1 2023-06, r2 2024-01-15, r3 the 2000s, r4 undated
const dated = () => shape('a>b@2019 b>c@2023-06 c>d@2024-01-15 d-e@2000s e-a');

describe('relationsAsOf', () => {
  it('keeps relations that began by the date, and undated ones by default', () => {
    expect([...relationsAsOf(dated(), '2020')]).toEqual(['r0', 'r3', 'r4']);
  });

  it('reads a year or a month as its end, so "as of 2023" includes June 2023', () => {
    expect(relationsAsOf(dated(), '2023').has('r1')).toBe(true);
    expect(relationsAsOf(dated(), '2023-05').has('r1')).toBe(false);
    expect(relationsAsOf(dated(), '2023-06').has('r1')).toBe(true);
    expect(relationsAsOf(dated(), '2024-01-14').has('r2')).toBe(false);
    expect(relationsAsOf(dated(), '2024-01-15').has('r2')).toBe(true);
  });

  it('places a decade at its first year', () => {
    expect(relationsAsOf(dated(), '1999').has('r3')).toBe(false);
    expect(relationsAsOf(dated(), '2000').has('r3')).toBe(true);
  });

  it('leaves undated relations out when asked', () => {
    expect([...relationsAsOf(dated(), '2030', { includeUndated: false })]).toEqual(['r0', 'r1', 'r2', 'r3']);
  });

  it('treats a malformed relation date as undated', () => {
    const graph = shape('a-b@2020 b-c');
    graph.setEdgeAttribute('r0', 'date', 'sometime');
    expect([...relationsAsOf(graph, '1900')]).toEqual(['r0', 'r1']);
    expect([...relationsAsOf(graph, '1900', { includeUndated: false })]).toEqual([]);
  });

  it('rejects a date it cannot read with LENS_BAD_DATE', () => {
    for (const bad of ['2023-13', '23', 'yesterday', '2000-02-30x']) {
      expect(() => relationsAsOf(dated(), bad)).toThrowError(KgError);
      try {
        relationsAsOf(dated(), bad);
      } catch (error) {
        expect((error as KgError).code).toBe('LENS_BAD_DATE');
      }
    }
  });
});

describe('asOfBound', () => {
  it('gives the last day a date can mean', () => {
    expect([asOfBound('2023'), asOfBound('2023-06'), asOfBound('2023-06-15'), asOfBound('2010s')]).toEqual([
      '2023-12-31',
      '2023-06-31',
      '2023-06-15',
      '2019-12-31',
    ]);
  });
});

describe('graphAsOf', () => {
  it('copies every entity and only the relations that had begun, leaving the graph as it was', () => {
    const graph = dated();
    const then = graphAsOf(graph, '2020', { includeUndated: false });
    expect(then.nodes()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(then.edges()).toEqual(['r0', 'r3']);
    expect(then.isDirected('r0') && then.isUndirected('r3')).toBe(true);
    expect(then.getAttribute('title')).toBe(graph.getAttribute('title'));
    expect(graph.size).toBe(5);
  });
});

describe('asOfEdgeFilter', () => {
  it('scopes a metric to the date', () => {
    const scoped = degree(dated(), { edgeFilter: asOfEdgeFilter(dated(), '2020', { includeUndated: false }) });
    expect(rounded(scoped)).toEqual({ a: 1, b: 1, c: 0, d: 1, e: 1 });
  });

  it("plugs into a path query's view, so paths only use relations that existed", () => {
    const graph = shape('a>b@2019 b>c@2023');
    expect(shortestPath(graph, 'a', 'c', { view: { edgeVisible: asOfEdgeFilter(graph, '2023') } })?.nodes).toEqual(['a', 'b', 'c']);
    expect(shortestPath(graph, 'a', 'c', { view: { edgeVisible: asOfEdgeFilter(graph, '2022') } })).toBeNull();
  });
});
