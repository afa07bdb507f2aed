// How paths name things in prose: entity names, relation and entity-type labels, English lists.
import type { KnowledgeGraph } from '../model.ts';
import type { Bilingual } from '../types.ts';
import { neutraliseHidden } from '../text-checks.ts';
import { displayName } from '../display-name.ts';

/** The languages the graph's text comes in. */
export type PathLanguage = keyof Bilingual;

/** The text in `lang`; invisible and bidi-control characters are shown as markers, so a sentence cannot be spoofed. */
function pick(text: Bilingual | undefined, lang: PathLanguage): string | undefined {
  const chosen = (lang === 'zh' ? text?.zh || text?.en : text?.en) || undefined;
  return chosen === undefined ? undefined : neutraliseHidden(chosen);
}

/** The entity's name in `lang` (the engine's `displayName`), or its id when the graph has no such entity. */
export function entityName(graph: KnowledgeGraph, id: string, lang: PathLanguage = 'en'): string {
  return graph.hasNode(id) ? displayName({ id, name: graph.getNodeAttribute(id, 'name') }, lang) : neutraliseHidden(id);
}

/** The relation type's label in `lang` ("funds"), falling back to English, then to the type id. */
export function relationLabel(graph: KnowledgeGraph, type: string, lang: PathLanguage = 'en'): string {
  const relationType = (graph.getAttribute('relationTypes') ?? []).find((t) => t.id === type);
  return pick(relationType?.label, lang) ?? type;
}

/** The entity type's label in `lang` ("Company"), falling back to English, then to the type id. */
export function entityTypeLabel(graph: KnowledgeGraph, type: string, lang: PathLanguage = 'en'): string {
  const entityType = (graph.getAttribute('entityTypes') ?? []).find((t) => t.id === type);
  return pick(entityType?.label, lang) ?? type;
}

/** "a", "a and b", "a, b and c". */
export function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
