// The decoration around exported pictures: only the types, modalities and sources present; safe, well-formed SVG.
import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import type { CompiledGraph } from '../graph/types.ts';
import { buildDecor, composeSvg, decorLayout, legendGrid, swatchPath, wrap, xmlEscape } from './export-decor.ts';
import { labelWidth } from './elements.ts';
import { shapePath } from './node-shapes.ts';

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

describe('legend grid', () => {
  const types = [
    ['company', 'Company', 'round-rectangle'],
    ['regulator', 'Regulator or government body', 'octagon'],
    ['organization', 'Organization or alliance', 'pentagon'],
    ['country', 'Country or region', 'star'],
    ['policy', 'A policy or document with a very long name that cannot fit one column', 'triangle'],
  ] as const;
  const wide: CompiledGraph = {
    ...graph,
    entityTypes: types.map(([id, en, shape]) => ({ id, label: { en, zh: en }, color: '#123456', shape })),
  };

  it('keeps every item inside its column, wrapping what is too wide, at any picture width', () => {
    for (const width of [480, 640, 900, 1400]) {
      const decor = buildDecor(wide, { legend: true, sources: false, lang: 'en' }, width);
      const layout = decorLayout(decor, width, 100);
      const grid = legendGrid(decor.legend, width);
      for (const { textX, x, lines } of layout.legend) {
        for (const line of lines) expect(textX + labelWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(x + grid.colWidth);
      }
      // Rows never overlap: a row of wrapped items is as tall as its lines.
      const ys = layout.legend.map((l) => ({ top: l.y, bottom: l.y + (l.lines.length - 1) * 18 }));
      const rows = [...new Set(ys.map((y) => y.top))].sort((a, b) => a - b);
      for (let i = 1; i < rows.length; i++) {
        const previousBottom = Math.max(...ys.filter((y) => y.top === rows[i - 1]).map((y) => y.bottom));
        expect(rows[i]! - previousBottom).toBeGreaterThanOrEqual(18);
      }
      expect(decor.bottom).toBeGreaterThanOrEqual(grid.height);
    }
  });

  it('draws each entity type’s swatch in its own shape', () => {
    const decor = buildDecor(wide, { legend: true, sources: false, lang: 'en' }, 900);
    const paths = decorLayout(decor, 900, 100)
      .legend.filter((l) => l.item.kind === 'entity')
      .map((l) => swatchPath(l.item, l.swatch));
    expect(new Set(paths).size).toBe(types.length);
    // A star has ten corners, an octagon eight, a triangle three; a rounded rectangle has arcs.
    const corners = (d: string): number => (d.match(/[ML] /g) ?? []).length;
    expect(corners(paths[3]!)).toBe(10);
    expect(corners(paths[1]!)).toBe(8);
    expect(corners(paths[4]!)).toBe(3);
    expect(paths[0]).toMatch(/ A /);
    expect(shapePath('no-such-shape', 0, 0, 10)).toBe(shapePath('ellipse', 0, 0, 10));
  });
});
