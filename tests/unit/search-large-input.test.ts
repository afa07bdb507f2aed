// Search on large and slow input (bad-inputs case 27): a 10,000-character query and a catastrophic-backtracking
// pattern against a 10,000-entity index return (literal matching, query capped), without timing assertions.
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, buildSearchIndex, search } from '../../src/lib/graph/search.ts';
import type { Entity } from '../../src/lib/graph/types.ts';

/** 10,000 entities whose names are long runs of "a": the worst case for a backtracking `(a+)+$`. */
const ENTITIES: Entity[] = Array.from({ length: 10_000 }, (_, i) => ({
  id: `e-${i}`,
  type: i % 2 ? 'company' : 'person',
  name: { en: `${'a'.repeat(40)} ${i}`, zh: '' },
  aliases: [`${'a'.repeat(25)}!`],
  description: { en: '', zh: '' },
}));
const INDEX = buildSearchIndex(ENTITIES);

describe('search on a 10,000-entity index', () => {
  it('returns for a 10,000-character query, reading only the first MAX_QUERY_LENGTH characters', () => {
    const query = `${'a'.repeat(9_999)}!`;
    const hits = search(INDEX, query);
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(10);
    // Only the capped prefix counts: the full query and its first MAX_QUERY_LENGTH characters give the same answer.
    expect(search(INDEX, query.slice(0, MAX_QUERY_LENGTH))).toEqual(hits);
  });

  it.each(['(a+)+$', '(a|aa)+$', '^(a+)+!', '[broken', '.*', 'a{1,99999}', '\\'])('returns for "%s" without throwing', (query) => {
    // Punctuation is ignored when comparing compact forms, so "(a+)+$" may match names starting with "a": the point is
    // that it is never run as a pattern, which would throw on "[broken" and backtrack for ages on "(a+)+$".
    const hits = search(INDEX, query);
    expect(Array.isArray(hits)).toBe(true);
    expect(hits.length).toBeLessThanOrEqual(10);
  });

  it('still finds an entity among 10,000 by its exact name', () => {
    expect(search(INDEX, `${'a'.repeat(40)} 4242`)[0]?.id).toBe('e-4242');
  });
});
