// The analysis lenses as data: each is `{ id, label, kind, parameters, run }`, and the UI and CLI render from this list.
import { didYouMean, fail } from '../errors.ts';
import type { KnowledgeGraph } from '../model.ts';
import type { Bilingual } from '../types.ts';
import { betweenness } from './betweenness.ts';
import { DEGREE_DIRECTIONS, degree } from './degree.ts';
import {
  booleanParam,
  choiceParam,
  numberParam,
  resolveParameters,
  type LensParameter,
  type LensParams,
  type ParameterValue,
} from './lens-parameters.ts';
import { louvainCommunities, type Community } from './louvain-communities.ts';
import { pagerank } from './pagerank.ts';
import type { LensScope } from './simple-graph.ts';
import { weightedDegree } from './weighted-degree.ts';

export const LENS_IDS = ['degree', 'weighted-degree', 'pagerank', 'betweenness', 'louvain'] as const;
export type LensId = (typeof LENS_IDS)[number];

/** `size`: a number per entity, shown as node size. `colour`: a group per entity, shown as node colour. */
export type LensKind = 'size' | 'colour';

/** What a lens computes: a number per entity (`size`), or a community per entity with the communities (`colour`). */
export type LensOutput =
  | { kind: 'size'; values: Map<string, number> }
  | {
      kind: 'colour';
      /** Community id (0..n−1) of each entity. */
      values: Map<string, number>;
      communities: Community[];
      modularity: number;
    };

/** A lens's output, with the lens and the resolved parameters that produced it. */
export type LensResult = LensOutput & { lens: LensId; params: LensParams };

export interface Lens {
  id: LensId;
  label: Bilingual;
  /** One sentence on what the lens shows, for a tooltip. */
  description: Bilingual;
  kind: LensKind;
  parameters: readonly LensParameter[];
  /** Validates `params` (defaults fill the gaps; `LENS_BAD_PARAMETER` otherwise) and runs the lens over the scope. */
  run(graph: KnowledgeGraph, params?: Readonly<Record<string, unknown>>, options?: LensScope): LensResult;
}

interface LensDefinition extends Omit<Lens, 'run'> {
  compute(graph: KnowledgeGraph, params: LensParams, scope: LensScope): LensOutput;
}

/** A lens from its definition: `run` always resolves parameters first, so `compute` sees only valid values. */
function defineLens(definition: LensDefinition): Lens {
  const { compute, ...descriptor } = definition;
  return {
    ...descriptor,
    run(graph, params = {}, options = {}) {
      const resolved = resolveParameters(descriptor.id, descriptor.parameters, params);
      const result = compute(graph, resolved, options);
      return { ...result, lens: descriptor.id, params: resolved };
    },
  };
}

const DIRECTION: LensParameter = {
  id: 'direction',
  label: { en: 'Direction', zh: '方向' },
  type: 'choice',
  default: 'any',
  choices: [
    { value: 'any', label: { en: 'Either way', zh: '不分方向' } },
    { value: 'in', label: { en: 'Incoming', zh: '入向' } },
    { value: 'out', label: { en: 'Outgoing', zh: '出向' } },
  ],
};
const DIRECTED: LensParameter = {
  id: 'directed',
  label: { en: 'Follow relation direction', zh: '按关系方向' },
  type: 'boolean',
  default: false,
};
const WEIGHTED: LensParameter = {
  id: 'weighted',
  label: { en: 'Count repeated relations', zh: '计入重复关系' },
  type: 'boolean',
  default: true,
};
const NORMALIZED = (fallback: boolean): LensParameter => ({
  id: 'normalized',
  label: { en: 'Normalised (0–1)', zh: '归一化(0–1)' },
  type: 'boolean',
  default: fallback,
});

