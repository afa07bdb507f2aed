// Pins the CSV writer: RFC 4180 quoting, CRLF, fixed columns, and a deterministic zip.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CSV_EDGE_COLUMNS, CSV_NODE_COLUMNS, csvField, exportCsv, exportCsvZip } from './export-csv.ts';
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
});

describe('exportCsv', () => {
  it('writes the fixed node and edge columns with CRLF line ends', () => {
    const { nodes, edges } = exportCsv(SAMPLE);
    expect(nodes.split('\r\n')[0]).toBe(CSV_NODE_COLUMNS.join(','));
    expect(nodes.split('\r\n')[1]).toBe('a,org,"A & ""B""",甲,AA,d');
    expect(edges.split('\r\n')[0]).toBe(CSV_EDGE_COLUMNS.join(','));
    expect(edges.split('\r\n')[1]).toBe('r1,a,b,funds,fact,2024,s1,q');
    expect(edges.endsWith('\r\n')).toBe(true);
  });
});

describe('exportCsvZip', () => {
  it('zips nodes.csv and edges.csv with a UTF-8 BOM each, the same bytes every time', () => {
    const zip = exportCsvZip(SAMPLE);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect([...files['nodes.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(strFromU8(files['nodes.csv']!.subarray(3))).toBe(exportCsv(SAMPLE).nodes);
    expect(exportCsvZip(SAMPLE)).toEqual(zip);
  });
});
