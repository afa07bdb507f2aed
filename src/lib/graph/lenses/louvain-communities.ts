// Communities: groups of entities more related to each other than to the rest (Louvain, seeded so it is repeatable).
import louvain from 'graphology-communities-louvain';
import type { KnowledgeGraph } from '../model.ts';
import { pagerankOfSimple } from './pagerank.ts';
import { mulberry32 } from '../prng.ts';
import { byEntity, indexKeyed, simpleGraph, type LensScope } from './simple-graph.ts';

export interface Community {
  /** 0..n−1 in the order communities are listed: largest first, then by label. */
  id: number;
  /** Member entity ids, most central (PageRank) first. */
  members: string[];
  /** A suggested name: the English name (or id) of the most central member. */
  label: string;
  /** The id of that most central member, for a bilingual label. */
  centre: string;
  size: number;
}

export interface LouvainResult {
  communities: Community[];
  /** Community id of each entity. */
  membership: Map<string, number>;
  /** Newman modularity of the partition (at `resolution`); 0 for a graph without relations. */
  modularity: number;
}

export interface LouvainOptions extends LensScope {
  /** Above 1 favours more, smaller communities; below 1 fewer, larger ones. */
  resolution: number;
  /** Seed of the random visiting order: the same seed and data always give the same communities. */
  seed: number;
  /** Weight a link by how many relations it stands for (or their imported `weight`s). */
  weighted: boolean;
}

export const DEFAULTS: LouvainOptions = { resolution: 1, seed: 42, weighted: true };

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Louvain communities of the knowledge graph, relations taken as undirected links (a community is about who is
 * connected, whichever way the relation reads). Entities without relations form communities of one.
 */
export function louvainCommunities(graph: KnowledgeGraph, options: Partial<LouvainOptions> = {}): LouvainResult {
  const { resolution, seed, weighted, ...scope } = { ...DEFAULTS, ...options };
  const simple = simpleGraph(graph, { ...scope, directed: false });
  const keyed = indexKeyed(simple);
  const detailed = louvain.detailed(keyed.graph, { getEdgeWeight: weighted ? 'weight' : null, resolution, rng: mulberry32(seed) });
  const rank = pagerankOfSimple(simple, { weighted });

  const groups = new Map<number, string[]>();
  for (const [id, group] of byEntity(detailed.communities, keyed.ids, 0)) {
    const members = groups.get(group);
    if (members) members.push(id);
    else groups.set(group, [id]);
  }
  const centrality = (id: string): number => rank.get(id) ?? 0;
  const listed = [...groups.values()].map((members) => {
    members.sort((a, b) => centrality(b) - centrality(a) || simple.degree(b) - simple.degree(a) || byCodeUnits(a, b));
    const centre = members[0]!;
    const label = graph.getNodeAttribute(centre, 'name').en || centre;
    return { members, label, centre, size: members.length };
  });
  listed.sort((a, b) => b.size - a.size || byCodeUnits(a.label, b.label) || byCodeUnits(a.centre, b.centre));

  const membership = new Map<string, number>();
  const result = listed.map((c, id) => {
    for (const member of c.members) membership.set(member, id);
    return { id, ...c };
  });
  return { communities: result, membership, modularity: Number.isNaN(detailed.modularity) ? 0 : detailed.modularity };
}
