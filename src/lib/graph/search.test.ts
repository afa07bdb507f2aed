// Pins entity search (names in both languages, aliases, pinyin, typos, literal matching) and resolveEntity.
import { describe, expect, it } from 'vitest';
import { errorOf, tinyGraph } from './graph.fixture.ts';
import { pinyinForms } from './pinyin.ts';
import { resolveEntity } from './resolve-entity.ts';
import type { SearchOptions } from './search.ts';
import { buildSearchIndex, search } from './search.ts';
import type { Entity } from './types.ts';

/** An entity with its pinyin computed the way the compiler does it. */
const entity = (id: string, type: string, en: string, zh = '', aliases: string[] = []): Entity => {
  const pinyin = [...new Set([zh, ...aliases].flatMap(pinyinForms))];
  return { id, type, name: { en, zh }, aliases, description: { en: '', zh: '' }, ...(pinyin.length ? { pinyin } : {}) };
};

const ENTITIES: Entity[] = [
  entity('deepseek', 'company', 'DeepSeek', '深度求索', ['Deepseek AI']),
  entity('deepseek-r1', 'model', 'DeepSeek-R1'),
  entity('liang-wenfeng', 'person', 'Liang Wenfeng', '梁文锋'),
  entity('alibaba', 'company', 'Alibaba', '阿里巴巴', ['Alibaba Group', '阿里']),
  entity('seekers', 'company', 'Seekers Lab'),
  entity('cpp', 'concept', 'C++'),
];

const index = buildSearchIndex(ENTITIES);
const ids = (query: string, options?: SearchOptions): string[] => search(index, query, options).map((hit) => hit.id);

describe('search', () => {
  it('puts the exact English name first', () => {
    expect(ids('DeepSeek')).toEqual(['deepseek', 'deepseek-r1']);
    expect(search(index, 'DeepSeek')[0]).toMatchObject({ matched: 'DeepSeek', field: 'name' });
  });

  it('finds an entity by its Chinese name', () => {
    expect(ids('深度求索')).toEqual(['deepseek']);
  });

  it('finds an entity by an alias in either language', () => {
    expect(search(index, 'deepseek ai')[0]).toMatchObject({ id: 'deepseek', matched: 'Deepseek AI', field: 'alias' });
    expect(ids('阿里')[0]).toBe('alibaba');
  });

  it.each(['liang wen feng', 'liangwenfeng', 'liáng wén fēng', 'liang2 wen2 feng1', 'Liang Wenfeng'])(
    'finds a Chinese name by pinyin written as "%s"',
    (query) => {
      expect(ids(query)[0]).toBe('liang-wenfeng');
    },
  );

  it('finds a Chinese name by its pinyin initials', () => {
    expect(search(index, 'lwf')[0]).toMatchObject({ id: 'liang-wenfeng', matched: 'lwf', field: 'pinyin' });
  });

  it('forgives a typo', () => {
    expect(ids('deepsek')[0]).toBe('deepseek');
    expect(ids('Alibabba')).toEqual(['alibaba']);
  });

  it('ranks a prefix match above a substring match', () => {
    expect(ids('seek')).toEqual(['seekers', 'deepseek', 'deepseek-r1']);
  });

  it('ranks a word prefix inside a name above a bare substring', () => {
    const [group] = search(index, 'group');
    expect(group).toMatchObject({ id: 'alibaba', matched: 'Alibaba Group' });
    expect(group!.score).toBeGreaterThan(search(index, 'roup')[0]!.score);
  });

  it.each(['(a+)+$', '[broken', '.*', '\\', '*', '?'])('treats "%s" literally and never throws', (query) => {
    expect(() => search(index, query)).not.toThrow();
    // A regex would match everything for ".*"; literal matching finds no name containing these characters.
    expect(ids(query)).not.toContain('deepseek');
  });

  it('matches ".*" against nothing rather than everything', () => {
    expect(ids('.*')).toEqual([]);
  });

  it('finds "C++" literally', () => {
    expect(ids('C++')[0]).toBe('cpp');
  });

  it('handles a 10,000-character query without throwing', () => {
    expect(ids('x'.repeat(10_000))).toEqual([]);
    expect(() => search(index, '(a+)+$'.repeat(2_000))).not.toThrow();
  });

  it('keeps only the wanted entity types', () => {
    expect(ids('deepseek', { types: ['model'] })).toEqual(['deepseek-r1']);
    expect(ids('deepseek', { types: [] })).toEqual([]);
  });

  it('returns at most `limit` hits', () => {
    expect(ids('seek', { limit: 1 })).toEqual(['seekers']);
    expect(ids('seek', { limit: 0 })).toEqual([]);
  });

  it('returns nothing for an empty or blank query', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  // Known bug: tone-number stripping ("liang2" → "liang") also eats version numbers, so "DeepSeek-V3" is read
  // as "deepseek-v" and ties with V2. Flip to `it` once search.ts only strips digits after pinyin syllables.
  it('puts an exact model name with a version number first', () => {
    const versions = buildSearchIndex([entity('deepseek-v2', 'model', 'DeepSeek-V2'), entity('deepseek-v3', 'model', 'DeepSeek-V3')]);
    expect(search(versions, 'DeepSeek-V3')[0]!.id).toBe('deepseek-v3');
  });
});

describe('resolveEntity', () => {
  const graph = tinyGraph(
    [...ENTITIES, entity('kimi', 'product', 'Kimi'), entity('moonshot', 'company', 'Moonshot AI', '月之暗面', ['Kimi'])],
    [],
  );

  it('returns an id as it is', () => {
    expect(resolveEntity(graph, 'deepseek-r1')).toBe('deepseek-r1');
  });

  it('resolves a name in either language, ignoring case and width', () => {
    expect(resolveEntity(graph, 'DEEPSEEK')).toBe('deepseek');
    expect(resolveEntity(graph, 'ＤｅｅｐＳｅｅｋ')).toBe('deepseek');
    expect(resolveEntity(graph, '梁文锋')).toBe('liang-wenfeng');
  });

  it('resolves an alias in either language', () => {
    expect(resolveEntity(graph, 'Alibaba Group')).toBe('alibaba');
    expect(resolveEntity(graph, '阿里')).toBe('alibaba');
  });

  it('resolves spaced pinyin', () => {
    expect(resolveEntity(graph, 'liang wen feng')).toBe('liang-wenfeng');
  });

  it('refuses an ambiguous name and lists every candidate', () => {
    const error = errorOf(() => resolveEntity(graph, 'KIMI'));
    expect(error.code).toBe('ENTITY_AMBIGUOUS');
    expect(error.problems[0]!.message).toContain('kimi (Kimi, product)');
    expect(error.problems[0]!.message).toContain('moonshot (Moonshot AI / 月之暗面, company)');
    expect(error.problems[0]!.hint).toBe('use an id');
  });

  it('refuses an unknown name and suggests close ones', () => {
    const error = errorOf(() => resolveEntity(graph, 'Deepsek'));
    expect(error.code).toBe('ENTITY_UNKNOWN');
    expect(error.problems[0]!.hint).toContain('deepseek (DeepSeek / 深度求索, company)');
  });

  it('refuses a name with nothing close, without a hint', () => {
    const error = errorOf(() => resolveEntity(graph, 'zzzzzz'));
    expect(error.code).toBe('ENTITY_UNKNOWN');
    expect(error.problems[0]!.hint).toBeUndefined();
  });
});
