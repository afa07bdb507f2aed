// Turns what a person types (an id, a name or an alias in any language) into exactly one entity id.
import type { KnowledgeGraph } from './model.ts';
import { KgError } from './errors.ts';
import type { SearchIndex } from './search.ts';
import { buildSearchIndex, normalizeForMatch, search } from './search.ts';

/**
 * Resolves an entity reference. Exact id wins; otherwise an exact (case- and width-insensitive) name, alias or
 * pinyin match. Ambiguous names and unknown names are errors that list candidates.
 */
export function resolveEntity(
  graph: KnowledgeGraph,
  reference: string,
  index: SearchIndex = buildSearchIndex(graph.mapNodes((_, e) => e)),
): string {
  if (graph.hasNode(reference)) return reference;
  const wanted = normalizeForMatch(reference);
  const exact = new Set(index.terms.filter((t) => t.normalized === wanted).map((t) => t.entity));
  if (exact.size === 1) return [...exact][0]!;
  const describe = (id: string): string => {
    const e = graph.getNodeAttributes(id);
    return `${id} (${e.name.en}${e.name.zh ? ` / ${e.name.zh}` : ''}, ${e.type})`;
  };
  if (exact.size > 1) {
    throw new KgError({
      code: 'ENTITY_AMBIGUOUS',
      severity: 'error',
      message: `"${reference}" names ${exact.size} entities: ${[...exact].sort().map(describe).join('; ')}`,
      hint: 'use an id',
    });
  }
  const candidates = search(index, reference, { limit: 5 });
  throw new KgError({
    code: 'ENTITY_UNKNOWN',
    severity: 'error',
    message: `no entity named "${reference.slice(0, 80)}"`,
    ...(candidates.length ? { hint: `did you mean: ${candidates.map((c) => describe(c.id)).join('; ')}?` } : {}),
  });
}
