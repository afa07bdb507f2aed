// Test-only: a tiny hand-built ecosystem graph that the path tests read like a story.
import { buildGraph, type KnowledgeGraph } from '../model.ts';
import type { CompiledGraph, Modality, Relation } from '../types.ts';

const relation = (id: string, source: string, type: string, target: string, modality: Modality = 'fact', quote = ''): Relation => ({
  id,
  source,
  target,
  type,
  modality,
  evidence: quote ? [{ source: 'profile', quote }] : [],
});

const entity = (id: string, type: string, en: string, zh = '') => ({
  id,
  type,
  name: { en, zh },
  aliases: [],
  description: { en: '', zh: '' },
});

const directed = (id: string, en: string, zh: string, reverseEn: string) => ({
  id,
  label: { en, zh },
  reverse: { en: reverseEn, zh: '' },
  symmetric: false,
  reflexive: false,
});

/**
 * High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud —deploys (prediction)→ Kimi;
 * DeepSeek —competes with (opinion)— Moonshot —releases→ Kimi; Liang Wenfeng —founded→ High-Flyer and DeepSeek;
 * Lonely Co stands alone.
 */
export const ecosystem: CompiledGraph = {
  format: 'kg-compiled',
  version: 1,
  title: 'Path fixture',
  entityTypes: [
    { id: 'company', label: { en: 'Company', zh: '公司' }, color: '#2563eb', shape: 'round-rectangle' },
    { id: 'person', label: { en: 'Person', zh: '人物' }, color: '#db2777', shape: 'ellipse' },
    { id: 'model', label: { en: 'AI model', zh: 'AI 模型' }, color: '#7c3aed', shape: 'hexagon' },
  ],
  relationTypes: [
    directed('funds', 'funds', '资助', 'funded by'),
    directed('releases', 'releases', '发布', 'released by'),
    directed('deploys', 'deploys', '部署', 'deployed by'),
    directed('founded', 'founded', '创立', 'founded by'),
    {
      id: 'competes-with',
      label: { en: 'competes with', zh: '竞争' },
      reverse: { en: 'competes with', zh: '竞争' },
      symmetric: true,
      reflexive: false,
    },
  ],
  sources: [{ id: 'profile', title: 'DeepSeek profile', publisher: 'Example News', date: '2025-01-20', language: 'en' }],
  entities: [
    entity('high-flyer', 'company', 'High-Flyer', '幻方量化'),
    entity('deepseek', 'company', 'DeepSeek', '深度求索'),
    entity('deepseek-r1', 'model', 'DeepSeek-R1'),
    entity('jd-cloud', 'company', 'JD Cloud', '京东云'),
    entity('moonshot', 'company', 'Moonshot AI', '月之暗面'),
    entity('kimi', 'model', 'Kimi'),
    entity('liang-wenfeng', 'person', 'Liang Wenfeng', '梁文锋'),
    entity('lonely', 'company', 'Lonely Co'),
  ],
  relations: [
    relation('r1', 'high-flyer', 'funds', 'deepseek', 'fact', 'High-Flyer funds DeepSeek.'),
    relation('r2', 'deepseek', 'releases', 'deepseek-r1', 'fact', 'DeepSeek released R1.'),
    relation('r3', 'jd-cloud', 'deploys', 'deepseek-r1', 'fact', 'JD Cloud deploys R1.'),
    relation('r4', 'deepseek', 'competes-with', 'moonshot', 'opinion'),
    relation('r5', 'moonshot', 'releases', 'kimi'),
    relation('r6', 'liang-wenfeng', 'founded', 'high-flyer'),
    relation('r7', 'liang-wenfeng', 'founded', 'deepseek'),
    relation('r8', 'jd-cloud', 'deploys', 'kimi', 'prediction'),
  ],
};

/** The fixture as a graph (built afresh each call, so tests may add to it). */
export function ecosystemGraph(): KnowledgeGraph {
  return buildGraph(ecosystem);
}
