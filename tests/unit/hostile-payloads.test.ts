// The payload corpus through the engine (bad-inputs cases 11, 14, 25, 26, 29): graph-data with a payload in every text
// field compiles to plain strings, and every exporter and the SVG composer write it back as text, never as markup.
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';
import { compile, type CompileResult } from '../../src/lib/graph/compile.ts';
import type { CompiledGraph, Entity } from '../../src/lib/graph/types.ts';
import { EXPORTERS, importGraph } from '../../src/lib/graph/formats/index.ts';
import { MAX_NAME_LENGTH } from '../../src/lib/graph/formats/attribute-values.ts';
import { parseCsv } from '../../src/lib/graph/formats/csv-parse.ts';
import { CSV_EDGE_COLUMNS } from '../../src/lib/graph/formats/export-csv.ts';
import { joinList } from '../../src/lib/graph/formats/list-text.ts';
import { restoreCell } from '../../src/lib/graph/formats/spreadsheet-safe.ts';
import { ProblemCollector } from '../../src/lib/graph/formats/problems.ts';
import { neutraliseHidden } from '../../src/lib/graph/text-checks.ts';
import { buildDecor, composeSvg } from '../../src/lib/view/export-decor.ts';
import { MAX_LABEL, fileColor, toElements } from '../../src/lib/view/elements.ts';
import {
  HIDDEN_PAYLOADS,
  HOSTILE_COLOURS,
  HOSTILE_URLS,
  HTTP_URLS_WITH_PAYLOADS,
  HUGE_LABEL,
  PAYLOADS,
  PAYLOAD_NAMES,
} from '../fixtures/payloads.ts';
import {
  HOSTILE_IDS,
  HOSTILE_RELATION_LABEL,
  HOSTILE_SOURCE,
  HOSTILE_TITLE,
  HOSTILE_TYPE_LABEL,
  HUGE_ID,
  aliasOf,
  descriptionOf,
  hostileGraphData,
  noteOf,
  quoteOf,
  yamlString,
} from '../fixtures/hostile-graph-data.ts';

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
const result: CompileResult = compile(hostileGraphData());
const compiled: CompiledGraph = result.compiled!;
const entity = (id: string): Entity => compiled.entities.find((e) => e.id === id)!;

