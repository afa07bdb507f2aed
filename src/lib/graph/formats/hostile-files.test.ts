// Hostile and broken files from ../shared/bad-inputs.md (cases 2, 15, 16, 21–24): syntax, encoding and size, by code and location.
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.ts';
import { importGraph } from './import-graph.ts';
import { problemsOf, GEXF } from './test-support/problems-of.ts';

describe('case 2: duplicate keys in JSON', () => {
  it('reports the second key with its line and column instead of keeping the last value', () => {
    const text = '{\n  "nodes": [\n    { "key": "a", "key": "b" }\n  ],\n  "edges": []\n}';
    const [problem] = problemsOf(text, { fileName: 'g.json' });
    expect(problem).toMatchObject({ code: 'IMPORT_JSON_DUPLICATE_KEY', line: 3, column: 19, field: 'key', file: 'g.json' });
  });
});

describe('case 15: malformed XML', () => {
  it('reports an unclosed tag as not well-formed XML at its line and column', () => {
    const text = GEXF('<nodes>\n<node id="a">\n</nodes>');
    const [problem] = problemsOf(text, { fileName: 'bad.gexf' });
    expect(problem?.code).toBe('IMPORT_XML_MALFORMED');
    expect(problem?.message).toMatch(/^not well-formed XML at line \d+, column \d+/);
    expect(problem).toMatchObject({ line: 5, file: 'bad.gexf' });
  });

  it('reports a truncated file at its end, with a hint', () => {
    const text = GEXF('<nodes><node id="a"/></nodes>').slice(0, -30);
    const [problem] = problemsOf(text, { fileName: 'cut.gexf' });
    expect(problem).toMatchObject({ code: 'IMPORT_XML_MALFORMED', line: 4, hint: 'the file looks truncated' });
  });
});

describe('case 16: DOCTYPE and entity declarations', () => {
  it('rejects a DOCTYPE with an external entity before parsing, at its position', () => {
    const text =
      '<?xml version="1.0"?>\n<!DOCTYPE gexf [ <!ENTITY xxe SYSTEM "http://127.0.0.1/secret"> ]>\n<gexf><graph><nodes><node id="&xxe;"/></nodes></graph></gexf>';
    const [problem] = problemsOf(text, { fileName: 'xxe.gexf' });
    expect(problem).toMatchObject({ code: 'IMPORT_XML_DOCTYPE', line: 2, column: 1 });
  });

  it('rejects a bare ENTITY declaration in GraphML too', () => {
    const [problem] = problemsOf('<graphml>\n<!ENTITY a "b"></graphml>', { fileName: 'g.graphml' });
    expect(problem).toMatchObject({ code: 'IMPORT_XML_DOCTYPE', line: 2, column: 1 });
  });
});

describe('case 21: JSON of the wrong shape or truncated', () => {
  it('rejects a top-level list by path', () => {
    expect(problemsOf('[]', { fileName: 'a.json' })[0]).toMatchObject({ code: 'IMPORT_JSON_SHAPE' });
  });

  it('rejects nodes given as an object, naming the field', () => {
    const [problem] = problemsOf('{"nodes": {"a": {}}, "edges": []}', { fileName: 'a.json' });
    expect(problem).toMatchObject({ code: 'IMPORT_JSON_SHAPE', field: 'nodes', message: 'nodes: expected a list, found an object' });
  });

  it('names the path of a wrong field deep inside kg JSON', () => {
    const bad =
      '{"format":"kg-compiled","version":1,"title":"t","entityTypes":[{"id":"t","label":{"en":"t","zh":""},"color":"#000000","shape":"ellipse"}],"relationTypes":[],"sources":[],"entities":[{"id":"e","type":"t","name":{"en":5,"zh":""},"aliases":[],"description":{"en":"","zh":""}}],"relations":[]}';
    expect(problemsOf(bad, { fileName: 'k.json' })[0]).toMatchObject({
      code: 'IMPORT_JSON_SHAPE',
      field: 'entities[0].name.en',
      record: 'e',
    });
  });

  it('reports truncated JSON at the end of the file', () => {
    expect(problemsOf('{\n  "nodes": [\n    {"key": "a"', { fileName: 'a.json' })[0]).toMatchObject({
      code: 'IMPORT_JSON_SYNTAX',
      line: 3,
      column: 16,
      hint: 'the file looks truncated',
    });
  });
});

