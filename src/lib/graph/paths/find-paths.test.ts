// Pins findPaths and the three modes on a tiny ecosystem graph: what a user asking "how are these linked?" sees.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import { readDataFolder } from '../../../cli/data-folder.ts';
import { compile } from '../compile.ts';
import { buildGraph, type KnowledgeGraph } from '../model.ts';
import type { Modality } from '../types.ts';
import { allShortestPaths, commonNeighbours, findPaths, kShortestPaths, pathSentence, shortestPath } from './index.ts';
import { ecosystemGraph } from './paths.fixture.ts';

const nodesOf = (paths: { nodes: string[] }[]): string[][] => paths.map((p) => p.nodes);
const edgesOf = (paths: { edges: { id: string }[] }[]): string[][] => paths.map((p) => p.edges.map((e) => e.id));

/** A graph of the given entities, with no relations yet. */
function tinyGraph(ids: string[]): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  for (const id of ids) graph.addNode(id, { id, type: 'x', name: { en: id, zh: '' }, aliases: [], description: { en: '', zh: '' } });
  return graph;
}

/** Adds a directed relation `source → target` (or an undirected one) of the given modality. */
function relate(graph: KnowledgeGraph, key: string, source: string, target: string, modality: Modality = 'fact', undirected = false): void {
  const relation = { id: key, source, target, type: 'link', modality, evidence: [] };
  if (undirected) graph.addUndirectedEdgeWithKey(key, source, target, relation);
  else graph.addDirectedEdgeWithKey(key, source, target, relation);
}

