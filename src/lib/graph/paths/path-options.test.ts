// Pins path-option validation: defaults filled in, bad input rejected with stable codes and did-you-mean hints.
import { describe, expect, it } from 'vitest';
import { KgError } from '../errors.ts';
import { DEFAULTS, findPaths, resolvePathOptions } from './index.ts';
import { ecosystemGraph } from './paths.fixture.ts';

/** The problems a call throws, as `[code, field, hint]` triples. */
function problemsOf(run: () => unknown): [string, string | undefined, string | undefined][] {
  try {
    run();
  } catch (error) {
    if (error instanceof KgError) return error.problems.map((p) => [p.code, p.field, p.hint]);
    throw error;
  }
  throw new Error('expected a KgError');
}

describe('resolvePathOptions', () => {
  it('fills in the defaults', () => {
    expect(resolvePathOptions(ecosystemGraph(), {})).toMatchObject({
      mode: 'shortest',
      k: 5,
      direction: 'any',
      maxHops: 6,
      modalities: ['fact', 'opinion', 'prediction', 'question'],
    });
    expect(DEFAULTS.maxHops).toBe(6);
  });

  it('treats options set to undefined as left out', () => {
    expect(resolvePathOptions(ecosystemGraph(), { k: undefined, mode: undefined })).toMatchObject({ k: 5, mode: 'shortest' });
  });

  it('rejects an unknown relation type and suggests the closest one', () => {
    expect(problemsOf(() => resolvePathOptions(ecosystemGraph(), { relations: ['fund'] }))).toEqual([
      ['PATH_UNKNOWN_RELATION_TYPE', 'relations[0]', 'did you mean "funds"?'],
    ]);
  });

  it('accepts relation and entity types that only imported data uses', () => {
    const graph = ecosystemGraph();
    graph.addNode('x', { id: 'x', type: 'gadget', name: { en: 'X', zh: '' }, aliases: [], description: { en: '', zh: '' } });
    graph.addUndirectedEdgeWithKey('rx', 'x', 'kimi', {
      id: 'rx',
      source: 'x',
      target: 'kimi',
      type: 'mentions',
      modality: 'fact',
      evidence: [],
    });
    expect(() => resolvePathOptions(graph, { excludeRelations: ['mentions'], excludeTypes: ['gadget'] })).not.toThrow();
  });

  it('rejects unknown entity types and avoided entities, reporting every problem at once', () => {
    const problems = problemsOf(() =>
      resolvePathOptions(ecosystemGraph(), { excludeTypes: ['compnay'], avoid: ['deepsek'], excludeRelations: ['zzz'] }),
    );
    expect(problems).toEqual([
      ['PATH_UNKNOWN_RELATION_TYPE', 'excludeRelations[0]', undefined],
      ['PATH_UNKNOWN_ENTITY_TYPE', 'excludeTypes[0]', 'did you mean "company"?'],
      ['PATH_UNKNOWN_ENTITY', 'avoid[0]', 'did you mean "deepseek"?'],
    ]);
  });

  it('rejects numbers out of bounds and misspelt choices', () => {
    expect(problemsOf(() => resolvePathOptions(ecosystemGraph(), { k: 0, maxHops: 21 })).map(([code, field]) => [code, field])).toEqual([
      ['PATH_BAD_OPTION', 'k'],
      ['PATH_BAD_OPTION', 'maxHops'],
    ]);
    expect(problemsOf(() => resolvePathOptions(ecosystemGraph(), { k: 2.5 }))[0]?.[1]).toBe('k');
    // Options arrive untyped from URLs and the CLI; the cast stands in for that.
    const misspelt = { direction: 'forwards', modalities: ['facts'] } as unknown as Parameters<typeof resolvePathOptions>[1];
    expect(problemsOf(() => resolvePathOptions(ecosystemGraph(), misspelt))).toEqual([
      ['PATH_BAD_OPTION', 'direction', 'did you mean "forward"?'],
      ['PATH_BAD_OPTION', 'modalities[0]', 'did you mean "fact"?'],
    ]);
  });

  it('names the module and the fix in the message', () => {
    expect(() => resolvePathOptions(ecosystemGraph(), { relations: ['fund'] })).toThrow(
      'paths: unknown relation type "fund" — did you mean "funds"?',
    );
  });
});

describe('findPaths input checks', () => {
  it('rejects an unknown endpoint with a suggestion', () => {
    expect(problemsOf(() => findPaths(ecosystemGraph(), 'deepsek', 'kimi'))).toEqual([
      ['PATH_UNKNOWN_ENTITY', 'from', 'did you mean "deepseek"?'],
    ]);
    expect(problemsOf(() => findPaths(ecosystemGraph(), 'deepseek', 'nowhere'))[0]?.[1]).toBe('to');
  });
});
