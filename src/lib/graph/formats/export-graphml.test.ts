// Pins the GraphML writer: typed keys, data values, direction per edge, escaping.
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { exportGraphml } from './export-graphml.ts';
import { SAMPLE } from './test-support/sample-graph.ts';

describe('exportGraphml', () => {
  const text = exportGraphml(SAMPLE);
  const doc = new DOMParser().parseFromString(text, 'text/xml');

  it('declares a typed key for every field it writes', () => {
    const keys = Array.from(doc.getElementsByTagName('key')).map(
      (k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}:${k.getAttribute('attr.type')}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'node:label:string',
        'node:x:double',
        'node:color:string',
        'node:weight:double',
        'node:ok:boolean',
        'edge:evidence:string',
        'edge:basis:string',
        'edge:negated:boolean',
        'node:background_en:string',
        'node:background_zh:string',
      ]),
    );
  });

  it('escapes text content and keeps Chinese', () => {
    expect(text).toContain('>A &amp; &quot;B&quot;</data>');
    expect(text).toContain('>甲</data>');
    expect(text).toContain('>&lt;b&gt;</data>');
  });

  it('marks edges of symmetric types symmetric=true in a mixed graph, and uses edgedefault when all are symmetric', () => {
    const flag = /<key id="(e\d+)" for="edge" attr.name="symmetric" attr.type="boolean"\/>/.exec(text)?.[1];
    expect(text).toMatch(new RegExp(`<edge id="r2" source="b" target="a">[^]*?<data key="${flag}">true</data>`));
    expect(text).not.toContain('directed="false"');
    expect(exportGraphml(SAMPLE, { symmetric: 'undirected' })).toContain('<edge id="r2" source="b" target="a" directed="false">');
    const undirected = exportGraphml({ ...SAMPLE, relations: SAMPLE.relations.filter((r) => r.type === 'rivals') });
    expect(undirected).toContain('edgedefault="undirected"');
    expect(undirected).not.toContain('directed="false"');
  });
});
