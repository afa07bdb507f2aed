// `kg db generate`: a synthetic typed graph of any size, deterministic by seed, streamed (memory flat in N), with a
// heavy-tailed degree distribution (a few hubs) and bilingual names that search can find.
import { mulberry32 } from '../../lib/graph/prng.ts';
import type { Entity, EntityType, Modality, Relation, RelationType, Source } from '../../lib/graph/types.ts';
import type { GraphInput } from './load-graph.ts';

export interface GenerateOptions {
  entities: number;
  relations: number;
  seed: number;
}

const ENTITY_TYPES = ['company', 'person', 'model', 'investor', 'product', 'lab'] as const;
/** Relation types and whether each is symmetric (an undirected edge). */
const RELATION_TYPES: ReadonlyArray<[string, boolean]> = [
  ['funds', false],
  ['founded', false],
  ['works_at', false],
  ['releases', false],
  ['deploys', false],
  ['partners_with', true],
  ['competes_with', true],
];
const SOURCES = 20;

/** Syllables with their Chinese character, so names come in both languages and pinyin is known without a dictionary. */
const SYLLABLES: ReadonlyArray<[string, string]> = [
  ['hua', '华'],
  ['tian', '天'],
  ['xin', '新'],
  ['long', '龙'],
  ['feng', '峰'],
  ['yun', '云'],
  ['zhi', '智'],
  ['shen', '深'],
  ['ming', '明'],
  ['guang', '光'],
  ['hai', '海'],
  ['jing', '京'],
  ['an', '安'],
  ['bo', '博'],
  ['chen', '辰'],
  ['da', '达'],
  ['fang', '方'],
  ['hong', '鸿'],
  ['kai', '凯'],
  ['lin', '林'],
  ['qi', '启'],
  ['rui', '睿'],
  ['sheng', '盛'],
  ['wei', '维'],
  ['xing', '星'],
  ['yu', '宇'],
  ['ze', '泽'],
  ['zhong', '中'],
  ['bai', '百'],
  ['du', '度'],
  ['ling', '灵'],
  ['mo', '墨'],
];
const KIND_WORD: Record<(typeof ENTITY_TYPES)[number], [string, string]> = {
  company: ['Tech', '科技'],
  person: ['', ''],
  model: ['Model', '模型'],
  investor: ['Capital', '资本'],
  product: ['Cloud', '云'],
  lab: ['Lab', '实验室'],
};

const capitalise = (s: string): string => s[0]!.toUpperCase() + s.slice(1);

/** Entity `i`: its type, three syllables from its index (so names repeat across the graph, as real ones do) and a number. */
function entityAt(i: number): Entity {
  const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
  const n = SYLLABLES.length;
  const picks: ReadonlyArray<readonly [string, string]> = [
    SYLLABLES[(i * 7) % n]!,
    SYLLABLES[Math.floor(i / n) % n]!,
    SYLLABLES[Math.floor(i / (n * n)) % n]!,
  ];
  const [first, second, third] = [picks[0]!, picks[1]!, picks[2]!];
  const [word, zhWord] = KIND_WORD[type];
  const en = `${capitalise(first[0])} ${capitalise(second[0])}${third[0]}${word ? ` ${word}` : ''} ${i}`;
  const zh = `${picks.map((p) => p[1]).join('')}${zhWord}${i}`;
  const spaced = picks.map((p) => p[0]).join(' ');
  return {
    id: `e${i}`,
    type,
    name: { en, zh },
    aliases: i % 5 === 0 ? [`${first[0]}${second[0]} ${i}`] : [],
    description: { en: `A synthetic ${type}.`, zh: '' },
    pinyin: [spaced, spaced.replace(/ /g, ''), picks.map((p) => p[0][0]).join('')],
  };
}

/**
 * The endpoint of a relation: heavy-tailed, so low indexes are hubs. `u^3` puts about 10% of the endpoints on the
 * first 0.1% of the entities.
 */
function skewed(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(n * random() ** 3));
}

const MODALITY_WEIGHTS: ReadonlyArray<[Modality, number]> = [
  ['fact', 0.8],
  ['opinion', 0.1],
  ['prediction', 0.07],
  ['question', 0.03],
];

function modalityOf(u: number): Modality {
  let acc = 0;
  for (const [m, w] of MODALITY_WEIGHTS) if (u < (acc += w)) return m;
  return 'fact';
}

/** The synthetic graph as load input; `entities()` and `relations()` regenerate the same rows on every call. */
export function generatedInput({ entities: n, relations: m, seed }: GenerateOptions): GraphInput {
  const entityTypes: EntityType[] = ENTITY_TYPES.map((id) => ({ id, label: { en: id, zh: id }, color: '#777777', shape: 'ellipse' }));
  const relationTypes: RelationType[] = RELATION_TYPES.map(([id, symmetric]) => ({
    id,
    label: { en: id.replace(/_/g, ' '), zh: id },
    reverse: { en: `${id.replace(/_/g, ' ')} (reverse)`, zh: id },
    symmetric,
    reflexive: false,
  }));
  const sources: Source[] = Array.from({ length: SOURCES }, (_, i) => ({
    id: `s${i}`,
    title: `Synthetic source ${i}`,
    publisher: 'kg db generate',
    date: '2025',
    language: 'en',
  }));
  return {
    title: `Synthetic graph (${n} entities, ${m} relations, seed ${seed})`,
    entityTypes,
    relationTypes,
    sources,
    *entities() {
      for (let i = 0; i < n; i++) yield entityAt(i);
    },
    *relations() {
      const random = mulberry32(seed);
      for (let i = 0; i < m; i++) {
        const source = Math.floor(random() * n);
        let target = skewed(random, n);
        if (target === source) target = (target + 1) % n;
        const [type, symmetric] = RELATION_TYPES[Math.floor(random() * RELATION_TYPES.length)]!;
        const relation: Relation = {
          id: `r${i}`,
          source: `e${source}`,
          target: `e${target}`,
          type,
          modality: modalityOf(random()),
          ...(random() < 0.02 ? { negated: true as const } : {}),
          evidence: [{ source: `s${i % SOURCES}`, quote: `e${source} ${type} e${target}` }],
        };
        yield { relation, directed: !symmetric };
      }
    },
  };
}
