// Hostile graph content from ../shared/bad-inputs.md (cases 11, 17–20, 25, 26, 29): ids, endpoints, duplicates, markup, styles, exports.
import { describe, expect, it } from 'vitest';
import { exportGexf } from './export-gexf.ts';
import { exportGraphml } from './export-graphml.ts';
import { exportKgJson } from './export-kg-json.ts';
import { importGraph } from './import-graph.ts';
import { problemsOf, GEXF } from './test-support/problems-of.ts';

describe('case 11: magic ids and keys', () => {
  it('carries __proto__, constructor and toString as plain ids and attribute keys without polluting prototypes', () => {
    const text = JSON.stringify({
      nodes: [
        { key: '__proto__', attributes: { label: 'proto', constructor: 'c', ['__proto__']: 'p' } },
        { key: 'constructor', attributes: { toString: 1 } },
        { key: 'toString' },
      ],
      edges: [{ key: '__proto__', source: '__proto__', target: 'constructor' }],
    }).replace('"p"', '{"polluted": true}');
    const { graph, notices } = importGraph(text, { fileName: 'magic.json' });
    expect(graph.entities.map((e) => e.id)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(graph.entities[0]!.attributes, 'constructor')?.value).toBe('c');
    // The edge id equals a node id, so it is renamed (ids are one namespace); its endpoints stay as given.
    expect(graph.relations[0]).toMatchObject({ id: 'edge-__proto__', source: '__proto__', target: 'constructor' });
    expect(notices.some((n) => n.code === 'IMPORT_UNSUPPORTED_FEATURE')).toBe(true);
    expect('polluted' in {}).toBe(false);
  });

  it('keeps a __proto__ position key as data in kg JSON', () => {
    const graph = importGraph(
      '{"format":"kg-compiled","version":1,"title":"t","entityTypes":[{"id":"t","label":{"en":"t","zh":""},"color":"#000000","shape":"ellipse"}],"relationTypes":[],"sources":[],"entities":[{"id":"__proto__","type":"t","name":{"en":"x","zh":""},"aliases":[],"description":{"en":"","zh":""}}],"relations":[],"positions":{"__proto__":{"x":1,"y":2}}}',
      { fileName: 'k.json' },
    ).graph;
    expect(Object.getOwnPropertyDescriptor(graph.positions, '__proto__')?.value).toEqual({ x: 1, y: 2 });
    expect('x' in {}).toBe(false);
  });
});

describe('case 17: edges to missing nodes or with an empty target', () => {
  const text = 'source,target\na,b\na,ghost\nb,\n';
  const nodes = 'id\na\nb\n';

  it('lists each such edge by id, field and line by default', () => {
    const problems = problemsOf(text, { fileName: 'e.csv', csvNodes: nodes });
    expect(problems.filter((p) => p.code === 'IMPORT_MISSING_ENDPOINT').map((p) => [p.record, p.field, p.line])).toEqual([
      ['e1', 'target', 3],
      ['e2', 'target', 4],
    ]);
  });

  it('skips them on request and counts what was skipped', () => {
    const { graph, notices } = importGraph(text, { fileName: 'e.csv', csvNodes: nodes, onMissingEndpoint: 'skip' });
    expect(graph.relations.map((r) => r.id)).toEqual(['e0']);
    expect(notices.find((n) => n.code === 'IMPORT_SKIPPED_EDGES')?.message).toMatch(/^2 edges/);
  });

  it('adds placeholder nodes on request (an empty target still cannot be kept)', () => {
    const { graph, notices } = importGraph(text, { fileName: 'e.csv', csvNodes: nodes, onMissingEndpoint: 'placeholder' });
    expect(graph.entities.map((e) => [e.id, e.type])).toEqual([
      ['a', 'node'],
      ['b', 'node'],
      ['ghost', 'placeholder'],
    ]);
    expect(notices.map((n) => n.code)).toEqual(expect.arrayContaining(['IMPORT_PLACEHOLDER_NODES', 'IMPORT_SKIPPED_EDGES']));
  });
});

describe('case 18: undeclared GEXF attributes', () => {
  it('keeps the value as text under its id and says so', () => {
    const text = GEXF('<nodes><node id="a"><attvalues><attvalue for="mood" value="calm"/></attvalues></node></nodes>');
    const { graph, notices } = importGraph(text, { fileName: 'u.gexf' });
    expect(graph.entities[0]?.attributes).toEqual({ mood: 'calm' });
    expect(notices.find((n) => n.code === 'IMPORT_UNDECLARED_ATTRIBUTE')?.message).toContain('"mood"');
  });
});