/** Every lens, in the order the UI lists them. Adding a lens is one entry here plus its module. */
export const LENSES: readonly Lens[] = [
  defineLens({
    id: 'degree',
    label: { en: 'Degree', zh: '度数' },
    description: { en: 'How many other entities each entity is related to.', zh: '每个实体与多少个其他实体有关系。' },
    kind: 'size',
    parameters: [DIRECTION, NORMALIZED(false)],
    compute: (graph, p, scope) => ({
      kind: 'size',
      values: degree(graph, {
        ...scope,
        direction: choiceParam(p, 'direction', DEGREE_DIRECTIONS),
        normalized: booleanParam(p, 'normalized'),
      }),
    }),
  }),
  defineLens({
    id: 'weighted-degree',
    label: { en: 'Weighted degree', zh: '加权度数' },
    description: { en: 'How many relations each entity takes part in.', zh: '每个实体参与了多少条关系。' },
    kind: 'size',
    parameters: [DIRECTION],
    compute: (graph, p, scope) => ({
      kind: 'size',
      values: weightedDegree(graph, { ...scope, direction: choiceParam(p, 'direction', DEGREE_DIRECTIONS) }),
    }),
  }),
  defineLens({
    id: 'pagerank',
    label: { en: 'PageRank', zh: 'PageRank 排名' },
    description: {
      en: 'Entities matter when entities that matter are related to them.',
      zh: '与重要实体相关的实体也更重要。',
    },
    kind: 'size',
    parameters: [
      { id: 'alpha', label: { en: 'Damping (alpha)', zh: '阻尼系数' }, type: 'number', default: 0.85, min: 0.05, max: 0.95, step: 0.05 },
      DIRECTED,
      WEIGHTED,
    ],
    compute: (graph, p, scope) => ({
      kind: 'size',
      values: pagerank(graph, {
        ...scope,
        alpha: numberParam(p, 'alpha'),
        directed: booleanParam(p, 'directed'),
        weighted: booleanParam(p, 'weighted'),
      }),
    }),
  }),
  defineLens({
    id: 'betweenness',
    label: { en: 'Betweenness', zh: '中介中心性' },
    description: {
      en: 'Brokers: entities on many shortest paths between others.',
      zh: '中间人:位于许多其他实体之间最短路径上的实体。',
    },
    kind: 'size',
    parameters: [DIRECTED, NORMALIZED(true)],
    compute: (graph, p, scope) => ({
      kind: 'size',
      values: betweenness(graph, { ...scope, directed: booleanParam(p, 'directed'), normalized: booleanParam(p, 'normalized') }),
    }),
  }),
  defineLens({
    id: 'louvain',
    label: { en: 'Communities (Louvain)', zh: '社区(Louvain)' },
    description: {
      en: 'Groups of entities more related to each other than to the rest.',
      zh: '彼此之间关系多于与其他实体关系的实体群组。',
    },
    kind: 'colour',
    parameters: [
      { id: 'resolution', label: { en: 'Resolution', zh: '分辨率' }, type: 'number', default: 1, min: 0.1, max: 10, step: 0.1 },
      {
        id: 'seed',
        label: { en: 'Random seed', zh: '随机种子' },
        type: 'number',
        default: 42,
        min: 0,
        max: 4294967295,
        step: 1,
        integer: true,
      },
      WEIGHTED,
    ],
    compute: (graph, p, scope) => {
      const { communities, membership, modularity } = louvainCommunities(graph, {
        ...scope,
        resolution: numberParam(p, 'resolution'),
        seed: numberParam(p, 'seed'),
        weighted: booleanParam(p, 'weighted'),
      });
      return { kind: 'colour', values: membership, communities, modularity };
    },
  }),
];

/** Every lens that gives a number per entity (node size, rankings), in registry order: a new size lens is listed here by its `kind` alone. */
export const SIZE_LENS_IDS: readonly LensId[] = LENSES.filter((l) => l.kind === 'size').map((l) => l.id);

/** The lens with this id; `LENS_UNKNOWN` (with a did-you-mean) otherwise. */
export function lensById(id: string): Lens {
  const lens = LENSES.find((l) => l.id === id);
  if (lens) return lens;
  const ids = LENSES.map((l) => l.id);
  const guess = didYouMean(id, ids);
  return fail('LENS_UNKNOWN', `lenses: unknown lens "${id}"`, {
    field: 'lens',
    hint: guess ? `did you mean "${guess}"?` : `lenses are ${ids.join(', ')}`,
  });
}

/** Runs a lens by id with user-given parameters (validated) over the whole graph or a scope (time slice, view). */
export function runLens(
  graph: KnowledgeGraph,
  id: string,
  params: Readonly<Record<string, ParameterValue | undefined>> = {},
  options: LensScope = {},
): LensResult {
  return lensById(id).run(graph, params, options);
}
