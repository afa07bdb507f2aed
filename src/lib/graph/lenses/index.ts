// The analysis lenses' public surface: who matters most (centralities), which clusters form, and the graph as of a date.
export { simpleGraph, relationWeight, type SimpleGraph, type SimpleEdge, type SimpleGraphOptions, type LensScope } from './simple-graph.ts';
export { degree, DEGREE_DIRECTIONS, DEFAULTS as DEGREE_DEFAULTS, type DegreeDirection, type DegreeOptions } from './degree.ts';
export { weightedDegree, DEFAULTS as WEIGHTED_DEGREE_DEFAULTS, type WeightedDegreeOptions } from './weighted-degree.ts';
export { pagerank, pagerankOfSimple, DEFAULTS as PAGERANK_DEFAULTS, type PagerankOptions } from './pagerank.ts';
export { betweenness, DEFAULTS as BETWEENNESS_DEFAULTS, type BetweennessOptions } from './betweenness.ts';
export {
  louvainCommunities,
  DEFAULTS as LOUVAIN_DEFAULTS,
  type Community,
  type LouvainOptions,
  type LouvainResult,
} from './louvain-communities.ts';
export { ranking, type Ranked } from './ranking.ts';
export { mulberry32 } from '../prng.ts';
export {
  asOfBound,
  asOfEdgeFilter,
  graphAsOf,
  relationsAsOf,
  relationStart,
  DEFAULTS as AS_OF_DEFAULTS,
  type AsOfOptions,
} from './as-of.ts';
export { datedTimeline, type Timeline, type TimelineStop } from './dated-timeline.ts';
export { scaleOf, DEFAULTS as SCALE_DEFAULTS, type ScaleOptions, type SizeScale } from './scale.ts';
export {
  resolveParameters,
  defaultParameters,
  type LensParameter,
  type NumberParameter,
  type BooleanParameter,
  type ChoiceParameter,
  type LensParams,
  type ParameterValue,
} from './lens-parameters.ts';
export {
  LENSES,
  LENS_IDS,
  lensById,
  runLens,
  SIZE_LENS_IDS,
  type Lens,
  type LensId,
  type LensKind,
  type LensOutput,
  type LensResult,
} from './registry.ts';
