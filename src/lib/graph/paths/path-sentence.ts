// A path as one readable line, arrows pointing the way each relation really goes.
import type { KnowledgeGraph } from '../model.ts';
import { entityName, type PathLanguage, relationLabel } from './labels.ts';
import type { Path, PathEdge } from './path.ts';

/** What a hop's relation is other than a stated claim, in the words a reader sees after the relation's label. */
const QUALIFIERS = {
  inferred: { en: '(inferred)', zh: '（推断）' },
  negated: { en: '(the source says not)', zh: '（来源否认）' },
  question: { en: '(the source asks)', zh: '（来源提问）' },
} as const;

/**
 * The qualifiers of a hop's relation, so that a path never reads as more certain than its sources: `(inferred)` for
 * an inferred relation, `(the source says not)` for a denied one, `(the source asks)` for a question; empty for a
 * stated claim. Several are joined by spaces.
 */
export function hopQualifiers(edge: Pick<PathEdge, 'basis' | 'negated' | 'modality'>, lang: PathLanguage = 'en'): string {
  const parts = [
    edge.basis === 'inferred' ? QUALIFIERS.inferred : undefined,
    edge.negated ? QUALIFIERS.negated : undefined,
    edge.modality === 'question' ? QUALIFIERS.question : undefined,
  ];
  return parts
    .filter((q) => q !== undefined)
    .map((q) => q[lang])
    .join(lang === 'zh' ? '' : ' ');
}

/**
 * The connector for one hop, as read left to right along the path: `—funds→` when the hop follows the relation,
 * `←deploys—` when it walks against it, `—competes with—` for undirected relations. A relation that is not a stated
 * claim carries its qualifiers after the label (see `hopQualifiers`): `—funds (inferred)→`.
 */
export function hopConnector(graph: KnowledgeGraph, edge: PathEdge, lang: PathLanguage = 'en'): string {
  const qualifiers = hopQualifiers(edge, lang);
  const label = `${relationLabel(graph, edge.type, lang)}${qualifiers === '' ? '' : lang === 'zh' ? qualifiers : ` ${qualifiers}`}`;
  if (!edge.directed) return `—${label}—`;
  return edge.forward ? `—${label}→` : `←${label}—`;
}

/**
 * Renders a path as plain text in `lang`:
 * `High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud`; a hop that is not a stated claim reads
 * with its qualifiers (`—funds (inferred)→`, see `hopConnector`).
 * Entity names fall back to English then to the id; labels to English then to the relation type id.
 * `after(i)` may append text after the i-th hop's entity (citations use it).
 */
export function pathSentence(
  graph: KnowledgeGraph,
  path: Path,
  lang: PathLanguage = 'en',
  after: (hop: number) => string = () => '',
): string {
  const parts = [entityName(graph, path.nodes[0] ?? '', lang)];
  path.edges.forEach((edge, i) => {
    parts.push(hopConnector(graph, edge, lang), entityName(graph, path.nodes[i + 1] ?? '', lang) + after(i));
  });
  return parts.join(' ');
}
