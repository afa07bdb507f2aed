// Collapsing the mixed multigraph: parallel relations summed, self-relations dropped, direction kept only when asked.
import { describe, expect, it } from 'vitest';
import { shape } from './lenses.fixture.ts';
import { relationWeight, simpleGraph } from './simple-graph.ts';

describe('simpleGraph', () => {
  it('collapses parallel relations into one link whose weight counts them, whichever way they point', () => {
    const simple = simpleGraph(shape('a>b b>a a-b b-c'));
    expect(simple.type).toBe('undirected');
    expect(simple.size).toBe(2);
    expect(simple.getEdgeAttributes(simple.edge('a', 'b')!)).toEqual({ weight: 3, relations: 3 });
  });

  it('keeps directed relations one way and symmetric ones both ways when directed', () => {
    const simple = simpleGraph(shape('a>b a-c'), { directed: true });
    expect(simple.type).toBe('directed');
    expect(simple.hasEdge('a', 'b')).toBe(true);
    expect(simple.hasEdge('b', 'a')).toBe(false);
    expect(simple.hasEdge('a', 'c') && simple.hasEdge('c', 'a')).toBe(true);
  });

  it('drops self-relations but keeps the entity', () => {
    const simple = simpleGraph(shape('a>a a-b'));
    expect(simple.order).toBe(2);
    expect(simple.size).toBe(1);
  });

  it('keeps entities without relations', () => {
    expect(simpleGraph(shape('a-b +c')).nodes()).toEqual(['a', 'b', 'c']);
  });

  it('leaves out filtered entities with their relations, and filtered relations', () => {
    const graph = shape('a-b b-c c-d');
    const simple = simpleGraph(graph, { nodeFilter: (id) => id !== 'b', edgeFilter: (id) => id !== 'r2' });
    expect(simple.nodes()).toEqual(['a', 'c', 'd']);
    expect(simple.size).toBe(0);
  });

  it('weighs a relation by its imported weight attribute, else 1', () => {
    const graph = shape('a-b*2.5 b-c');
    expect(relationWeight(graph.getEdgeAttributes('r0'))).toBe(2.5);
    expect(relationWeight(graph.getEdgeAttributes('r1'))).toBe(1);
    expect(simpleGraph(shape('a-b*2.5 a-b')).getEdgeAttribute('a', 'b', 'weight')).toBe(3.5);
  });

  it('ignores weights that are not positive numbers', () => {
    const graph = shape('a-b b-c c-d');
    graph.setEdgeAttribute('r0', 'attributes', { weight: 0 });
    graph.setEdgeAttribute('r1', 'attributes', { weight: 'heavy' });
    graph.setEdgeAttribute('r2', 'attributes', { weight: -2 });
    expect(graph.mapEdges((_, r) => relationWeight(r))).toEqual([1, 1, 1]);
  });
});
