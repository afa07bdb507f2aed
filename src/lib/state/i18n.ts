// UI text in English and Chinese. Data text (names, quotes) never goes through here.
import type { Lang } from './url-state.ts';

const TEXT = {
  searchEntities: { en: 'Search entities', zh: '搜索实体' },
  searchPlaceholder: { en: 'Search: name, 中文, pinyin…', zh: '搜索：名称、中文、拼音…' },
  noMatches: { en: 'No matches', zh: '无匹配结果' },
  entityDetails: { en: 'Entity details', zh: '实体详情' },
  nothingSelected: { en: 'Click an entity or a relation, or search for one.', zh: '点击一个实体或关系，或搜索。' },
  aliases: { en: 'Also written', zh: '别名' },
  relations: { en: 'Relations', zh: '关系' },
  evidence: { en: 'Evidence', zh: '证据' },
  source: { en: 'Source', zh: '来源' },
  focus: { en: 'Focus', zh: '聚焦' },
  depth: { en: 'Depth', zh: '深度' },
  clearFocus: { en: 'Show all', zh: '显示全部' },
  fit: { en: 'Fit', zh: '适应窗口' },
  zoomIn: { en: 'Zoom in', zh: '放大' },
  zoomOut: { en: 'Zoom out', zh: '缩小' },
  reset: { en: 'Reset view', zh: '重置视图' },
  relayout: { en: 'Re-layout', zh: '重新布局' },
  back: { en: 'Back', zh: '后退' },
  forward: { en: 'Forward', zh: '前进' },
  language: { en: 'Language', zh: '语言' },
  filters: { en: 'Filters and legend', zh: '筛选与图例' },
  entityTypes: { en: 'Entity types', zh: '实体类型' },
  relationTypes: { en: 'Relation types', zh: '关系类型' },
  modality: { en: 'Modality', zh: '性质' },
  factsOnly: { en: 'Facts only', zh: '仅事实' },
  withOpinions: { en: 'Include opinions', zh: '包括观点' },
  withPredictions: { en: 'Include opinions and predictions', zh: '包括观点和预测' },
  fact: { en: 'fact', zh: '事实' },
  opinion: { en: 'opinion', zh: '观点' },
  prediction: { en: 'prediction', zh: '预测' },
  close: { en: 'Close', zh: '关闭' },
  dismiss: { en: 'Dismiss', zh: '关闭' },
  type: { en: 'Type', zh: '类型' },
  date: { en: 'Date', zh: '日期' },
  website: { en: 'Website', zh: '网站' },
  showing: { en: 'Showing', zh: '显示' },
  entitiesWord: { en: 'entities', zh: '个实体' },
  relationsWord: { en: 'relations', zh: '条关系' },
  relationKeysHelp: {
    en: 'Arrow keys move between relations; Enter follows the relation to the other entity.',
    zh: '方向键在关系间移动；回车沿关系跳转到另一实体。',
  },
  drawing: { en: 'Drawing the graph…', zh: '正在绘制图谱…' },
  graphCanvas: { en: 'Graph of entities and relations', zh: '实体与关系图' },
} as const;

export type TextKey = keyof typeof TEXT;

export function t(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}