describe('findPaths', () => {
  it('finds the shortest path across relations walked both ways', () => {
    const { paths, reason } = findPaths(ecosystemGraph(), 'high-flyer', 'jd-cloud');
    expect(nodesOf(paths)).toEqual([['high-flyer', 'deepseek', 'deepseek-r1', 'jd-cloud']]);
    expect(paths[0]!.edges.map((e) => [e.id, e.forward])).toEqual([
      ['r1', true],
      ['r2', true],
      ['r3', false],
    ]);
    expect(reason).toBeUndefined();
  });

  it('carries each relation with its evidence, stored endpoints and modality', () => {
    const [path] = findPaths(ecosystemGraph(), 'high-flyer', 'deepseek').paths;
    expect(path).toEqual({
      length: 1,
      nodes: ['high-flyer', 'deepseek'],
      edges: [
        {
          id: 'r1',
          source: 'high-flyer',
          target: 'deepseek',
          type: 'funds',
          modality: 'fact',
          forward: true,
          directed: true,
          evidence: [{ source: 'profile', quote: 'High-Flyer funds DeepSeek.' }],
        },
      ],
    });
  });

  it('returns the zero-length path from an entity to itself', () => {
    const { paths } = findPaths(ecosystemGraph(), 'deepseek', 'deepseek', { mode: 'k' });
    expect(paths).toEqual([{ length: 0, nodes: ['deepseek'], edges: [] }]);
  });

  it('returns no path when the target is unreachable, and says why', () => {
    const { paths, reason } = findPaths(ecosystemGraph(), 'deepseek', 'lonely');
    expect(paths).toEqual([]);
    expect(reason).toEqual({ kind: 'not-connected', sentence: 'DeepSeek and Lonely Co are not connected at all.' });
  });

  it('lists the common neighbours of both endpoints', () => {
    expect(findPaths(ecosystemGraph(), 'high-flyer', 'deepseek-r1').common).toEqual(['deepseek']);
    expect(findPaths(ecosystemGraph(), 'high-flyer', 'deepseek').common).toEqual(['liang-wenfeng']);
  });

  it('follows relations only source to target when the direction is forward', () => {
    const graph = ecosystemGraph();
    expect(shortestPath(graph, 'liang-wenfeng', 'deepseek-r1', { direction: 'forward' })?.nodes).toEqual([
      'liang-wenfeng',
      'deepseek',
      'deepseek-r1',
    ]);
    expect(shortestPath(graph, 'deepseek-r1', 'liang-wenfeng', { direction: 'forward' })).toBeNull();
    expect(shortestPath(graph, 'deepseek-r1', 'liang-wenfeng', { direction: 'backward' })?.length).toBe(2);
  });

  it('walks symmetric relations both ways whatever the direction', () => {
    const graph = ecosystemGraph();
    const there = shortestPath(graph, 'deepseek', 'moonshot', { direction: 'forward' });
    const back = shortestPath(graph, 'moonshot', 'deepseek', { direction: 'forward' });
    expect(there?.edges.map((e) => [e.id, e.forward, e.directed])).toEqual([['r4', true, false]]);
    expect(back?.edges.map((e) => [e.id, e.forward, e.directed])).toEqual([['r4', false, false]]);
  });

  it('never passes through an entity of an excluded type, but lets endpoints be of that type', () => {
    const graph = ecosystemGraph();
    const path = shortestPath(graph, 'high-flyer', 'jd-cloud', { excludeTypes: ['model'] });
    expect(path).toBeNull();
    expect(shortestPath(graph, 'deepseek', 'deepseek-r1', { excludeTypes: ['model'] })?.length).toBe(1);
  });

  it('goes around avoided entities', () => {
    const around = shortestPath(ecosystemGraph(), 'kimi', 'deepseek-r1', { avoid: ['jd-cloud'] });
    expect(around?.nodes).toEqual(['kimi', 'moonshot', 'deepseek', 'deepseek-r1']);
  });

  it('keeps to the relations and modalities asked for', () => {
    const graph = ecosystemGraph();
    expect(shortestPath(graph, 'deepseek', 'kimi', { modalities: ['fact', 'prediction'] })?.edges.map((e) => e.id)).toEqual([
      'r2',
      'r3',
      'r8',
    ]);
    expect(shortestPath(graph, 'deepseek', 'kimi', { excludeRelations: ['competes-with'] })?.length).toBe(3);
    expect(shortestPath(graph, 'deepseek', 'kimi', { relations: ['releases', 'competes-with'] })?.length).toBe(2);
  });

  it('stays inside the view filter', () => {
    const view = { nodeVisible: (id: string) => id !== 'deepseek-r1', edgeVisible: (id: string) => id !== 'r4' };
    expect(shortestPath(ecosystemGraph(), 'high-flyer', 'kimi', { view })).toBeNull();
    expect(shortestPath(ecosystemGraph(), 'high-flyer', 'kimi', { view: { edgeVisible: view.edgeVisible } })?.length).toBe(4);
  });
});

