// A path as one readable line, arrows pointing the way each relation really goes.
import type { KnowledgeGraph } from '../model.ts';
import { entityName, type PathLanguage, relationLabel } from './labels.ts';
import type { Path, PathEdge } from './path.ts';

/**
 * The connector for one hop, as read left to right along the path: `—funds→` when the hop follows the relation,
 * `←deploys—` when it walks against it, `—competes with—` for undirected relations.
 */
export function hopConnector(graph: KnowledgeGraph, edge: PathEdge, lang: PathLanguage = 'en'): string {
  const label = relationLabel(graph, edge.type, lang);
  if (!edge.directed) return `—${label}—`;
  return edge.forward ? `—${label}→` : `←${label}—`;
}

/**
 * Renders a path as plain text in `lang`:
 * `High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud`.
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
