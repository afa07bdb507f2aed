// Pins how a path reads as text: arrows in each relation's true direction, names in the chosen language, citations.
import { describe, expect, it } from 'vitest';
import { findPaths, pathCitations, pathSentence, shortestPath } from './index.ts';
import { ecosystemGraph } from './paths.fixture.ts';

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
