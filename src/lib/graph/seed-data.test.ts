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
import { findPaths } from './paths/index.ts';
import { DEFAULT_FILTER, filterPredicates, visibleSet } from './view-filter.ts';

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

/** A record as written in graph-data's YAML: loosely typed on purpose, so the checks do not lean on the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw YAML, checked field by field below
type RawRecord = Record<string, any>;

/** graph-data's relations and entities read straight from the YAML (not through the compiler), by id. */
function rawRecords(folder: 'relations' | 'entities'): Map<string, RawRecord> {
  const records = new Map<string, RawRecord>();
  for (const file of readDataFolder(DATA).filter((f) => f.path.startsWith(`${folder}/`))) {
    for (const r of parse(file.text) as RawRecord[]) {
      records.set(r.id ?? `${r.source}--${r.type}--${r.target}`, r);
    }
  }
  return records;
}

describe('the bundled graph-data says what the article says, and no more', () => {
  const relations = rawRecords('relations');
  const entities = rawRecords('entities');
  const article = sourceTexts().get('seed-article')!;
  const quotes = (id: string): string[] => (relations.get(id)?.evidence ?? []).map((e: { quote: string }) => e.quote);
  const relation = (id: string): RawRecord => {
    expect(relations.has(id), id).toBe(true);
    return relations.get(id)!;
  };

  it('marks as inferred every relation its note calls implied, and says from what', () => {
    const implied = [...relations].filter(([, r]) => /\bimpli(?:ed|es)\b|\binferred\b/i.test(r.note ?? ''));
    expect(implied.filter(([, r]) => r.basis !== 'inferred').map(([id]) => id)).toEqual([]);
    for (const id of [
      'deepseek-llm-appliance--uses--deepseek',
      'xuebei-caijing--reports-on--deepseek',
      'china--establishes--big-fund',
      'microsoft--develops--microsoft-windows',
      'openai--develops--openai-o1',
      'miit--part-of--chinese-government',
    ]) {
      expect(relation(id).basis, id).toBe('inferred');
      expect(relation(id).note?.length, id).toBeGreaterThan(20);
    }
  });

  it('models the article’s denials as negated relations quoting the denial', () => {
    const denials: Record<string, string> = {
      'outside-investors--invests-in--deepseek': '没有外部投资者',
      'returnee-scholars--works-at--deepseek': '没有顶级西方实验室的海归学者',
      'deepseek--contracts-with--chinese-government': '没有政府合同',
      'deepseek--releases--popular-consumer-app': '流行的消费级应用',
      'chinese-government--supports--deepseek': '这不是一个政府背景的项目',
      'china--funds--open-source-isa': '中国尚未为开源指令集架构',
      'chinese-generative-ai-regulations--regulates--open-source-ai': '缺乏对开源提供者的具体指导',
    };
    for (const [id, words] of Object.entries(denials)) {
      expect(relation(id).negated, id).toBe(true);
      expect(
        quotes(id).some((q) => q.includes(words)),
        id,
      ).toBe(true);
    }
    // The Big Fund sentence says China has NOT launched one for open-source ISAs: never a positive "establishes".
    expect(relation('china--establishes--big-fund').basis).toBe('inferred');
    expect(graph.getEdgeAttributes('china--funds--open-source-isa').negated).toBe(true);
  });

  it('keeps questions as questions: regulators stepping in is asked, not forecast', () => {
    const asked = relation('chinese-regulators--regulates--deepseek');
    expect(asked.modality).toBe('question');
    for (const quote of quotes('chinese-regulators--regulates--deepseek')) expect(quote).toMatch(/[?？]$/);
    // Every relation quoting only question sentences is a question or an opinion (a rhetorical question), never a claim.
    const questionOnly = [...relations].filter(([id]) =>
      quotes(id).every((q) => /[?？]["”]?$/.test(q) || /^[^。！!\n]*[?？]/.test(article.slice(article.indexOf(q) + q.length))),
    );
    expect(questionOnly.filter(([, r]) => r.modality === 'fact' || r.modality === 'prediction').map(([id]) => id)).toEqual([]);
  });

  it('corrects the relations whose quotes did not express them', () => {
    for (const gone of [
      'chinese-government--supports--open-source-ai',
      'liang-wenfeng--supports--open-source-software',
      'white-paper-open-source-ecosystem--supports--open-source-ai',
      'chinese-government--part-of--china',
      'china--establishes--chinese-generative-ai-regulations',
      ...['bytedance', 'alibaba', 'tencent', 'huawei'].map((c) => `${c}--partners-with--deepseek`),
    ])
      expect(relations.has(gone), gone).toBe(false);
    expect(relation('chinese-government-supports-open-source-development').target).toBe('open-source-software');
    expect(relation('liang-wenfeng--comments-on--open-source-software').modality).toBe('opinion');
    expect(relation('liang-wenfeng--comments-on--open-source-software').note).toMatch(/analogy/);
    expect(relation('white-paper-open-source-ecosystem--supports--open-source-software').modality).toBe('opinion');
    for (const c of ['bytedance', 'alibaba', 'tencent', 'huawei']) {
      expect(relation(`${c}--approaches--deepseek`).modality).toBe('prediction');
      expect(quotes(`${c}--approaches--deepseek`).some((q) => q.includes('将会主动接触'))).toBe(true);
    }
    expect(relation('china--challenges--united-states').modality).toBe('opinion');
    const race = relation('china--competes-with--united-states');
    expect(race).toMatchObject({ modality: 'prediction', date: '2026/2027' });
    expect(quotes('china--competes-with--united-states').some((q) => q.includes('中国AI的崛起直指'))).toBe(false);
    expect(quotes('liang-wenfeng--leads--deepseek').some((q) => q.includes('DeepSeek') && q.includes('CEO'))).toBe(true);
  });

  it('adds the contrasts, admissions and effects the article states, each quoted', () => {
    const stated: Record<string, string> = {
      'deepseek--compared-with--alibaba': '相比之下,DeepSeek在短期内没有明确的盈利策略和计划',
      'deepseek--compared-with--01-ai': '相比之下,DeepSeek在短期内没有明确的盈利策略和计划',
      'open-source-isa--compared-with--closed-isa': '降低对国外封闭生态系统依赖',
      'liang-wenfeng-admits-compute-shortage': '对计算资源不足的坦承',
      'deepseek--challenges--compute-monopoly': '打破“算力垄断”',
      'deepseek--influences--chinese-ai-and-tech-stocks': '科技股的地位被重估',
      'dario-amodei--comments-on--united-states': '2026–2027',
    };
    for (const [id, words] of Object.entries(stated))
      expect(
        quotes(id).some((q) => q.includes(words)),
        id,
      ).toBe(true);
    expect(relation('dario-amodei--comments-on--united-states').date).toBe('2026/2027');
    const areas = ['iot-applications', 'natural-language-processing', 'neural-networks', 'autonomous-vehicles'];
    for (const firm of ['verisilicon', 'jiangsu-yunyong-technology', 'bluetrum', 'c-core-technology'])
      for (const area of areas)
        expect(quotes(`${firm}--develops--${area}`)[0], `${firm} ${area}`).toContain('物联网应用、自然语言处理、神经网络、自动驾驶汽车');
  });

  it('keeps background knowledge in the background field, out of names, descriptions and aliases', () => {
    const description = (id: string): string => `${entities.get(id)!.description.en} ${entities.get(id)!.description.zh ?? ''}`;
    expect(description('jd-cloud')).not.toMatch(/JD\.com|京东集团|京东旗下/);
    for (const id of ['openai', 'anthropic', 'waymo', 'microsoft', 'meta']) expect(description(id), id).not.toMatch(/\bUS\b|美国/);
    expect(description('deepseek-r1')).not.toMatch(/reasoning|推理模型/);
    expect(entities.get('big-fund')!.name).toEqual({ en: 'Big Fund', zh: '大基金' });
    expect(entities.get('big-fund')!.background.zh).toContain('国家集成电路产业投资基金');
    expect(entities.get('alibaba-cloud')!.name.zh).not.toContain('阿里云');
    expect(entities.get('alibaba-cloud')!.aliases.join(' ')).not.toMatch(/阿里云|Aliyun/);
    const aliases = [...entities.values()].flatMap((e) => e.aliases ?? []);
    expect(aliases).not.toContain('生成式人工智能服务管理暂行办法');
    for (const id of entities.keys()) expect(description(id), id).not.toMatch(/\(background|background —|背景信息|（背景/i);
    for (const id of ['jd-cloud', 'waymo', 'deepseek-r1', 'baidu', 'intel', 'ernie-bot', 'apollo-go', 'closed-isa'])
      expect(entities.get(id)!.background?.en, id).toBeTruthy();
  });

  it('marks the source’s title as descriptive: the article has no headline of its own', () => {
    const source = compiled.sources.find((s) => s.id === 'seed-article')!;
    expect(article.includes(source.title)).toBe(false);
    expect(source.descriptiveTitle).toBe(true);
  });
});

describe('the bundled graph: paths and filters honour basis and denial', () => {
  it('never walks a denied relation unless asked, and says so when only one connects', () => {
    const none = findPaths(graph, 'outside-investors', 'deepseek');
    expect(none.paths).toEqual([]);
    expect(none.reason).toMatchObject({ kind: 'negated', relations: ['outside-investors--invests-in--deepseek'] });
    expect(none.reason!.sentence).toContain('the source denies');
    const asked = findPaths(graph, 'outside-investors', 'deepseek', { includeNegated: true });
    expect(asked.paths[0]!.edges.map((e) => [e.id, e.negated])).toEqual([['outside-investors--invests-in--deepseek', true]]);
    // No default path anywhere in the graph uses a denial: checked from DeepSeek to every entity.
    for (const to of graph.nodes()) {
      if (to === 'deepseek') continue;
      for (const p of findPaths(graph, 'deepseek', to).paths)
        expect(
          p.edges.filter((e) => e.negated).map((e) => e.id),
          to,
        ).toEqual([]);
    }
  });

  it('"stated only" leaves out inferred relations, and a path through one takes the stated way round', () => {
    const statedOnly = filterPredicates(graph, { ...DEFAULT_FILTER, statedOnly: true });
    const { edges } = visibleSet(graph, { ...DEFAULT_FILTER, statedOnly: true });
    const inferred = graph.filterEdges((_, r) => r.basis === 'inferred');
    expect(inferred.length).toBeGreaterThanOrEqual(10);
    expect(inferred.filter((e) => edges.has(e))).toEqual([]);
    const direct = findPaths(graph, 'deepseek-llm-appliance', 'deepseek');
    expect(direct.paths[0]!.edges.map((e) => e.id)).toEqual(['deepseek-llm-appliance--uses--deepseek']);
    const stated = findPaths(graph, 'deepseek-llm-appliance', 'deepseek', {
      view: { nodeVisible: statedOnly.node, edgeVisible: statedOnly.edge },
    });
    expect(stated.paths[0]!.edges.length).toBeGreaterThan(1);
    expect(stated.paths[0]!.edges.filter((e) => e.basis === 'inferred')).toEqual([]);
  });

  it('hides denied relations on request, and shows them by default', () => {
    const denied = graph.filterEdges((_, r) => r.negated === true);
    expect(denied.length).toBe(7);
    expect(denied.every((e) => visibleSet(graph, DEFAULT_FILTER).edges.has(e))).toBe(true);
    const { edges } = visibleSet(graph, { ...DEFAULT_FILTER, hideNegated: true });
    expect(denied.filter((e) => edges.has(e))).toEqual([]);
  });
});
