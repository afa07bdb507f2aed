// Pins the GraphML reader: keys with types and defaults, direction per graph and per edge, undeclared data.
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';

describe('GraphML import', () => {
  it('reads typed keys, defaults, for="all" keys, graph names and per-edge direction', () => {
    const text = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="rank" attr.type="double"><default>1.5</default></key>
  <key id="d2" for="edge" attr.name="relation" attr.type="string"/>
  <key id="d3" for="all" attr.name="note" attr.type="string"/>
  <key id="g" for="graph" attr.name="name" attr.type="string"/>
  <graph id="G" edgedefault="directed">
    <data key="g">Open-source AI</data>
    <node id="a"><data key="d0">Alpha</data><data key="d1">3</data></node>
    <node id="b"><data key="d0">Beta</data><data key="d3">n</data></node>
    <edge source="a" target="b"><data key="d2">competes</data></edge>
    <edge source="a" target="b" directed="false"><data key="d2">competes</data></edge>
  </graph>
</graphml>`;
    const { graph } = importGraph(text, { fileName: 'ai.graphml' });
    expect(graph.title).toBe('Open-source AI');
    expect(graph.entities.map((e) => [e.name.en, e.attributes])).toEqual([
      ['Alpha', { rank: 3 }],
      ['Beta', { rank: 1.5, note: 'n' }],
    ]);
    expect(graph.relations.map((r) => [r.id, r.type])).toEqual([
      ['e0', 'competes'],
      ['e1', 'competes-undirected'],
    ]);
  });

  it('keeps data under an undeclared key as text and reports it', () => {
    const text = '<graphml><graph edgedefault="undirected"><node id="a"><data key="mystery">42</data></node></graph></graphml>';
    const { graph, notices } = importGraph(text, { fileName: 'u.graphml' });
    expect(graph.entities[0]?.attributes).toEqual({ mystery: '42' });
    expect(notices.map((n) => n.code)).toContain('IMPORT_UNDECLARED_ATTRIBUTE');
  });

  it('skips yEd-style structured data with a notice', () => {
    const text =
      '<graphml><key id="g" for="node" yfiles.type="nodegraphics"/><graph><node id="a"><data key="g"><y:ShapeNode xmlns:y="y"/></data></node></graph></graphml>';
    const { graph, notices } = importGraph(text, { fileName: 'yed.graphml' });
    expect(graph.entities[0]?.attributes).toBeUndefined();
    expect(notices.map((n) => n.message)).toContain('GraphML: 1 structured <data> values (e.g. yEd graphics) ignored');
  });

  it('refuses a GraphML file without a <graph>, and a node without an id', () => {
    expect(() => importGraph('<graphml/>', { fileName: 'x.graphml' })).toThrow(/IMPORT_GRAPHML_SHAPE/);
    expect(() => importGraph('<graphml><graph><node/></graph></graphml>', { fileName: 'x.graphml' })).toThrow(/IMPORT_GRAPHML_SHAPE/);
  });
});
