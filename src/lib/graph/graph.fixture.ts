// Test-only: builds tiny knowledge graphs inline, so a test can read `rel('hf', 'funds', 'ds')` instead of JSON.
import { buildGraph, type KnowledgeGraph } from './model.ts';
import type { Entity, Modality, Relation, RelationType } from './types.ts';
import { KgError } from './errors.ts';

/** An entity of `type` whose English name is its id unless given. */
export const ent = (id: string, type: string, en = id, zh = ''): Entity => ({
  id,
  type,
  name: { en, zh },
  aliases: [],
  description: { en: '', zh: '' },
});

/** A relation with an id derived the way the compiler derives it, unless given. */
export const rel = (
  source: string,
  type: string,
  target: string,
  modality: Modality = 'fact',
  id = `${source}--${type}--${target}`,
): Relation => ({
  id,
  source,
  target,
  type,
  modality,
  evidence: [{ source: 'article', quote: `${source} ${type} ${target}` }],
});

/** A relation type; symmetric ones read the same both ways. */
export const relType = (id: string, symmetric = false): RelationType => ({
  id,
  label: { en: id, zh: '' },
  reverse: { en: symmetric ? id : `${id} (reverse)`, zh: '' },
  symmetric,
  reflexive: false,
});

/** A graph of these entities and relations; relation types are declared in `types`. */
export function tinyGraph(entities: Entity[], relations: Relation[], types: RelationType[] = []): KnowledgeGraph {
  return buildGraph({
    format: 'kg-compiled',
    version: 1,
    title: 'Tiny graph',
    entityTypes: [],
    relationTypes: types,
    sources: [{ id: 'article', title: 'Article', publisher: 'Example News', date: '2025', language: 'en' }],
    entities,
    relations,
  });
}

/** The KgError thrown by `run`; fails the test when it throws nothing or something else. */
export function errorOf(run: () => unknown): KgError {
  try {
    run();
  } catch (error) {
    if (error instanceof KgError) return error;
    throw error;
  }
  throw new Error('expected a KgError');
}
