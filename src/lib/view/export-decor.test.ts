// The decoration around exported pictures: only the types, modalities and sources present; safe, well-formed SVG.
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import type { CompiledGraph } from '../graph/types.ts';
import { buildDecor, composeSvg, wrap, xmlEscape } from './export-decor.ts';

const graph: CompiledGraph = {
  format: 'kg-compiled',
  version: 1,
  title: 'T',
  entityTypes: [{ id: 'company', label: { en: 'Company', zh: '公司' }, color: '#2563eb', shape: 'round-rectangle' }],
  relationTypes: [],
  sources: [{ id: 's', title: '<script>alert(1)</script> & "report"', publisher: 'Pub', date: '2025', language: 'en' }],
  entities: [],
  relations: [{ id: 'r', source: 'a', target: 'b', type: 't', modality: 'opinion', evidence: [] }],
};

describe('buildDecor', () => {
  it('lists the entity types and the modalities present, in the chosen language', () => {
    const decor = buildDecor(graph, { legend: true, sources: true, lang: 'zh', title: '标题' }, 600);
    expect(decor.legend.map((l) => l.label)).toEqual(['公司', '观点（虚线）']);
    expect(decor.sourcesHeading).toBe('来源');
    expect(decor.top).toBeGreaterThan(0);
  });

  it('takes no room for parts that are switched off', () => {
    const decor = buildDecor(graph, { legend: false, sources: false, lang: 'en' }, 600);
    expect(decor.top).toBe(0);
    expect(decor.bottom).toBe(0);
  });
});

describe('composeSvg', () => {
  it('keeps hostile text as escaped text and produces well-formed XML without script', () => {
    const decor = buildDecor(
      graph,
      { legend: true, sources: true, lang: 'en', title: `A & B <img src=x onerror=alert(1)> 'q' "d" 😀 深度求索` },
      480,
    );
    const svg = composeSvg('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>', 10, 10, decor, '#fff', 'en');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => level !== 'warning' && errors.push(msg) }).parseFromString(svg, 'image/svg+xml');
    expect(errors).toEqual([]);
    expect(doc.getElementsByTagName('script').length).toBe(0);
    expect(doc.getElementsByTagName('img').length).toBe(0);
    const texts = Array.from(
      { length: doc.getElementsByTagName('text').length },
      (_, i) => doc.getElementsByTagName('text')[i]!.textContent,
    );
    expect(texts).toContain(`A & B <img src=x onerror=alert(1)> 'q' "d" 😀 深度求索`);
  });
});

describe('xmlEscape and wrap', () => {
  it('escapes the five XML specials and drops characters XML cannot hold', () => {
    expect(xmlEscape(`&<>"'\u0001x`)).toBe('&amp;&lt;&gt;&quot;&apos;x');
  });

  it('wraps long source lines to the picture width', () => {
    const lines = wrap('word '.repeat(100), 200);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join(' ').split(/\s+/).filter(Boolean)).toHaveLength(100);
  });
});
