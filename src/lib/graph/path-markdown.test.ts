// Path cards as Markdown: hops in order, footnotes numbered once per quote, names and quotes kept literal.
import { describe, expect, it } from 'vitest';
import { ent, rel, relType, tinyGraph } from './graph.fixture.ts';
import { findPaths } from './paths/index.ts';
import { pathCard, pathMarkdown } from './path-markdown.ts';

const graph = tinyGraph(
  [
    ent('hf', 'fund', 'High-Flyer'),
    ent('ds', 'company', 'DeepSeek'),
    ent('r1', 'model', 'DeepSeek-R1'),
    ent('jd', 'company', 'JD *Cloud*'),
  ],
  [rel('hf', 'funds', 'ds'), rel('ds', 'releases', 'r1'), rel('jd', 'deploys', 'r1')],
  [relType('funds'), relType('releases'), relType('deploys')],
);

describe('pathMarkdown', () => {
  it('lists each hop with arrows in the true direction and a footnote per quote', () => {
    const path = findPaths(graph, 'hf', 'jd').paths[0]!;
    const md = pathMarkdown(graph, path);
    expect(md).toContain('1. High\\-Flyer —funds→ DeepSeek[^1]');
    expect(md).toContain('3. DeepSeek\\-R1 ←deploys— JD \\*Cloud\\*[^3]');
    expect(md).toContain('[^1]: “hf funds ds” — Article, Example News, 2025');
  });

  it('marks an inferred hop "(inferred)", a denied one "(the source says not)" and a question "(the source asks)"', () => {
    const marked = tinyGraph(
      [ent('a', 'x', 'A'), ent('b', 'x', 'B'), ent('c', 'x', 'C'), ent('d', 'x', 'D')],
      [
        { ...rel('a', 'funds', 'b'), basis: 'inferred', note: 'from the name' },
        { ...rel('b', 'funds', 'c'), negated: true },
        { ...rel('c', 'funds', 'd'), modality: 'question' },
      ],
      [relType('funds')],
    );
    expect(findPaths(marked, 'a', 'd').paths).toEqual([]);
    const md = pathMarkdown(marked, findPaths(marked, 'a', 'd', { includeNegated: true }).paths[0]!);
    expect(md).toContain('1. A —funds \\(inferred\\)→ B[^1]');
    expect(md).toContain('2. B —funds \\(the source says not\\)→ C[^2]');
    expect(md).toContain('3. C —funds \\(the source asks\\)→ D[^3]');
  });

  it('gives a repeated quote one number', () => {
    const twice = tinyGraph(
      [ent('a', 'x'), ent('b', 'x'), ent('c', 'x')],
      [
        { ...rel('a', 't', 'b'), evidence: [{ source: 'article', quote: 'same' }] },
        { ...rel('b', 't', 'c'), evidence: [{ source: 'article', quote: 'same' }] },
      ],
    );
    const card = pathCard(twice, findPaths(twice, 'a', 'c').paths[0]!);
    expect(card.notes).toHaveLength(1);
    expect(card.hops.map((h) => h.notes)).toEqual([[1], [1]]);
  });
});
