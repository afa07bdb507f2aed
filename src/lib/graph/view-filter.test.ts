// Pins the filtered, focused subgraph: which entities and relations a view shows for given filters and focus.
import { describe, expect, it } from 'vitest';
import { ent, rel, relType, tinyGraph } from './graph.fixture.ts';
import { DEFAULT_FILTER, filterPredicates, typeCounts, visibleSet } from './view-filter.ts';
import type { ViewFilter } from './view-filter.ts';

/** High-Flyer —funds→ DeepSeek ←leads— Liang Wenfeng; DeepSeek —releases→ R1 ←deploys (prediction)— JD Cloud;
 * DeepSeek —competes with (opinion)— Moonshot. Lonely has no relation. */
const graph = tinyGraph(
  [
    ent('high-flyer', 'company'),
    ent('deepseek', 'company'),
    ent('liang-wenfeng', 'person'),
    ent('deepseek-r1', 'model'),
    ent('jd-cloud', 'company'),
    ent('moonshot', 'company'),
    ent('lonely', 'company'),
  ],
  [
    rel('high-flyer', 'funds', 'deepseek'),
    rel('liang-wenfeng', 'leads', 'deepseek'),
    rel('deepseek', 'releases', 'deepseek-r1'),
    rel('jd-cloud', 'deploys', 'deepseek-r1', 'prediction'),
    rel('deepseek', 'competes-with', 'moonshot', 'opinion'),
  ],
  [relType('funds'), relType('leads'), relType('releases'), relType('deploys'), relType('competes-with', true)],
);

const show = (filter: Partial<ViewFilter>): { nodes: string[]; edges: string[] } => {
  const { nodes, edges } = visibleSet(graph, { ...DEFAULT_FILTER, ...filter });
  return { nodes: [...nodes].sort(), edges: [...edges].sort() };
};

describe('visibleSet', () => {
  it('shows everything, isolated entities included, under the default filter', () => {
    const { nodes, edges } = show({});
    expect(nodes).toHaveLength(7);
    expect(nodes).toContain('lonely');
    expect(edges).toHaveLength(5);
  });

  it('hides entities of a hidden type and every relation touching them', () => {
    const { nodes, edges } = show({ hiddenEntityTypes: ['person'] });
    expect(nodes).not.toContain('liang-wenfeng');
    expect(edges).not.toContain('liang-wenfeng--leads--deepseek');
    expect(edges).toHaveLength(4);
  });

  it('hides relations of a hidden type but keeps their entities', () => {
    const { nodes, edges } = show({ hiddenRelationTypes: ['competes-with'] });
    expect(edges).not.toContain('deepseek--competes-with--moonshot');
    expect(nodes).toContain('moonshot');
  });

  it('shows only relations of the chosen modalities', () => {
    expect(show({ modalities: ['fact'] }).edges).toEqual([
      'deepseek--releases--deepseek-r1',
      'high-flyer--funds--deepseek',
      'liang-wenfeng--leads--deepseek',
    ]);
    expect(show({ modalities: ['opinion', 'prediction'] }).edges).toEqual([
      'deepseek--competes-with--moonshot',
      'jd-cloud--deploys--deepseek-r1',
    ]);
  });

  it('shows only the focus entity at focus depth 0', () => {
    expect(show({ focus: { id: 'deepseek', depth: 0 } })).toEqual({ nodes: ['deepseek'], edges: [] });
  });

  it('shows the focus entity’s neighbourhood at depth 1 and 2', () => {
    expect(show({ focus: { id: 'deepseek', depth: 1 } }).nodes).toEqual([
      'deepseek',
      'deepseek-r1',
      'high-flyer',
      'liang-wenfeng',
      'moonshot',
    ]);
    expect(show({ focus: { id: 'deepseek', depth: 2 } }).nodes).toContain('jd-cloud');
  });

  it('applies the filters inside the focus: hidden relations are not walked', () => {
    const { nodes, edges } = show({ focus: { id: 'deepseek', depth: 2 }, modalities: ['fact'] });
    expect(nodes).toEqual(['deepseek', 'deepseek-r1', 'high-flyer', 'liang-wenfeng']);
    expect(edges).toHaveLength(3);
  });

  it('ignores a focus on an entity that does not exist', () => {
    expect(show({ focus: { id: 'nobody', depth: 1 } })).toEqual(show({}));
  });
});

describe('filterPredicates', () => {
  it('agrees with visibleSet entity by entity and relation by relation', () => {
    const filter: ViewFilter = { ...DEFAULT_FILTER, hiddenEntityTypes: ['model'], modalities: ['fact', 'opinion'] };
    const { node, edge } = filterPredicates(graph, filter);
    const { nodes, edges } = visibleSet(graph, filter);
    expect(graph.filterNodes((id) => node(id))).toEqual([...nodes]);
    expect(graph.filterEdges((id) => edge(id))).toEqual([...edges]);
  });
});

describe('typeCounts', () => {
  it('counts entities and relations by type', () => {
    const { entities, relations } = typeCounts(graph);
    expect(Object.fromEntries(entities)).toEqual({ company: 5, person: 1, model: 1 });
    expect(Object.fromEntries(relations)).toEqual({ funds: 1, leads: 1, releases: 1, deploys: 1, 'competes-with': 1 });
  });
});
