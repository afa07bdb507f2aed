// Pins how a path reads as text: arrows in each relation's true direction, names in the chosen language, citations.
import { describe, expect, it } from 'vitest';
import { findPaths, pathCitations, pathSentence, shortestPath } from './index.ts';
import { ecosystemGraph } from './paths.fixture.ts';
import type { KnowledgeGraph } from '../model.ts';
import type { Relation } from '../types.ts';

/** Gives relation `id` new fields on a copy of its attributes (the fixture's objects are shared between graphs). */
function mark(graph: KnowledgeGraph, id: string, fields: Partial<Relation>): void {
  graph.replaceEdgeAttributes(id, { ...graph.getEdgeAttributes(id), ...fields });
}

describe('pathSentence', () => {
  it('points each arrow the way the relation really goes', () => {
    const graph = ecosystemGraph();
    const path = shortestPath(graph, 'high-flyer', 'jd-cloud')!;
    expect(pathSentence(graph, path)).toBe('High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud');
  });

  it('draws symmetric relations without an arrow head', () => {
    const graph = ecosystemGraph();
    const path = shortestPath(graph, 'moonshot', 'high-flyer')!;
    expect(pathSentence(graph, path)).toBe('Moonshot AI —competes with— DeepSeek ←funds— High-Flyer');
  });

  it('speaks Chinese, falling back to English names where Chinese is missing', () => {
    const graph = ecosystemGraph();
    const path = shortestPath(graph, 'high-flyer', 'jd-cloud')!;
    expect(pathSentence(graph, path, 'zh')).toBe('幻方量化 —资助→ 深度求索 —发布→ DeepSeek-R1 ←部署— 京东云');
  });

  it('falls back to the type id for relation types the graph does not declare', () => {
    const graph = ecosystemGraph();
    graph.addDirectedEdgeWithKey('rx', 'kimi', 'lonely', {
      id: 'rx',
      source: 'kimi',
      target: 'lonely',
      type: 'mentions',
      modality: 'fact',
      evidence: [],
    });
    expect(pathSentence(graph, shortestPath(graph, 'lonely', 'kimi')!)).toBe('Lonely Co ←mentions— Kimi');
  });

  it('reads "(inferred)" after an inferred relation, "(the source asks)" after a question, in either language', () => {
    const graph = ecosystemGraph();
    mark(graph, 'r1', { basis: 'inferred', note: 'from the fund name' });
    mark(graph, 'r3', { modality: 'question' });
    const path = shortestPath(graph, 'high-flyer', 'jd-cloud')!;
    expect(pathSentence(graph, path)).toBe(
      'High-Flyer —funds (inferred)→ DeepSeek —releases→ DeepSeek-R1 ←deploys (the source asks)— JD Cloud',
    );
    expect(pathSentence(graph, path, 'zh')).toBe('幻方量化 —资助（推断）→ 深度求索 —发布→ DeepSeek-R1 ←部署（来源提问）— 京东云');
  });

  it('reads "(the source says not)" after a denied relation, which a path walks only when asked to', () => {
    const graph = ecosystemGraph();
    mark(graph, 'r1', { negated: true, basis: 'inferred' });
    expect(findPaths(graph, 'high-flyer', 'deepseek', { maxHops: 1 }).paths).toEqual([]);
    const path = findPaths(graph, 'high-flyer', 'deepseek', { maxHops: 1, includeNegated: true }).paths[0]!;
    expect(path.edges[0]).toMatchObject({ basis: 'inferred', negated: true });
    expect(pathSentence(graph, path)).toBe('High-Flyer —funds (inferred) (the source says not)→ DeepSeek');
  });

  it('renders the zero-length path as the entity alone', () => {
    const graph = ecosystemGraph();
    expect(pathSentence(graph, findPaths(graph, 'kimi', 'kimi').paths[0]!)).toBe('Kimi');
  });
});

describe('pathCitations', () => {
  it('numbers the evidence after each hop and lists the quotes as footnotes', () => {
    const graph = ecosystemGraph();
    const path = shortestPath(graph, 'high-flyer', 'jd-cloud')!;
    expect(pathCitations(graph, path)).toBe(
      [
        'High-Flyer —funds→ DeepSeek [1] —releases→ DeepSeek-R1 [2] ←deploys— JD Cloud [3]',
        '',
        '[1] "High-Flyer funds DeepSeek." — DeepSeek profile, Example News, 2025-01-20',
        '[2] "DeepSeek released R1." — DeepSeek profile, Example News, 2025-01-20',
        '[3] "JD Cloud deploys R1." — DeepSeek profile, Example News, 2025-01-20',
      ].join('\n'),
    );
  });

  it('keeps the qualifiers of inferred, denied and question hops before the evidence markers', () => {
    const graph = ecosystemGraph();
    mark(graph, 'r1', { negated: true });
    mark(graph, 'r2', { basis: 'inferred' });
    mark(graph, 'r3', { modality: 'question' });
    const path = findPaths(graph, 'high-flyer', 'jd-cloud', { includeNegated: true }).paths[0]!;
    expect(pathCitations(graph, path).split('\n')[0]).toBe(
      'High-Flyer —funds (the source says not)→ DeepSeek [1] —releases (inferred)→ DeepSeek-R1 [2] ←deploys (the source asks)— JD Cloud [3]',
    );
  });

  it('leaves hops without evidence unmarked and reuses the number of a repeated quote', () => {
    const graph = ecosystemGraph();
    graph.mergeEdgeAttributes('r4', {
      evidence: [
        { source: 'profile', quote: 'High-Flyer funds DeepSeek.' },
        { source: 'blog', quote: '' },
      ],
    });
    const path = shortestPath(graph, 'high-flyer', 'kimi')!;
    expect(pathCitations(graph, path, 'zh')).toBe(
      [
        '幻方量化 —资助→ 深度求索 [1] —竞争— 月之暗面 [1][2] —发布→ Kimi',
        '',
        '[1] “High-Flyer funds DeepSeek.” — DeepSeek profile, Example News, 2025-01-20',
        '[2] blog',
      ].join('\n'),
    );
  });
});