describe('case 22: CSV trouble', () => {
  it('reports ragged rows by line', () => {
    const problems = problemsOf('source,target,type\na,b,x\nc,d\ne,f,g,h\n', { fileName: 'r.csv' });
    expect(problems.map((p) => [p.code, p.line])).toEqual([
      ['IMPORT_CSV_RAGGED_ROW', 3],
      ['IMPORT_CSV_RAGGED_ROW', 4],
    ]);
  });

  it('reports an unclosed quote at the line where it opens', () => {
    expect(problemsOf('source,target\na,b\n"c,d\ne,f\n', { fileName: 'q.csv' })[0]).toMatchObject({
      code: 'IMPORT_CSV_UNCLOSED_QUOTE',
      line: 3,
    });
  });

  it('detects ";", strips a BOM, accepts CRLF and trims ids with a notice', () => {
    const { graph, notices } = importGraph('\uFEFFsource;target;relation\r\n a ;b;knows\r\n"b";c;knows\r\n', { fileName: 's.csv' });
    expect(graph.entities.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(graph.relations.map((r) => [r.source, r.target, r.type])).toEqual([
      ['a', 'b', 'knows'],
      ['b', 'c', 'knows'],
    ]);
    expect(notices.find((n) => n.code === 'IMPORT_CSV_ID_TRIMMED')?.message).toContain('line 2');
  });
});

describe('case 23: empty, binary and UTF-16 files', () => {
  it('says an empty or whitespace-only file is empty', () => {
    expect(problemsOf('', { fileName: 'e.json' })[0]?.code).toBe('IMPORT_EMPTY');
    expect(problemsOf(' \n\t\r\n', { fileName: 'e.csv' })[0]?.code).toBe('IMPORT_EMPTY');
  });

  it('says a PNG renamed .json is not a text graph file, from its bytes or its decoded text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeText(png, 'x.json')).toThrow(/not a text graph file: it looks like a PNG image/);
    const asText = String.fromCharCode(...png);
    expect(problemsOf(asText, { fileName: 'x.json' })[0]).toMatchObject({ code: 'IMPORT_NOT_TEXT', file: 'x.json' });
  });

  it('decodes UTF-16 text (with or without a BOM) instead of failing on it', () => {
    const utf16le = (s: string): Uint8Array => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8]));
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...utf16le('source,target\n')]))).toEqual({
      text: 'source,target\n',
      encoding: 'utf-16le',
    });
    expect(decodeText(utf16le('source,target\n')).encoding).toBe('utf-16le');
  });
});

describe('case 24: oversized and deeply nested input', () => {
  it('refuses 60 MB before parsing, so the UI can ask, and accepts it when the limit is raised', () => {
    const big = `source,target\n${'a,b\n'.repeat(15 * 1024 * 1024)}`;
    expect(problemsOf(big, { fileName: 'big.csv' })[0]).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    expect(problemsOf('source,target\na,b\n', { fileName: 'small.csv', maxBytes: 4 })[0]?.code).toBe('IMPORT_TOO_LARGE');
  });

  it('refuses JSON nested 100,000 deep without overflowing the stack', () => {
    const deep = `{"nodes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(problemsOf(deep, { fileName: 'deep.json' })[0]).toMatchObject({ code: 'IMPORT_JSON_TOO_DEEP', line: 1 });
  });

  it('survives XML nested 100,000 deep', () => {
    const deep = `<gexf><graph><nodes><node id="a"/></nodes>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</graph></gexf>`;
    expect(importGraph(deep, { fileName: 'deep.gexf' }).graph.entities).toHaveLength(1);
  });

  it('imports 200,000 edges', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => `n${i % 5000},n${(i * 7 + 1) % 5000}`);
    const { graph } = importGraph(`source,target\n${rows.join('\n')}`, { fileName: 'many.csv' });
    expect(graph.relations).toHaveLength(200_000);
  });
});
