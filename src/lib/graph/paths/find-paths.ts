// The single entry of the path engine: paths in the chosen mode, common neighbours, and why there is no path.
import type { KnowledgeGraph } from '../model.ts';
import { enumerateDag } from './all-shortest-paths.ts';
import { commonNeighboursWith } from './common-neighbours.ts';
import { describeNoPath, explainNoPathWith, type NoPathReason } from './explain-no-path.ts';
import { kShortestRawPaths } from './k-shortest-paths.ts';
import { type Path, type RawPath, toPath } from './path.ts';
import type { PathOptions } from './path-options.ts';
import { shortestPathDag } from './shortest-path-dag.ts';
import { firstDagPath, prepareQuery } from './shortest-path.ts';

/** What a path query returns. `reason` is present exactly when `paths` is empty. */
export interface PathResult {
  paths: Path[];
  /** Entities adjacent to both endpoints under the same constraints, sorted by id. */
  common: string[];
  /** Whether `mode: 'all'` stopped listing at `maxPaths`. */
  truncated: boolean;
  reason?: NoPathReason;
}

/**
 * Finds paths from `from` to `to`: with `mode` `shortest` one shortest path, `all` every shortest path, `k` the
 * k best simple paths; never longer than `maxHops`. Every mode ranks by `comparePaths`: fewer hops, then fewer
 * opinion or prediction hops, then fewer hops against a relation's direction, then entity ids, then relation ids. Throws `KgError` (`PATH_UNKNOWN_ENTITY`,
 * `PATH_UNKNOWN_RELATION_TYPE`, `PATH_UNKNOWN_ENTITY_TYPE`, `PATH_BAD_OPTION`) on bad input.
 */
export function findPaths(graph: KnowledgeGraph, from: string, to: string, options?: Partial<PathOptions>): PathResult {
  const { options: resolved, traversal } = prepareQuery(graph, from, to, options);
  const { mode, maxHops } = resolved;
  let raw: RawPath[];
  let truncated = false;
  if (mode === 'k') {
    raw = kShortestRawPaths(traversal, from, to, resolved.k, maxHops);
  } else {
    const dag = shortestPathDag(traversal, from, to, { maxHops });
    if (dag === null) raw = [];
    else if (mode === 'shortest') raw = [firstDagPath(traversal, dag)];
    else ({ paths: raw, truncated } = enumerateDag(traversal, dag, resolved.maxPaths));
  }
  const result: PathResult = {
    paths: raw.map((path) => toPath(graph, path)),
    common: commonNeighboursWith(traversal, from, to),
    truncated,
  };
  if (raw.length === 0) {
    const cause = explainNoPathWith(graph, from, to, resolved) ?? { kind: 'not-connected' };
    result.reason = { ...cause, sentence: describeNoPath(graph, from, to, cause) };
  }
  return result;
}
