// The k shortest simple paths between two entities: Yen's algorithm, with Lawler's partitioning of the search space.
import type { KnowledgeGraph } from '../model.ts';
import { comparePaths, type Path, type RawPath, toPath } from './path.ts';
import type { PathOptions } from './path-options.ts';
import { firstShortestPath, prepareQuery } from './shortest-path.ts';
import type { Traversal } from './traversal.ts';

/**
 * A found path together with the part of the search space it is the best of: the simple paths that share its
 * first `deviation` hops and whose next hop is none of `excluded`.
 */
interface Candidate {
  path: RawPath;
  deviation: number;
  excluded: ReadonlySet<string>;
}

/**
 * The first `k` simple paths from `from` to `to` with at most `maxHops` hops, in path order (`comparePaths`:
 * fewer hops, then fewer non-fact hops, then fewer hops against a relation's direction, then entity ids, then
 * relation ids).
 *
 * Why this is exact: each candidate is the best path of its part of the search space. Taking the best candidate
 * out splits the rest of its part by the first hop where a path leaves it; each piece's best is the shared root
 * plus the best spur path from the leaving entity that avoids the root's entities and the excluded next hops. That
 * holds for this order because it is additive along a path: for paths that share a root, hop count and `pathCost`
 * are the root's plus the spur's, and the entity and relation sequences share the root's prefix, so two such paths
 * compare exactly as their spurs do. The spur search ranks by that same order (`firstShortestPath`: fewest hops,
 * then the least `pathCost` over the shortest-path DAG, then ids), so it finds exactly the best spur, not merely a
 * shortest one. The pieces never overlap, so no path is found twice. Candidates are taken out by the full order,
 * so among the paths as long as the k-th one, the best by cost and ids are the ones returned.
 */
export function kShortestRawPaths(traversal: Traversal, from: string, to: string, k: number, maxHops: number): RawPath[] {
  const first = firstShortestPath(traversal, from, to, { maxHops });
  if (first === null) return [];
  const found: RawPath[] = [];
  const candidates: Candidate[] = [{ path: first, deviation: 0, excluded: new Set() }];
  while (found.length < k && candidates.length > 0) {
    const best = takeBest(candidates);
    found.push(best.path);
    if (found.length === k) break;
    const { path } = best;
    for (let j = best.deviation; j < path.edges.length; j++) {
      const excluded = new Set(j === best.deviation ? best.excluded : []);
      excluded.add(path.edges[j]!);
      const spur = firstShortestPath(traversal, path.nodes[j]!, to, {
        maxHops: maxHops - j,
        blockedNodes: new Set(path.nodes.slice(0, j)),
        blockedEdges: excluded,
      });
      if (spur === null) continue;
      candidates.push({
        path: {
          nodes: [...path.nodes.slice(0, j), ...spur.nodes],
          edges: [...path.edges.slice(0, j), ...spur.edges],
          forward: [...path.forward.slice(0, j), ...spur.forward],
          modality: [...path.modality.slice(0, j), ...spur.modality],
          directed: [...path.directed.slice(0, j), ...spur.directed],
        },
        deviation: j,
        excluded,
      });
    }
  }
  return found;
}

/** Removes and returns the best candidate. Candidates stay few (at most k × maxHops), so a linear scan is enough. */
function takeBest(candidates: Candidate[]): Candidate {
  let bestIndex = 0;
  for (let i = 1; i < candidates.length; i++) {
    if (comparePaths(candidates[i]!.path, candidates[bestIndex]!.path) < 0) bestIndex = i;
  }
  const [best] = candidates.splice(bestIndex, 1);
  return best!;
}

/**
 * The `k` best simple paths (no entity twice) from `from` to `to` with at most `maxHops` hops, in path order:
 * fewer hops first, then fewer non-fact hops, then fewer hops against a relation's direction, then by entity ids,
 * then relation ids. From an entity to itself: only the zero-length path.
 */
export function kShortestPaths(graph: KnowledgeGraph, from: string, to: string, options?: Partial<PathOptions>): Path[] {
  const query = prepareQuery(graph, from, to, options);
  const { k, maxHops } = query.options;
  return kShortestRawPaths(query.traversal, from, to, k, maxHops).map((raw) => toPath(graph, raw));
}