/** The graph an importer gives back: names capped at MAX_NAME_LENGTH characters plus an ellipsis. */
const capped = (text: string): string => (text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH)}…` : text);

/** Parses XML with xmldom, collecting every error and warning instead of letting them pass. */
function parseStrict(text: string, mime: 'text/xml' | 'image/svg+xml' = 'text/xml'): Document {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(text, mime);
  expect(errors).toEqual([]);
  return doc as unknown as Document;
}

/** Every element's qualified name and every attribute name in a document. */
function vocabulary(doc: Document): { elements: Set<string>; attributes: Set<string> } {
  const elements = new Set<string>();
  const attributes = new Set<string>();
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    elements.add(el.tagName);
    for (let j = 0; j < el.attributes.length; j++) attributes.add(el.attributes[j]!.name);
  }
  return { elements, attributes };
}

/** Every attribute value and text node of a document: where escaped payloads must reappear as themselves. */
function allText(doc: Document): string {
  const parts: string[] = [];
  const all = doc.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i]!;
    for (let j = 0; j < el.attributes.length; j++) parts.push(el.attributes[j]!.value);
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 3) parts.push(c.nodeValue ?? '');
  }
  return parts.join('\n');
}

const XML_VOCABULARY: Record<string, readonly string[]> = {
  gexf: [
    'gexf',
    'meta',
    'creator',
    'description',
    'graph',
    'attributes',
    'attribute',
    'nodes',
    'node',
    'attvalues',
    'attvalue',
    'viz:color',
    'viz:position',
    'edges',
    'edge',
  ],
  graphml: ['graphml', 'key', 'graph', 'data', 'node', 'edge'],
};

/** Checks one XML export: well-formed, only the format's own elements, no event attributes, every payload as text. */
function checkXmlExport(format: string, text: string): void {
  const doc = parseStrict(text);
  const { elements, attributes } = vocabulary(doc);
  expect([...elements].filter((name) => !XML_VOCABULARY[format]!.includes(name))).toEqual([]);
  expect([...attributes].filter((name) => /^on/i.test(name))).toEqual([]);
  expect(text).not.toMatch(/<script/i);
  const values = allText(doc);
  for (const name of PAYLOAD_NAMES) {
    expect(values).toContain(PAYLOADS[name]);
    expect(values).toContain(quoteOf(name));
  }
}

/** The fields an importer reads back from any format, huge label capped as importers cap it. */
function readBack(graph: CompiledGraph): unknown {
  return graph.entities.map((e) => ({ id: e.id, name: e.name.en, aliases: e.aliases, description: e.description.en }));
}
const expectedBack = compiled.entities.map((e) => ({
  id: e.id,
  name: capped(e.name.en),
  aliases: e.aliases,
  description: e.description.en,
}));

describe('payloads in every text field of graph-data', () => {
  it('compiles with warnings only: one TEXT_HIDDEN_CHAR per hidden character in a name, alias or quote', () => {
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(compiled).toBeDefined();
    const warnings = result.problems.filter((p) => p.severity === 'warning');
    expect(new Set(warnings.map((p) => p.code))).toEqual(new Set(['TEXT_HIDDEN_CHAR']));
    // Each hidden payload is in the English and Chinese name, an alias and a quote.
    expect(warnings).toHaveLength(HIDDEN_PAYLOADS.length * 4);
    for (const w of warnings) {
      expect(w.file).toMatch(/^(entities|relations)\/hostile\.yaml$/);
      expect(w.line).toBeGreaterThanOrEqual(1);
      expect(w.message).toMatch(/U\+(202E|200B)/);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect('polluted' in {}).toBe(false);
  });

  it('carries every payload verbatim as a plain string', () => {
    expect(compiled.title).toBe(HOSTILE_TITLE);
    expect(compiled.entityTypes[0]!.label).toEqual(HOSTILE_TYPE_LABEL);
    expect(compiled.relationTypes[0]!.label).toEqual(HOSTILE_RELATION_LABEL);
    expect(compiled.sources[0]).toMatchObject({
      title: HOSTILE_SOURCE.title,
      publisher: HOSTILE_SOURCE.publisher,
      url: HOSTILE_SOURCE.url,
    });
    PAYLOAD_NAMES.forEach((name, i) => {
      const e = entity(HOSTILE_IDS[name]);
      expect(e.name).toEqual({ en: PAYLOADS[name], zh: PAYLOADS[name] });
      expect(e.aliases).toEqual([aliasOf(name)]);
      expect(e.description).toEqual({ en: descriptionOf(name), zh: PAYLOADS[name] });
      expect(e.url).toBe(HTTP_URLS_WITH_PAYLOADS[i % HTTP_URLS_WITH_PAYLOADS.length]);
      const arriving = compiled.relations.find((r) => r.target === e.id)!;
      expect(arriving.note).toBe(noteOf(name));
      expect(arriving.evidence).toEqual([{ source: HOSTILE_SOURCE.id, quote: quoteOf(name) }]);
    });
    expect(entity(HUGE_ID).name.en).toBe(HUGE_LABEL);
    for (const e of compiled.entities) expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
  });

  it.each(HOSTILE_URLS.map((url) => [url]))('refuses the url %j in an entity and in a source, at its line', (url) => {
    const files = hostileGraphData();
    /** The file with its first url replaced by `url`. */
    const withUrl = (path: string): string => files.find((f) => f.path === path)!.text.replace(/url: .*/, `url: ${yamlString(url)}`);
    const broken = compile(
      hostileGraphData({
        'entities/hostile.yaml': withUrl('entities/hostile.yaml'),
        'sources/hostile-source.yaml': withUrl('sources/hostile-source.yaml'),
      }),
    );
    const urls = broken.problems.filter((p) => p.code === 'FIELD_URL');
    expect(urls.map((p) => [p.file, p.field])).toEqual([
      ['entities/hostile.yaml', 'url'],
      ['sources/hostile-source.yaml', 'url'],
    ]);
    for (const p of urls) expect(p.line).toBeGreaterThanOrEqual(1);
    expect(broken.compiled).toBeUndefined();
  });

  it.each(HOSTILE_COLOURS.map((colour) => [colour.slice(0, 60), colour]))('refuses the schema colour %j, at its line', (_, colour) => {
    const schema = hostileGraphData()
      .find((f) => f.path === 'schema.yaml')!
      .text.replace('color: "#2563eb"', `color: ${yamlString(colour)}`);
    const broken = compile(hostileGraphData({ 'schema.yaml': schema }));
    const errors = broken.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.file, p.line, p.field])).toEqual([['SCHEMA_COLOR', 'schema.yaml', 6, 'entityTypes.thing.color']]);
  });

  it('reports __proto__ and constructor keys in every kind of record and leaves Object.prototype untouched', () => {
    const hostileKeys = '  __proto__: { polluted: 1 }\n  constructor: { prototype: { polluted: 1 } }\n';
    const files = hostileGraphData();
    const text = (path: string): string => files.find((f) => f.path === path)!.text;
    const broken = compile(
      hostileGraphData({
        'schema.yaml': text('schema.yaml') + '__proto__: { polluted: 1 }\n',
        'sources/hostile-source.yaml': text('sources/hostile-source.yaml') + '__proto__: { polluted: 1 }\n',
        'entities/hostile.yaml': text('entities/hostile.yaml').replace('  type: thing\n', `  type: thing\n${hostileKeys}`),
        'relations/hostile.yaml': text('relations/hostile.yaml').replace('  type: links\n', `  type: links\n${hostileKeys}`),
      }),
    );
    const unknown = broken.problems.filter((p) => p.code === 'FIELD_UNKNOWN');
    expect(unknown.map((p) => [p.file, p.field])).toEqual([
      ['entities/hostile.yaml', '__proto__'],
      ['entities/hostile.yaml', 'constructor'],
      ['relations/hostile.yaml', '__proto__'],
      ['relations/hostile.yaml', 'constructor'],
      ['schema.yaml', '__proto__'],
      ['sources/hostile-source.yaml', '__proto__'],
    ]);
    expect(broken.compiled).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
  });
});

describe('every exporter writes the payloads as text', () => {
  const expectExporter = (id: string): string | Uint8Array => {
    const exporter = EXPORTERS.find((e) => e.id === id);
    expect(exporter, `exporter ${id}`).toBeDefined();
    return exporter!.run(compiled);
  };

  it('covers every registered exporter', () => {
    expect(EXPORTERS.map((e) => e.id).sort()).toEqual([
      'csv-edges',
      'csv-nodes',
      'csv-zip',
      'gexf',
      'graphml',
      'graphology-json',
      'kg-json',
    ]);
  });

  it.each(['gexf', 'graphml'])('%s: well-formed XML with only its own elements, no event attributes, payloads as text', (format) => {
    const text = expectExporter(format) as string;
    checkXmlExport(format, text);
    const { graph } = importGraph(text, { fileName: `hostile.${format}` });
    expect(readBack(graph)).toEqual(expectedBack);
  });

  it('kg JSON: re-imports to the same strings, the 1 MB label capped with a notice', () => {
    const { graph, notices } = importGraph(expectExporter('kg-json') as string, { fileName: 'hostile.json' });
    const huge = graph.entities.find((e) => e.id === HUGE_ID)!;
    expect(huge.name.en).toBe(capped(HUGE_LABEL));
    expect(notices.map((n) => n.code)).toContain('IMPORT_VALUE_TRUNCATED');
    const expected = structuredClone(compiled);
    expected.entities.find((e) => e.id === HUGE_ID)!.name.en = capped(HUGE_LABEL);
    expect({ ...graph, entities: graph.entities.map(({ pinyin: _, ...e }) => e) }).toEqual({
      ...expected,
      entities: expected.entities.map(({ pinyin: _, ...e }) => e),
    });
  });

  it('graphology JSON: re-imports to the same strings', () => {
    const text = expectExporter('graphology-json') as string;
    expect(JSON.parse(text)).toBeTypeOf('object');
    expect(readBack(importGraph(text, { fileName: 'hostile.json' }).graph)).toEqual(expectedBack);
  });

  it('CSV tables and zip: quoting intact, every field read back as written', () => {
    const nodes = expectExporter('csv-nodes') as string;
    const edges = expectExporter('csv-edges') as string;
    const zip = unzipSync(expectExporter('csv-zip') as Uint8Array);
    // Compared as booleans: a failing diff of a 1 MB cell helps nobody.
    const unzipped = (name: string): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(zip[name]);
    expect(unzipped('nodes.csv') === `\uFEFF${nodes}`).toBe(true);
    expect(unzipped('edges.csv') === `\uFEFF${edges}`).toBe(true);
    const problems = new ProblemCollector('hostile.csv');
    const nodeTable = parseCsv(nodes, problems);
    const edgeTable = parseCsv(edges, problems);
    expect(problems.notices()).toEqual([]);
    // Cells as written, less the spreadsheet-formula prefix (an apostrophe before = + - @ TAB CR or ').
    expect(nodeTable.rows.map((r) => r.fields.slice(0, 6).map(restoreCell))).toEqual(
      compiled.entities.map((e) => [e.id, e.type, e.name.en, e.name.zh, joinList(e.aliases), e.description.en]),
    );
    const quotes = CSV_EDGE_COLUMNS.indexOf('evidence_quotes');
    expect(edgeTable.rows.map((r) => restoreCell(r.fields[quotes]!))).toEqual(
      compiled.relations.map((r) => joinList([r.evidence[0]!.quote])),
    );
    const { graph } = importGraph(edges, { fileName: 'edges.csv', csvNodes: nodes });
    expect(readBack(graph)).toEqual(expectedBack);
  });
});

describe('the SVG composer with payload title, legend labels and sources', () => {
  it('writes them as escaped text in well-formed SVG with only its own elements', () => {
    const decor = buildDecor(compiled, { legend: true, sources: true, lang: 'en', title: HOSTILE_TITLE }, 640);
    const graphSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="10" height="10"/></svg>';
    const svg = composeSvg(graphSvg, 100, 50, decor, '#ffffff', 'en');
    const doc = parseStrict(svg, 'image/svg+xml');
    const { elements, attributes } = vocabulary(doc);
    expect([...elements].sort()).toEqual(['line', 'path', 'rect', 'svg', 'text'].filter((e) => elements.has(e)));
    expect([...attributes].filter((name) => /^on/i.test(name) || /href/i.test(name))).toEqual([]);
    const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '');
    expect(texts).toContain(HOSTILE_TITLE);
    expect(texts).toContain(HOSTILE_TYPE_LABEL.en);
    expect(texts.join(' ')).toContain(HOSTILE_SOURCE.title);
    expect(texts.join(' ')).toContain(HOSTILE_SOURCE.publisher);
  });
});

describe('what the view makes of payloads', () => {
  it('truncates the 1 MB label on the canvas and never uses a hostile colour', () => {
    const elements = toElements(compiled, 'en');
    const huge = elements.find((e) => e.data.id === HUGE_ID)!;
    expect([...(huge.data['label'] as string)].length).toBeLessThanOrEqual(MAX_LABEL);
    for (const colour of HOSTILE_COLOURS) {
      expect(fileColor({ ...entity(HUGE_ID), attributes: { color: colour } })).toBeUndefined();
    }
  });

  it('shows bidi and zero-width characters as visible code points, in panels and on the canvas', () => {
    const labels = new Map(toElements(compiled, 'en').map((e) => [e.data.id, e.data['label'] as string]));
    expect(labels.get(HOSTILE_IDS.bidi)).toBe('evil<U+202E>gpj.exe');
    expect(labels.get(HOSTILE_IDS.zeroWidth)).toBe('Deep<U+200B>Seek');
    expect(neutraliseHidden(PAYLOADS.bidi)).toBe('evil<U+202E>gpj.exe');
    expect(neutraliseHidden(PAYLOADS.zeroWidth)).toBe('Deep<U+200B>Seek');
    expect(neutraliseHidden(PAYLOADS.imgOnerror)).toBe(PAYLOADS.imgOnerror);
  });
});

describe('1 MB ids and references', () => {
  const huge = (c: string): string => c.repeat(1024 * 1024);

  it('compiles a 1 MB dangling reference beside a 1 MB entity id to a located problem, without comparing them', () => {
    const files = hostileGraphData();
    const text = (path: string): string => files.find((f) => f.path === path)!.text;
    const result = compile(
      hostileGraphData({
        'entities/hostile.yaml': text('entities/hostile.yaml').replace(`- id: ${HUGE_ID}`, `- id: ${huge('a')}`),
        'relations/hostile.yaml': text('relations/hostile.yaml').replace(`- source: ${HUGE_ID}`, `- source: ${huge('b')}`),
      }),
    );
    const dangling = result.problems.find((p) => p.code === 'REL_DANGLING');
    expect(dangling).toMatchObject({ file: 'relations/hostile.yaml', line: 1, field: 'source' });
    expect(dangling?.hint).toBeUndefined();
  });

  it('imports a CSV whose missing endpoint and node ids are 1 MB each, listing the edge without a suggestion', () => {
    const problems = (() => {
      try {
        importGraph(`source,target\nx,${huge('a')}\n`, { fileName: 'e.csv', csvNodes: `id\nx\n${huge('b')}\n` });
      } catch (error) {
        return (error as { problems?: Array<{ code: string; hint?: string }> }).problems ?? [];
      }
      return [];
    })();
    const missing = problems.filter((p) => p.code === 'IMPORT_MISSING_ENDPOINT');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.hint).not.toMatch(/did you mean/);
  });
});
