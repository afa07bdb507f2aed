// A path as a cited sentence: numbered evidence markers after each hop and a footnote per quote.
import type { KnowledgeGraph } from '../model.ts';
import type { Evidence } from '../types.ts';
import type { PathLanguage } from './labels.ts';
import type { Path } from './path.ts';
import { pathSentence } from './path-sentence.ts';

/** One footnote line: `[1] "quote" — Title, Publisher, 2024-05-01, <https://…>`; unknown sources show their id. */
function footnote(graph: KnowledgeGraph, number: number, evidence: Evidence, lang: PathLanguage): string {
  const source = (graph.getAttribute('sources') ?? []).find((s) => s.id === evidence.source);
  const where = source
    ? [source.title, source.publisher, source.date, source.url ? `<${source.url}>` : ''].filter((p) => p !== '')
    : [evidence.source];
  const quote = evidence.quote === '' ? '' : lang === 'zh' ? `“${evidence.quote}” — ` : `"${evidence.quote}" — `;
  return `[${number}] ${quote}${where.join(', ')}`;
}

/**
 * Renders a path with its evidence, Markdown-ish plain text: the path sentence with `[n]` after each hop (one per
 * piece of evidence; the same quote from the same source keeps its number), a blank line, then one footnote per
 * number. Hops without evidence get no marker; a path without any evidence is just its sentence. Inferred, denied and
 * question hops keep their qualifiers from the sentence (`—funds (inferred)→`), so a citation never reads as more
 * certain than its source.
 */
export function pathCitations(graph: KnowledgeGraph, path: Path, lang: PathLanguage = 'en'): string {
  const numbers = new Map<string, number>();
  const notes: string[] = [];
  const markers = path.edges.map((edge) =>
    (edge.evidence ?? [])
      .map((evidence) => {
        const key = JSON.stringify([evidence.source, evidence.quote]);
        let number = numbers.get(key);
        if (number === undefined) {
          number = numbers.size + 1;
          numbers.set(key, number);
          notes.push(footnote(graph, number, evidence, lang));
        }
        return `[${number}]`;
      })
      .join(''),
  );
  const sentence = pathSentence(graph, path, lang, (hop) => (markers[hop] ? ` ${markers[hop]}` : ''));
  return notes.length === 0 ? sentence : `${sentence}\n\n${notes.join('\n')}`;
}