describe('the modes', () => {
  it('lists every shortest path, parallel relations giving distinct paths', () => {
    const graph = ecosystemGraph();
    graph.addDirectedEdgeWithKey('r9', 'high-flyer', 'deepseek', { ...graph.getEdgeAttributes('r1'), id: 'r9' });
    const { paths, truncated } = allShortestPaths(graph, 'high-flyer', 'jd-cloud');
    expect(edgesOf(paths)).toEqual([
      ['r1', 'r2', 'r3'],
      ['r9', 'r2', 'r3'],
    ]);
    expect(truncated).toBe(false);
  });

  it('stops listing at maxPaths and says so', () => {
    const graph = ecosystemGraph();
    graph.addDirectedEdgeWithKey('r9', 'high-flyer', 'deepseek', { ...graph.getEdgeAttributes('r1'), id: 'r9' });
    const result = findPaths(graph, 'high-flyer', 'jd-cloud', { mode: 'all', maxPaths: 1 });
    expect(edgesOf(result.paths)).toEqual([['r1', 'r2', 'r3']]);
    expect(result.truncated).toBe(true);
  });

  it('ranks k shortest simple paths by length, then facts first, then entity ids, then relation ids', () => {
    const paths = kShortestPaths(ecosystemGraph(), 'high-flyer', 'jd-cloud', { k: 10 });
    // Of the two four-hop paths, the one of facts wins over the one through an opinion and a prediction.
    expect(nodesOf(paths)).toEqual([
      ['high-flyer', 'deepseek', 'deepseek-r1', 'jd-cloud'],
      ['high-flyer', 'liang-wenfeng', 'deepseek', 'deepseek-r1', 'jd-cloud'],
      ['high-flyer', 'deepseek', 'moonshot', 'kimi', 'jd-cloud'],
      ['high-flyer', 'liang-wenfeng', 'deepseek', 'moonshot', 'kimi', 'jd-cloud'],
    ]);
  });

  it('returns at most k paths and none longer than maxHops', () => {
    const graph = ecosystemGraph();
    expect(kShortestPaths(graph, 'high-flyer', 'jd-cloud', { k: 2 })).toHaveLength(2);
    expect(kShortestPaths(graph, 'high-flyer', 'jd-cloud', { maxHops: 4 }).map((p) => p.length)).toEqual([3, 4, 4]);
  });

  it('breaks ties between equally short paths by entity ids before relation ids', () => {
    const graph = tinyGraph(['s', 'a', 'b', 't']);
    relate(graph, 'e9', 's', 'a');
    relate(graph, 'e1', 's', 'b');
    relate(graph, 'e5', 'a', 't');
    relate(graph, 'e2', 'b', 't');
    expect(shortestPath(graph, 's', 't')?.nodes).toEqual(['s', 'a', 't']);
    expect(edgesOf(allShortestPaths(graph, 's', 't').paths)).toEqual([
      ['e9', 'e5'],
      ['e1', 'e2'],
    ]);
  });

  it('ignores self-loops, which can never be on a simple path', () => {
    const graph = ecosystemGraph();
    graph.addDirectedEdgeWithKey('loop', 'deepseek', 'deepseek', { ...graph.getEdgeAttributes('r1'), id: 'loop' });
    expect(edgesOf(kShortestPaths(graph, 'high-flyer', 'deepseek'))).toEqual([['r1'], ['r6', 'r7']]);
  });

  it('prefers a path of facts over one through an opinion of the same length', () => {
    // Through `a` comes first by ids, but its first hop is only an opinion.
    const graph = tinyGraph(['s', 'a', 'b', 't']);
    relate(graph, 'e1', 's', 'a', 'opinion');
    relate(graph, 'e2', 'a', 't');
    relate(graph, 'e3', 's', 'b');
    relate(graph, 'e4', 'b', 't');
    expect(shortestPath(graph, 's', 't')?.nodes).toEqual(['s', 'b', 't']);
    expect(nodesOf(allShortestPaths(graph, 's', 't').paths)).toEqual([
      ['s', 'b', 't'],
      ['s', 'a', 't'],
    ]);
    expect(nodesOf(kShortestPaths(graph, 's', 't', { k: 1 }))).toEqual([['s', 'b', 't']]);
  });

  it('counts a prediction like an opinion, and weighs facts before direction', () => {
    const graph = tinyGraph(['s', 'a', 'b', 'c', 't']);
    relate(graph, 'e1', 's', 'a', 'prediction');
    relate(graph, 'e2', 'a', 't');
    // All facts, but both hops walked against the relations: still better than one prediction.
    relate(graph, 'e3', 'b', 's');
    relate(graph, 'e4', 't', 'b');
    relate(graph, 'e5', 's', 'c', 'opinion');
    relate(graph, 'e6', 'c', 't', 'opinion');
    expect(nodesOf(allShortestPaths(graph, 's', 't').paths)).toEqual([
      ['s', 'b', 't'],
      ['s', 'a', 't'],
      ['s', 'c', 't'],
    ]);
  });

  it('prefers following relations over walking against them at equal length', () => {
    // Through `a` comes first by ids, but it reaches `t` against the relation `t → a`.
    const graph = tinyGraph(['s', 'a', 'b', 't']);
    relate(graph, 'e1', 's', 'a');
    relate(graph, 'e2', 't', 'a');
    relate(graph, 'e3', 's', 'b');
    relate(graph, 'e4', 'b', 't');
    expect(shortestPath(graph, 's', 't')?.nodes).toEqual(['s', 'b', 't']);
    expect(nodesOf(findPaths(graph, 's', 't', { mode: 'all' }).paths)).toEqual([
      ['s', 'b', 't'],
      ['s', 'a', 't'],
    ]);
    expect(nodesOf(findPaths(graph, 's', 't', { mode: 'k', k: 2 }).paths)).toEqual([
      ['s', 'b', 't'],
      ['s', 'a', 't'],
    ]);
  });

  it('never counts an undirected relation as walked against, whichever way it is stored', () => {
    const graph = tinyGraph(['s', 'a', 'b', 't']);
    relate(graph, 'e1', 'a', 's', 'fact', true);
    relate(graph, 'e2', 'a', 't');
    relate(graph, 'e3', 's', 'b');
    relate(graph, 'e4', 'b', 't');
    expect(shortestPath(graph, 's', 't')?.nodes).toEqual(['s', 'a', 't']);
  });

  it('takes the fact among parallel relations, and lists the other combinations after it', () => {
    const graph = tinyGraph(['s', 'm', 't']);
    relate(graph, 'e1', 's', 'm', 'opinion');
    relate(graph, 'e2', 's', 'm');
    relate(graph, 'e3', 'm', 't');
    relate(graph, 'e4', 't', 'm');
    expect(edgesOf(findPaths(graph, 's', 't').paths)).toEqual([['e2', 'e3']]);
    expect(edgesOf(allShortestPaths(graph, 's', 't').paths)).toEqual([
      ['e2', 'e3'],
      ['e2', 'e4'],
      ['e1', 'e3'],
      ['e1', 'e4'],
    ]);
  });

  it('keeps the best paths when listing stops at maxPaths', () => {
    const graph = tinyGraph(['s', 'a', 'b', 'c', 't']);
    relate(graph, 'e1', 's', 'a', 'opinion');
    relate(graph, 'e2', 'a', 't');
    relate(graph, 'e3', 't', 'b');
    relate(graph, 'e4', 's', 'b');
    relate(graph, 'e5', 's', 'c');
    relate(graph, 'e6', 'c', 't');
    const result = findPaths(graph, 's', 't', { mode: 'all', maxPaths: 2 });
    expect(nodesOf(result.paths)).toEqual([
      ['s', 'c', 't'],
      ['s', 'b', 't'],
    ]);
    expect(result.truncated).toBe(true);
  });

  it('offers common neighbours as a standalone query under the same constraints', () => {
    expect(commonNeighbours(ecosystemGraph(), 'high-flyer', 'deepseek', { direction: 'forward' })).toEqual([]);
    expect(commonNeighbours(ecosystemGraph(), 'high-flyer', 'deepseek', { direction: 'any' })).toEqual(['liang-wenfeng']);
  });
});

describe('on the bundled DeepSeek graph', () => {
  const data = fileURLToPath(new URL('../../../../graph-data', import.meta.url));
  const graph = buildGraph(compile(readDataFolder(data)).compiled!);

  it('links High-Flyer to JD Cloud by facts that mostly follow their relations', () => {
    const { paths } = findPaths(graph, 'high-flyer', 'jd-cloud');
    expect(nodesOf(paths)).toEqual([['high-flyer', 'deepseek', 'deepseek-r1', 'jd-cloud']]);
    expect(pathSentence(graph, paths[0]!)).toBe('High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud');
  });

  it('ranks that path first among the k best, ahead of the paths through an opinion', () => {
    const paths = findPaths(graph, 'high-flyer', 'jd-cloud', { mode: 'k', k: 3 }).paths;
    expect(pathSentence(graph, paths[0]!)).toBe('High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud');
    expect(paths.flatMap((p) => p.edges.map((e) => e.modality))).not.toContain('opinion');
  });
});
