// Pins what happens to hostile edge weights: dropped or capped at import with a notice, and lenses that stay finite.
import { describe, expect, it } from 'vitest';
import { importGraph } from './formats/import-graph.ts';
import { buildGraph } from './model.ts';
import { pagerank } from './lenses/pagerank.ts';
import { weightedDegree } from './lenses/weighted-degree.ts';
import { MAX_WEIGHT } from './weights.ts';

const gexf = (weights: string[]): string =>
  `<gexf><graph defaultedgetype="undirected"><nodes><node id="a"/><node id="b"/><node id="c"/></nodes><edges>${weights
    .map((w, i) => `<edge id="e${i}" source="${['a', 'b', 'c'][i % 3]}" target="${['b', 'c', 'a'][i % 3]}" weight="${w}"/>`)
    .join('')}</edges></graph></gexf>`;

describe('edge weights from imported graphs', () => {
  it('drops negative and non-finite weights and caps huge ones, with one IMPORT_BAD_WEIGHT notice', () => {
    const json = JSON.stringify({
      nodes: [{ key: 'a' }, { key: 'b' }, { key: 'c' }],
      edges: [
        { key: 'e0', source: 'a', target: 'b', attributes: { weight: 1e308 } },
        { key: 'e1', source: 'b', target: 'c', attributes: { weight: -5 } },
        { key: 'e2', source: 'c', target: 'a', attributes: { weight: 2 } },
      ],
    });
    const { graph, notices } = importGraph(json, { fileName: 'g.json' });
    expect(graph.relations.map((r) => r.attributes?.weight)).toEqual([MAX_WEIGHT, undefined, 2]);
    expect(notices.filter((n) => n.code === 'IMPORT_BAD_WEIGHT')).toHaveLength(1);
    expect(notices.find((n) => n.code === 'IMPORT_BAD_WEIGHT')?.message).toMatch(/2 edge weights/);
  });

  it('keeps weighted degree finite and PageRank summing to 1 on the issue’s weights', () => {
    const { graph } = importGraph(gexf(['1e308', '1e308', '-5', '1e308']), { fileName: 'g.gexf' });
    const model = buildGraph(graph);
    const degrees = [...weightedDegree(model).values()];
    expect(degrees.every(Number.isFinite)).toBe(true);
    const ranks = [...pagerank(model).values()];
    expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
