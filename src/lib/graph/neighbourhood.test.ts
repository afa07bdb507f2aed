// Pins neighbourhood(): who is within N relations of an entity, walking relations either way, and which relations show.
import { describe, expect, it } from 'vitest';
import { ent, rel, relType, tinyGraph } from './graph.fixture.ts';
import { neighbourhood } from './neighbourhood.ts';

/**
 * Liang Wenfeng —founded→ High-Flyer —funds→ DeepSeek ←leads— Liang Wenfeng; DeepSeek —releases→ DeepSeek-R1
 * ←deploys (prediction)— JD Cloud; DeepSeek —competes with (opinion)— Moonshot; Alibaba —competes with— DeepSeek.
 * Lonely has no relation.
 */
const graph = tinyGraph(
  [
    ent('high-flyer', 'company'),
    ent('deepseek', 'company'),
    ent('liang-wenfeng', 'person'),
    ent('deepseek-r1', 'model'),
    ent('jd-cloud', 'company'),
    ent('moonshot', 'company'),
    ent('alibaba', 'company'),
    ent('lonely', 'company'),
  ],
  [
    rel('high-flyer', 'funds', 'deepseek'),
    rel('liang-wenfeng', 'leads', 'deepseek'),
    rel('liang-wenfeng', 'founded', 'high-flyer'),
    rel('deepseek', 'releases', 'deepseek-r1'),
    rel('jd-cloud', 'deploys', 'deepseek-r1', 'prediction'),
    rel('deepseek', 'competes-with', 'moonshot', 'opinion'),
    rel('alibaba', 'competes-with', 'deepseek'),
  ],
  ['funds', 'leads', 'founded', 'releases', 'deploys'].map((t) => relType(t)).concat(relType('competes-with', true)),
);

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

describe('neighbourhood', () => {
  it('is just the centre at depth 0', () => {
    const { distances, relations } = neighbourhood(graph, 'deepseek', 0);
    expect([...distances]).toEqual([['deepseek', 0]]);
    expect(relations).toEqual([]);
  });

  it('reaches every direct neighbour at depth 1, along relations in either direction', () => {
    const { distances } = neighbourhood(graph, 'deepseek', 1);
    expect(Object.fromEntries(distances)).toEqual({
      deepseek: 0,
      'high-flyer': 1,
      'liang-wenfeng': 1,
      'deepseek-r1': 1,
      moonshot: 1,
      alibaba: 1,
    });
  });

  it('includes relations among the neighbours, not only those to the centre', () => {
    const { relations } = neighbourhood(graph, 'deepseek', 1);
    expect(relations).toContain('liang-wenfeng--founded--high-flyer');
    expect(relations).not.toContain('jd-cloud--deploys--deepseek-r1');
    expect(relations).toHaveLength(6);
  });

  it('reaches two steps out at depth 2, recording the shortest distance', () => {
    const { distances, relations } = neighbourhood(graph, 'deepseek', 2);
    expect(distances.get('jd-cloud')).toBe(2);
    expect(distances.get('high-flyer')).toBe(1);
    expect(distances.has('lonely')).toBe(false);
    expect(relations).toHaveLength(7);
  });

  it('walks against the direction of relations too', () => {
    const { distances } = neighbourhood(graph, 'jd-cloud', 2);
    expect(Object.fromEntries(distances)).toEqual({ 'jd-cloud': 0, 'deepseek-r1': 1, deepseek: 2 });
  });

  it('does not walk relations the edge filter rejects', () => {
    const factsOnly = (edge: string): boolean => graph.getEdgeAttribute(edge, 'modality') === 'fact';
    const { distances, relations } = neighbourhood(graph, 'deepseek', 2, { edgeFilter: factsOnly });
    expect(distances.has('moonshot')).toBe(false);
    expect(distances.has('jd-cloud')).toBe(false);
    expect(relations.every(factsOnly)).toBe(true);
  });

  it('does not enter or pass through entities the node filter rejects', () => {
    const noPeople = (node: string): boolean => graph.getNodeAttribute(node, 'type') !== 'person';
    const { distances, relations } = neighbourhood(graph, 'deepseek', 2, { nodeFilter: noPeople });
    expect(sorted(distances.keys())).toEqual(['alibaba', 'deepseek', 'deepseek-r1', 'high-flyer', 'jd-cloud', 'moonshot']);
    expect(relations.some((r) => r.startsWith('liang-wenfeng'))).toBe(false);
  });

  it('is just the entity itself when it has no relations', () => {
    const { distances, relations } = neighbourhood(graph, 'lonely', 3);
    expect([...distances.keys()]).toEqual(['lonely']);
    expect(relations).toEqual([]);
  });
});
