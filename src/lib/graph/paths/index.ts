// The path engine's public surface: find paths between two entities, explain a missing one, render one as text.
export { findPaths, type PathResult } from './find-paths.ts';
export { shortestPath, firstShortestPath, firstDagPath } from './shortest-path.ts';
export { allShortestPaths, enumerateDag, type PathListing } from './all-shortest-paths.ts';
export { kShortestPaths, kShortestRawPaths } from './k-shortest-paths.ts';
export { commonNeighbours, commonNeighboursWith } from './common-neighbours.ts';
export {
  explainNoPath,
  explainNoPathWith,
  describeNoPath,
  PATH_CONSTRAINTS,
  type PathConstraint,
  type NoPathCause,
  type NoPathReason,
} from './explain-no-path.ts';
export { pathSentence, hopConnector, hopQualifiers } from './path-sentence.ts';
export { pathCitations } from './path-citations.ts';
export { entityName, relationLabel, entityTypeLabel, type PathLanguage } from './labels.ts';
export { comparePaths, hopCost, pathCost, NON_FACT_COST, toPath, type Path, type PathEdge, type RawPath } from './path.ts';
export {
  resolvePathOptions,
  requireEntity,
  DEFAULTS,
  BOUNDS,
  PATH_MODES,
  PATH_DIRECTIONS,
  type PathMode,
  type PathDirection,
  type PathOptions,
  type ResolvedPathOptions,
  type ViewFilter,
} from './path-options.ts';
export { createTraversal, forEachStep, stepsFrom, compareIds, type Step, type Traversal } from './traversal.ts';
export { shortestPathDag, forEachDagStep, type ShortestDag, type SearchLimits } from './shortest-path-dag.ts';
export { PATH_FLAGS, pathOptionsFromFlags, pathFlagsFromOptions, type PathFlag, type PathFlags } from './path-flags.ts';
