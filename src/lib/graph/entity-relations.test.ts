// Pins how an entity's relations are grouped for the details panel: by type and direction, in a stable order.
import { describe, expect, it } from 'vitest';
import { entityRelationGroups } from './entity-relations.ts';
import { ent, rel, relType, tinyGraph } from './graph.fixture.ts';
import type { Relation } from './types.ts';

const ENTITIES = [
  ent('high-flyer', 'company'),
  ent('deepseek', 'company'),
  ent('liang-wenfeng', 'person'),
  ent('deepseek-r1', 'model'),
  ent('deepseek-v3', 'model'),
  ent('moonshot', 'company'),
  ent('alibaba', 'company'),
  ent('lonely', 'company'),
];

/** Written in a deliberately jumbled order: the grouping must not depend on it. */
const RELATIONS = [
  rel('deepseek', 'competes-with', 'moonshot', 'opinion'),
  rel('deepseek', 'releases', 'deepseek-v3'),
  rel('liang-wenfeng', 'leads', 'deepseek'),
  rel('alibaba', 'competes-with', 'deepseek'),
  rel('high-flyer', 'funds', 'deepseek'),
  rel('deepseek', 'releases', 'deepseek-r1'),
];

const TYPES = [relType('funds'), relType('leads'), relType('releases'), relType('competes-with', true)];

const graphWith = (relations: Relation[]) => tinyGraph(ENTITIES, relations, TYPES);

/** Groups as `type direction: other, other` lines, easy to read in a failure. */
const outline = (relations: Relation[], id: string, edgeFilter?: (edge: string) => boolean): string[] =>
  entityRelationGroups(graphWith(relations), id, edgeFilter).map(
    (g) => `${g.type} ${g.direction}: ${g.items.map((i) => i.other).join(', ')}`,
  );

describe('entityRelationGroups', () => {
  it('lists outgoing groups, then symmetric ones, then incoming ones, each sorted by type', () => {
    expect(outline(RELATIONS, 'deepseek')).toEqual([
      'releases out: deepseek-r1, deepseek-v3',
      'competes-with both: alibaba, moonshot',
      'funds in: high-flyer',
      'leads in: liang-wenfeng',
    ]);
  });

  it('reads a symmetric relation as "both" from either end', () => {
    expect(outline(RELATIONS, 'moonshot')).toEqual(['competes-with both: deepseek']);
    expect(outline(RELATIONS, 'alibaba')).toEqual(['competes-with both: deepseek']);
  });

  it('reads a directed relation as "out" from its source and "in" at its target', () => {
    expect(outline(RELATIONS, 'high-flyer')).toEqual(['funds out: deepseek']);
    expect(outline(RELATIONS, 'deepseek-r1')).toEqual(['releases in: deepseek']);
  });

  it('gives the same groups in the same order whatever order the relations were added in', () => {
    const forwards = entityRelationGroups(graphWith(RELATIONS), 'deepseek');
    const backwards = entityRelationGroups(graphWith([...RELATIONS].reverse()), 'deepseek');
    expect(backwards).toEqual(forwards);
  });

  it('orders two relations of one type with the same entity by relation id', () => {
    const twice = [
      rel('high-flyer', 'funds', 'deepseek', 'fact', 'b-funding'),
      rel('high-flyer', 'funds', 'deepseek', 'opinion', 'a-funding'),
    ];
    const [group] = entityRelationGroups(graphWith(twice), 'deepseek');
    expect(group!.items.map((i) => i.relation.id)).toEqual(['a-funding', 'b-funding']);
  });

  it('carries the relation type from the schema, and leaves it out for an undeclared type', () => {
    const groups = entityRelationGroups(
      graphWith([rel('high-flyer', 'funds', 'deepseek'), rel('high-flyer', 'mystery', 'deepseek')]),
      'high-flyer',
    );
    expect(groups.map((g) => [g.type, g.relationType?.reverse.en])).toEqual([
      ['funds', 'funds (reverse)'],
      ['mystery', undefined],
    ]);
  });

  it('keeps only the relations the edge filter lets through', () => {
    const notMoonshot = (edge: string): boolean => !edge.endsWith('--moonshot');
    expect(outline(RELATIONS, 'deepseek', notMoonshot)).toEqual([
      'releases out: deepseek-r1, deepseek-v3',
      'competes-with both: alibaba',
      'funds in: high-flyer',
      'leads in: liang-wenfeng',
    ]);
  });

  it('returns no groups for an entity without relations', () => {
    expect(outline(RELATIONS, 'lonely')).toEqual([]);
  });
});
