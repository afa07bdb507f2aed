// Pins the GEXF writer: declared attributes, labels by language, viz data, direction, escaping.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { exportGexf } from './export-gexf.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('exportGexf', () => {
  const text = exportGexf(SAMPLE);

  it('writes GEXF 1.3 that an XML parser reads, with declared node and edge attributes', () => {
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    expect(doc.documentElement?.getAttribute('version')).toBe('1.3');
    const titles = Array.from(doc.getElementsByTagName('attribute')).map((a) => a.getAttribute('title'));
    expect(titles).toEqual(
      expect.arrayContaining([
        'type',
        'name_en',
        'name_zh',
        'background_en',
        'background_zh',
        'modality',
        'basis',
        'negated',
        'date',
        'evidence',
        'weight',
        'ok',
      ]),
    );
  });

  it('labels nodes in the chosen language, falling back on English', () => {
    expect(text).toContain('<node id="a" label="A &amp; &quot;B&quot;">');
    const zh = exportGexf(SAMPLE, { lang: 'zh' });
    expect(zh).toContain('<node id="a" label="甲">');
    expect(zh).toContain('<node id="b" label="&lt;b&gt;">');
  });

  it('writes type colours and positions as viz elements, and symmetric relations as directed edges marked symmetric', () => {
    expect(text).toContain('<viz:color r="17" g="34" b="51"/>');
    expect(text).toContain('<viz:position x="1" y="2" z="0"/>');
    expect(text).toContain('<graph defaultedgetype="directed" mode="static">');
    expect(text).not.toContain('type="undirected"');
    const flag = /<attribute id="(e\d+)" title="symmetric" type="boolean"\/>/.exec(text)?.[1];
    expect(text).toMatch(new RegExp(`<edge id="r2" source="b" target="a">\\s*<attvalues>[^]*<attvalue for="${flag}" value="true"/>`));
  });

  it('writes symmetric relations as undirected edges in the Gephi-only mode', () => {
    const gephi = exportGexf(SAMPLE, { symmetric: 'undirected' });
    expect(gephi).toMatch(/<edge id="r2" source="b" target="a" type="undirected">/);
    expect(gephi).not.toContain('title="symmetric"');
  });

  it('declares basis as text and negated as a boolean, and writes both on every edge', () => {
    expect(text).toMatch(/<attribute id="e\d+" title="basis" type="string"\/>/);
    expect(text).toMatch(/<attribute id="e\d+" title="negated" type="boolean"\/>/);
    const basis = /<attribute id="(e\d+)" title="basis"/.exec(text)?.[1];
    const negated = /<attribute id="(e\d+)" title="negated"/.exec(text)?.[1];
    expect(text.match(new RegExp(`<attvalue for="${basis}" value="stated"/>`, 'g'))).toHaveLength(2);
    expect(text.match(new RegExp(`<attvalue for="${negated}" value="false"/>`, 'g'))).toHaveLength(2);
  });

  it('joins evidence quotes with their sources', () => {
    expect(text).toContain('value="“q” — Report https://example.org"');
  });
});
