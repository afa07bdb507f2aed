// A found path as Markdown with numbered footnotes: for articles, notes and reports that cite the graph.
import type { KnowledgeGraph } from './model.ts';
import type { Path, PathLanguage } from './paths/index.ts';
import { entityName, hopConnector } from './paths/index.ts';

/** Escapes Markdown's inline specials so names and quotes stay literal text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

export interface PathCard {
  title: string;
  /**
   * One line per hop: `High-Flyer —funds→ DeepSeek`, with the footnote numbers that back it; a hop that is not a
   * stated claim says so after the relation (`—funds (inferred)→`, see `hopConnector`).
   */
  hops: Array<{ text: string; notes: number[] }>;
  /** Footnotes in order: quote and where it comes from. */
  notes: Array<{ number: number; quote: string; source: string }>;
}

/** The content of a path card (shared by the Markdown and the image). Identical quotes share a number. */
export function pathCard(graph: KnowledgeGraph, path: Path, lang: PathLanguage = 'en'): PathCard {
  const sources = new Map((graph.getAttribute('sources') ?? []).map((s) => [s.id, s]));
  const numbers = new Map<string, number>();
  const notes: PathCard['notes'] = [];
  const hops = path.edges.map((edge, i) => {
    const text = `${entityName(graph, path.nodes[i]!, lang)} ${hopConnector(graph, edge, lang)} ${entityName(graph, path.nodes[i + 1]!, lang)}`;
    const numbersOfHop = edge.evidence.map((evidence) => {
      const key = `${evidence.source}\u0000${evidence.quote}`;
      let n = numbers.get(key);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(key, n);
        const s = sources.get(evidence.source);
        notes.push({
          number: n,
          quote: evidence.quote,
          source: s ? [s.title, s.publisher, s.date, s.url].filter(Boolean).join(', ') : evidence.source,
        });
      }
      return n;
    });
    return { text, notes: numbersOfHop };
  });
  const title = `${entityName(graph, path.nodes[0]!, lang)} → ${entityName(graph, path.nodes[path.nodes.length - 1]!, lang)}`;
  return { title, hops, notes };
}

/** The card as Markdown: a heading, one numbered hop per line with `[^n]` footnotes, then the footnotes. */
export function pathMarkdown(graph: KnowledgeGraph, path: Path, lang: PathLanguage = 'en'): string {
  const card = pathCard(graph, path, lang);
  const lines = [`### ${escapeMarkdown(card.title)}`, ''];
  card.hops.forEach((hop, i) => lines.push(`${i + 1}. ${escapeMarkdown(hop.text)}${hop.notes.map((n) => `[^${n}]`).join('')}`));
  if (card.notes.length) lines.push('');
  for (const note of card.notes) lines.push(`[^${note.number}]: “${escapeMarkdown(note.quote)}” — ${escapeMarkdown(note.source)}`);
  return `${lines.join('\n')}\n`;
}
