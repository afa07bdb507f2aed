// Regression checks on the bundled graph-data: it compiles cleanly, hangs together, and its quotes are in the article.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readDataFolder } from '../../cli/data-folder.ts';
import { compile } from './compile.ts';
import { buildGraph } from './model.ts';
import { neighbourhood } from './neighbourhood.ts';
import { resolveEntity } from './resolve-entity.ts';
import { normalizeForMatch } from './search.ts';
import { graphStats } from './stats.ts';
import type { CompiledGraph } from './types.ts';
import { DEFAULT_FILTER, visibleSet } from './view-filter.ts';

const DATA = fileURLToPath(new URL('../../../graph-data', import.meta.url));
const result = compile(readDataFolder(DATA));
const compiled: CompiledGraph = result.compiled!;
const graph = buildGraph(compiled);

/** The text of each source, read straight from disk (not through the compiler). */
function sourceTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of readDataFolder(DATA).filter((f) => f.path.startsWith('sources/') && f.path.endsWith('.yaml'))) {
    const { id, text } = parse(file.text) as { id: string; text: string };
    texts.set(id, readFileSync(`${DATA}/sources/${text}`, 'utf8'));
  }
  return texts;
}

describe('the bundled graph-data', () => {
  it('compiles with no errors and no warnings', () => {
    expect(result.problems).toEqual([]);
    expect(result.compiled).toBeDefined();
  });

  it('has at least 50 entities and 80 relations', () => {
    expect(compiled.entities.length).toBeGreaterThanOrEqual(50);
    expect(compiled.relations.length).toBeGreaterThanOrEqual(80);
  });

  it('is one connected component holding every entity', () => {
    const { components } = graphStats(graph);
    expect(components).toEqual({ count: 1, sizes: [compiled.entities.length] });
  });

  it('has no entity without a relation', () => {
    const isolated = graph.filterNodes((id) => graph.degree(id) === 0);
    expect(isolated).toEqual([]);
  });

  it('quotes every piece of evidence verbatim from its source text', () => {
    const texts = sourceTexts();
    const missing = compiled.relations.flatMap((r) =>
      r.evidence.filter((e) => !texts.get(e.source)?.includes(e.quote)).map((e) => `${r.id}: ${e.quote}`),
    );
    expect(texts.size).toBe(compiled.sources.length);
    expect(missing).toEqual([]);
  });

  it('gives every name and alias to one entity only', () => {
    const owners = new Map<string, Set<string>>();
    for (const e of compiled.entities) {
      for (const name of [e.name.en, e.name.zh, ...e.aliases].filter((n) => n.trim() !== '')) {
        const key = normalizeForMatch(name);
        owners.set(key, (owners.get(key) ?? new Set()).add(e.id));
      }
    }
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([name, ids]) => `${name}: ${[...ids].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it.each([
    ['梁文锋', 'liang-wenfeng'],
    ['梁文峰', 'liang-wenfeng'],
    ['梁云峰', 'liang-wenfeng'],
    ['Deepseek', 'deepseek'],
    ['深度求索', 'deepseek'],
    ['DeepSeek', 'deepseek'],
    ['High-Flyer', 'high-flyer'],
    ['幻方量化', 'high-flyer'],
    ['京东云', 'jd-cloud'],
  ])('resolves the article’s spelling "%s" to %s', (name, id) => {
    expect(resolveEntity(graph, name)).toBe(id);
  });

  it('traces High-Flyer → DeepSeek → DeepSeek-R1 ← JD Cloud', () => {
    const typesBetween = (source: string, target: string): string[] =>
      graph.directedEdges(source, target).map((edge) => graph.getEdgeAttribute(edge, 'type'));
    expect(typesBetween('high-flyer', 'deepseek')).toContain('funds');
    expect(typesBetween('deepseek', 'deepseek-r1')).toContain('releases');
    expect(typesBetween('jd-cloud', 'deepseek-r1')).toContain('deploys');
  });

  it('puts High-Flyer and Liang Wenfeng one step from DeepSeek', () => {
    const { distances } = neighbourhood(graph, 'deepseek', 1);
    expect(distances.get('high-flyer')).toBe(1);
    expect(distances.get('liang-wenfeng')).toBe(1);
  });

  it('hides every opinion and prediction when only facts are shown', () => {
    const { edges } = visibleSet(graph, { ...DEFAULT_FILTER, modalities: ['fact'] });
    const opinionsAndPredictions = graph.filterEdges((_, r) => r.modality !== 'fact');
    expect(opinionsAndPredictions.length).toBeGreaterThan(0);
    expect(opinionsAndPredictions.filter((edge) => edges.has(edge))).toEqual([]);
    expect(edges.size).toBe(graph.size - opinionsAndPredictions.length);
  });
});
