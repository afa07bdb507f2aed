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
