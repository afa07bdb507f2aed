// Pins how parallel relations become one drawn line, one panel item and one count: the defence against small files
// that explode (50,000 a→b edges, 400,000 loops on one entity).
import { describe, expect, it } from 'vitest';
import { MAX_FANNED, bundles } from '../graph/bundles.ts';
import { entityRelationGroups, parallelRelations } from '../graph/entity-relations.ts';
import { importGraph } from '../graph/formats/import-graph.ts';
import { buildGraph } from '../graph/model.ts';
import { toElements } from './elements.ts';
import { rel } from '../graph/graph.fixture.ts';

const TYPES = new Map([
  ['funds', { symmetric: false }],
  ['peers', { symmetric: true }],
]);

describe('bundles', () => {
  it('draws up to MAX_FANNED parallel relations one by one, and more of one type and modality on one line', () => {
    const many = (source: string, type: string, target: string, prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) =>
        rel(i % 2 && type === 'peers' ? target : source, type, i % 2 && type === 'peers' ? source : target, 'fact', `${prefix}${i}`),
      );
    const relations = [
      ...many('a', 'funds', 'b', 'ab', MAX_FANNED + 1),
      rel('b', 'funds', 'a', 'fact', 'ba'),
      rel('a', 'funds', 'b', 'opinion', 'op'),
      ...many('a', 'peers', 'b', 'p', MAX_FANNED + 2),
      ...many('a', 'funds', 'a', 'loop', MAX_FANNED),
    ];
    const lines = bundles(relations, TYPES).map((b) => (b.length > 1 ? `${b[0]!.id}×${b.length}` : b[0]!.id));
    expect(lines).toEqual([
      `ab0×${MAX_FANNED + 1}`,
      'ba',
      'op',
      `p0×${MAX_FANNED + 2}`,
      ...Array.from({ length: MAX_FANNED }, (_, i) => `loop${i}`),
    ]);
  });
});

describe('a file of 50,000 parallel edges and 400,000 loops', () => {
  const csv = (rows: string, n: number): string => `source,target\n${rows.repeat(n)}`;
  const parallel = importGraph(csv('a,b\n', 50_000), { fileName: 'parallel.csv' }).graph;
  const loops = importGraph(csv('a,a\n', 400_000), { fileName: 'loops.csv', maxBytes: 10_000_000 }).graph;

  it('keeps every relation in the model but draws one line with the count', () => {
    expect(parallel.relations).toHaveLength(50_000);
    const edges = toElements(parallel, 'en').filter((el) => el.group === 'edges');
    expect(edges).toHaveLength(1);
    expect(edges[0]!.data['label']).toBe('link ×50,000');
    expect((edges[0]!.data['members'] as string[]).length).toBe(50_000);
    const loopEdges = toElements(loops, 'en').filter((el) => el.group === 'edges');
    expect(loopEdges).toHaveLength(1);
    expect(loopEdges[0]!.data['label']).toBe('link ×400,000');
  });

  it('lists them as one item with the count in the details panel, and counts the parallel ones of a relation', () => {
    const graph = buildGraph(parallel);
    const [group] = entityRelationGroups(graph, 'a');
    expect(group!.items).toHaveLength(1);
    expect(group!.items[0]!.count).toBe(50_000);
    expect(parallelRelations(graph, group!.items[0]!.relation.id)).toHaveLength(50_000);
  });
});
