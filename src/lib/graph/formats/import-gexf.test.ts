// Pins the GEXF reader: versions and namespaces, declared and default attributes, viz data, edge direction.
import { describe, expect, it } from 'vitest';
import { importGraph } from './import-graph.ts';

describe('GEXF import', () => {
  it('reads GEXF 1.2 with declared typed attributes, defaults, viz colour/position/size and edge kinds', () => {
    const text = `<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <meta><title>Labs</title></meta>
  <graph defaultedgetype="undirected">
    <attributes class="node">
      <attribute id="0" title="category" type="string"/>
      <attribute id="1" title="staff" type="integer"><default>0</default></attribute>
      <attribute id="2" title="public" type="boolean"/>
    </attributes>
    <attributes class="edge"><attribute id="w" title="since" type="string"/></attributes>
    <nodes>
      <node id="ds" label="DeepSeek">
        <attvalues><attvalue for="0" value="lab"/><attvalue for="1" value="160"/><attvalue for="2" value="false"/></attvalues>
        <viz:color r="10" g="20" b="30"/><viz:position x="1" y="2" z="0"/><viz:size value="5"/>
      </node>
      <node id="hf" label="High-Flyer"><attvalues><attvalue for="0" value="fund"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="e" source="hf" target="ds" type="directed" kind="funds" weight="3" label="owner">
        <attvalues><attvalue for="w" value="2023"/></attvalues>
      </edge>
    </edges>
  </graph>
</gexf>`;
    const { graph, notices } = importGraph(text, { fileName: 'labs.gexf' });
    expect(graph.title).toBe('Labs');
    expect(graph.entities[0]).toEqual({
      id: 'ds',
      type: 'lab',
      name: { en: 'DeepSeek', zh: '' },
      aliases: [],
      description: { en: '', zh: '' },
      attributes: { staff: 160, public: false, size: 5 },
    });
    expect(graph.entities[1]?.attributes).toEqual({ staff: 0 });
    expect(graph.entityTypes[0]?.color).toBe('#0a141e');
    expect(graph.positions).toEqual({ ds: { x: 1, y: 2 } });
    expect(graph.relations[0]).toMatchObject({ id: 'e', type: 'funds', attributes: { weight: 3, since: '2023', label: 'owner' } });
    expect(graph.relationTypes[0]?.symmetric).toBe(false);
    expect(notices.find((n) => n.code === 'IMPORT_TYPE_ATTRIBUTE')?.field).toBe('category');
  });

  it('reads GEXF 1.0 attvalues that refer to attributes with id= instead of for=', () => {
    const text = `<gexf xmlns="http://www.gephi.org/gexf"><graph type="static">
      <attributes class="node" type="static"><attribute id="0" title="occurrences" type="integer"/></attributes>
      <nodes><node id="0" label="x"><attvalues><attvalue id="0" value="7"/></attvalues></node></nodes>
      <edges/></graph></gexf>`;
    expect(importGraph(text, { fileName: 'old.gexf' }).graph.entities[0]?.attributes).toEqual({ occurrences: 7 });
  });

  it('treats edges as undirected when the graph declares no default, as Gephi and networkx do', () => {
    const text = '<gexf><graph><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>';
    expect(importGraph(text, { fileName: 'g.gexf' }).graph.relationTypes[0]).toMatchObject({ id: 'link', symmetric: true });
  });

  it('turns an edge without a target into an empty endpoint for the missing-endpoint policy', () => {
    const text = '<gexf><graph><nodes><node id="a"/></nodes><edges><edge id="x" source="a"/></edges></graph></gexf>';
    expect(importGraph(text, { fileName: 'g.gexf', onMissingEndpoint: 'skip' }).graph.relations).toEqual([]);
  });

  it('refuses a file whose root is not <gexf>, or that has no <graph>', () => {
    expect(() => importGraph('<svg/>', { fileName: 'x.gexf', format: 'gexf' })).toThrow(/IMPORT_GEXF_SHAPE.*<svg>/);
    expect(() => importGraph('<gexf/>', { fileName: 'x.gexf' })).toThrow(/IMPORT_GEXF_SHAPE/);
  });
});