describe('case 19: duplicate node ids and parallel edges', () => {
  it('reports duplicate node ids with the count, the ids and the second one’s line', () => {
    const text = GEXF('<nodes>\n<node id="a"/>\n<node id="a"/>\n<node id="b"/>\n<node id="b"/>\n</nodes>');
    const [problem] = problemsOf(text, { fileName: 'd.gexf' });
    expect(problem).toMatchObject({ code: 'IMPORT_DUPLICATE_NODE', record: 'a', line: 6 });
    expect(problem?.message).toBe('2 duplicate node ids: "a", "b"');
  });

  it('keeps parallel edges of a simple graphology graph and reports them with count and ids', () => {
    const text = JSON.stringify({
      options: { type: 'directed', multi: false },
      nodes: [{ key: 'a' }, { key: 'b' }],
      edges: [
        { key: 'x', source: 'a', target: 'b' },
        { key: 'y', source: 'a', target: 'b' },
      ],
    });
    const { graph, notices } = importGraph(text, { fileName: 'p.json' });
    expect(graph.relations).toHaveLength(2);
    expect(notices.find((n) => n.code === 'IMPORT_PARALLEL_EDGES')?.message).toBe(
      '1 parallel edge (same endpoints as an earlier edge), kept: "y"',
    );
  });
});

describe('case 20: unsupported features', () => {
  it('imports GraphML with hyperedges, nested graphs and ports, counting what was ignored', () => {
    const text = `<graphml><graph edgedefault="undirected">
      <node id="a"><port name="p1"/><port name="p2"/><graph id="inner"><node id="a1"/></graph></node>
      <node id="b"/>
      <edge source="a" target="b" sourceport="p1"/>
      <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
    </graph></graphml>`;
    const { graph, notices } = importGraph(text, { fileName: 'h.graphml' });
    expect(graph.entities.map((e) => e.id)).toEqual(['a', 'b']);
    const ignored = notices.filter((n) => n.code === 'IMPORT_UNSUPPORTED_FEATURE').map((n) => n.message);
    expect(ignored).toEqual(
      expect.arrayContaining([
        'GraphML: 1 nested graphs (inside nodes) ignored',
        'GraphML: 2 ports ignored',
        'GraphML: 1 hyperedges ignored',
      ]),
    );
  });

  it('imports dynamic GEXF, ignoring its time intervals with counts', () => {
    const text = GEXF(
      '<nodes><node id="a" start="2001"><spells><spell start="1" end="2"/><spell start="3"/></spells></node></nodes>',
      '<graph mode="dynamic" timeformat="date">',
    );
    const { graph, notices } = importGraph(text, { fileName: 'dyn.gexf' });
    expect(graph.entities).toHaveLength(1);
    expect(notices.map((n) => n.message)).toEqual(expect.arrayContaining(['GEXF: 2 time intervals (spells) ignored']));
  });
});

describe('case 25: HTML and script in names', () => {
  it('keeps markup as literal text and exports it escaped', () => {
    const label = '<img src=x onerror=alert(1)>"><svg onload=alert(2)>';
    const text = GEXF(
      `<nodes><node id="a" label="${label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}"/></nodes>`,
    );
    const { graph } = importGraph(text, { fileName: 'x.gexf' });
    expect(graph.entities[0]?.name.en).toBe(label);
    const gexf = exportGexf(graph);
    expect(gexf).not.toContain('<img');
    expect(gexf).not.toContain('<svg');
    expect(importGraph(gexf, { fileName: 'again.gexf' }).graph.entities[0]?.name.en).toBe(label);
  });
});

describe('case 26: hostile style values and huge labels', () => {
  it('caps a 1 MB label and replaces an invalid or huge colour with the type colour', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const text = JSON.stringify({
      nodes: [
        { key: 'a', attributes: { label: huge, color: `#${'f'.repeat(100_000)}` } },
        { key: 'b', attributes: { color: 'url(javascript:alert(1))' } },
        { key: 'c', attributes: { color: 'rgb(1, 2, 3)' } },
      ],
    });
    const { graph, notices } = importGraph(text, { fileName: 'style.json' });
    expect(graph.entities[0]?.name.en.length).toBe(1001);
    expect(graph.entities[0]?.attributes?.color).toBeUndefined();
    expect(graph.entities[1]?.attributes?.color).toBeUndefined();
    expect(graph.entities[2]?.attributes?.color).toBe('#010203');
    expect(notices.map((n) => n.code)).toEqual(expect.arrayContaining(['IMPORT_VALUE_TRUNCATED', 'IMPORT_INVALID_COLOR']));
  });
});

describe('case 29: export edge cases', () => {
  it('exports & < > " \' emoji, Chinese and bidi characters that re-import unchanged in every format', () => {
    const name = `A&B <c> "d" 'e' 😀 中文 \u202Eevil\u202C`;
    const graph = importGraph(`id,label\nx,"${name.replace(/"/g, '""')}"\n`, { fileName: 'n.csv' }).graph;
    for (const text of [exportGexf(graph), exportGraphml(graph)]) {
      expect(importGraph(text, { fileName: 'x.xml', format: text.includes('<gexf') ? 'gexf' : 'graphml' }).graph.entities[0]?.name.en).toBe(
        name,
      );
    }
    expect(importGraph(exportKgJson(graph), { fileName: 'x.json' }).graph).toEqual(graph);
  });

  it('removes characters XML cannot carry instead of writing a broken file', () => {
    const graph = importGraph('id,label\nx,"bell\u0007 nul-less\uFFFF"\n', { fileName: 'n.csv' }).graph;
    const gexf = exportGexf(graph);
    expect(importGraph(gexf, { fileName: 'x.gexf' }).graph.entities[0]?.name.en).toBe('bell nul-less');
  });
});
