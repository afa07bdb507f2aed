// What each export scope covers, the subgraph it becomes, and the file names that say what is inside.
import { describe, expect, it } from 'vitest';
import { ent, rel, relType, tinyGraph } from './graph.fixture.ts';
import { exportFileName, resolveScope } from './export-scope.ts';
import { subgraph } from './subgraph.ts';
import { toCompiled } from './model.ts';

const graph = tinyGraph(
  [ent('hf', 'fund'), ent('ds', 'company'), ent('r1', 'model'), ent('jd', 'company'), ent('baidu', 'company')],
  [rel('hf', 'funds', 'ds'), rel('ds', 'releases', 'r1'), rel('jd', 'deploys', 'r1'), rel('baidu', 'competes-with', 'ds', 'opinion')],
  [relType('funds'), relType('releases'), relType('deploys'), relType('competes-with', true)],
);
const all = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
const sorted = (s: ReadonlySet<string>): string[] => [...s].sort();

describe('resolveScope', () => {
  it('covers the selected entity with its visible relations and their other ends', () => {
    const s = resolveScope(graph, { kind: 'selection' }, { visible: all, entity: 'r1' });
    expect(sorted(s.nodes)).toEqual(['ds', 'jd', 'r1']);
    expect(sorted(s.edges)).toEqual(['ds--releases--r1', 'jd--deploys--r1']);
  });

  it('covers a selected relation and its two ends', () => {
    const s = resolveScope(graph, { kind: 'selection' }, { visible: all, entity: 'r1', relation: 'hf--funds--ds' });
    expect(sorted(s.nodes)).toEqual(['ds', 'hf']);
  });

  it('leaves hidden relations out of the selection', () => {
    const visible = { nodes: all.nodes, edges: new Set(['ds--releases--r1']) };
    expect(sorted(resolveScope(graph, { kind: 'selection' }, { visible, entity: 'r1' }).nodes)).toEqual(['ds', 'r1']);
  });

  it('covers a neighbourhood to the given depth', () => {
    expect(sorted(resolveScope(graph, { kind: 'neighbourhood', id: 'hf', depth: 2 }, { visible: all }).nodes)).toEqual([
      'baidu',
      'ds',
      'hf',
      'r1',
    ]);
  });

  it('covers the highlighted path, split into entities and relations', () => {
    const path = new Set(['hf', 'hf--funds--ds', 'ds']);
    const s = resolveScope(graph, { kind: 'path' }, { visible: all, path });
    expect(sorted(s.nodes)).toEqual(['ds', 'hf']);
    expect(sorted(s.edges)).toEqual(['hf--funds--ds']);
  });

  it('is empty when nothing is selected or highlighted', () => {
    expect(resolveScope(graph, { kind: 'selection' }, { visible: all }).nodes.size).toBe(0);
    expect(resolveScope(graph, { kind: 'path' }, { visible: all }).nodes.size).toBe(0);
    expect(resolveScope(graph, { kind: 'neighbourhood', id: 'nobody', depth: 1 }, { visible: all }).nodes.size).toBe(0);
  });
});

describe('subgraph', () => {
  it('keeps only the chosen entities, relations between them, and the types and sources they use', () => {
    const cut = subgraph(toCompiled(graph), { nodes: new Set(['hf', 'ds']), edges: new Set(['hf--funds--ds', 'ds--releases--r1']) });
    expect(cut.entities.map((e) => e.id)).toEqual(['hf', 'ds']);
    expect(cut.relations.map((r) => r.id)).toEqual(['hf--funds--ds']);
    expect(cut.relationTypes.map((t) => t.id)).toEqual(['funds']);
    expect(cut.sources.map((s) => s.id)).toEqual(['article']);
  });

  it('drops sources no exported relation cites', () => {
    const cut = subgraph(toCompiled(graph), { nodes: new Set(['hf']), edges: new Set() });
    expect(cut.sources).toEqual([]);
  });
});

describe('exportFileName', () => {
  it('names files for what is inside', () => {
    expect(exportFileName({ kind: 'neighbourhood', id: 'deepseek', depth: 2 }, { visible: all }, 'svg')).toBe(
      'deepseek-neighbourhood-d2.svg',
    );
    expect(exportFileName({ kind: 'path' }, { visible: all, pathEnds: { from: 'high-flyer', to: 'jd-cloud' } }, 'png')).toBe(
      'high-flyer-to-jd-cloud.png',
    );
    expect(exportFileName({ kind: 'all' }, { visible: all }, '.json')).toBe('whole-graph.json');
    expect(exportFileName({ kind: 'selection' }, { visible: all, entity: '../../etc/passwd' }, 'png')).toBe('selection-etc-passwd.png');
  });
});
