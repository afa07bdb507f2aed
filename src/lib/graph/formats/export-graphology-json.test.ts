// Pins the graphology JSON writer: graphology itself must be able to load what we write.
import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { exportGraphologyJson } from './export-graphology-json.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('exportGraphologyJson', () => {
  it('is loadable by graphology as a mixed multigraph with the same nodes and edges', () => {
    const graph = MultiGraph.from(JSON.parse(exportGraphologyJson(SAMPLE)));
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(2);
    expect(graph.isUndirected('r2')).toBe(true);
    expect(graph.isDirected('r1')).toBe(true);
  });

  it('puts the label in the chosen language, a position and a colour on each node, as sigma.js expects', () => {
    const doc = JSON.parse(exportGraphologyJson(SAMPLE, { lang: 'zh' }));
    expect(doc.nodes[0]).toMatchObject({
      key: 'a',
      attributes: { label: '甲', x: 1, y: 2, color: '#112233', aliases: ['AA'], name_en: 'A & "B"' },
    });
    expect(doc.edges[0].attributes).toMatchObject({
      type: 'funds',
      modality: 'fact',
      basis: 'stated',
      negated: false,
      evidence: '“q” — Report https://example.org',
    });
  });
});
