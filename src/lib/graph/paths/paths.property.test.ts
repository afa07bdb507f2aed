// Property tests: every mode, direction and constraint checked against a brute-force enumeration of all simple paths.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseArbitrary, type Case } from './paths.arbitraries.ts';
import { MODALITIES } from '../types.ts';
import {
  createTraversal,
  findPaths,
  PATH_CONSTRAINTS,
  type NoPathReason,
  type Path,
  type PathConstraint,
  type PathOptions,
  resolvePathOptions,
  stepsFrom,
} from './index.ts';

/** Fixed seed and bounded runs; PATHS_PROPERTY_RUNS / PATHS_PROPERTY_SEED widen the search when hunting a bug. */
const RUNS = {
  seed: Number(process.env.PATHS_PROPERTY_SEED ?? 20250120),
  numRuns: Number(process.env.PATHS_PROPERTY_RUNS ?? 200),
} as const;
interface Hop {
  edge: string;
  to: string;
  forward: boolean;
}

interface Found {
  nodes: string[];
  edges: string[];
  forward: boolean[];
}

// ---------- the brute-force oracle: written from the definitions, sharing no code with the engine ----------

/** Every usable hop out of `node`, found by scanning all relations of the graph. */
function oracleHops({ graph, from, to, options: o }: Case, node: string): Hop[] {
  const hops: Hop[] = [];
  const entityOk = (id: string): boolean =>
    id === from ||
    id === to ||
    (!(o.excludeTypes ?? []).includes(graph.getNodeAttribute(id, 'type')) &&
      !(o.avoid ?? []).includes(id) &&
      o.view?.nodeVisible?.(id) !== false);
  graph.forEachEdge((edge, relation, source, target, _sa, _ta, undirected) => {
    if (o.relations && !o.relations.includes(relation.type)) return;
    if ((o.excludeRelations ?? []).includes(relation.type)) return;
    if (!o.modalities.includes(relation.modality) || o.view?.edgeVisible?.(edge) === false) return;
    if (relation.negated && !o.includeNegated) return;
    if (source === node && (undirected || o.direction !== 'backward')) hops.push({ edge, to: target, forward: true });
    if (target === node && (undirected || o.direction !== 'forward')) hops.push({ edge, to: source, forward: false });
  });
  return hops.filter((h) => entityOk(h.to));
}

/** All simple paths from `from` to `to`, of any length, unsorted. */
function allSimplePaths(c: Case): Found[] {
  const found: Found[] = [];
  const walk = (path: Found): void => {
    const last = path.nodes[path.nodes.length - 1]!;
    if (last === c.to) {
      found.push(path);
      return;
    }
    for (const hop of oracleHops(c, last)) {
      if (path.nodes.includes(hop.to)) continue;
      walk({ nodes: [...path.nodes, hop.to], edges: [...path.edges, hop.edge], forward: [...path.forward, hop.forward] });
    }
  };
  walk({ nodes: [c.from], edges: [], forward: [] });
  return found;
}

const compareLists = (a: string[], b: string[]): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length - b.length;
};

/** How many hops of a path go through an opinion or a prediction, read off the graph. */
const nonFactHops = (c: Case, p: Found): number => p.edges.filter((e) => c.graph.getEdgeAttribute(e, 'modality') !== 'fact').length;

/** How many hops of a path walk a directed relation target → source, read off the graph. */
const reversedHops = (c: Case, p: Found): number => p.edges.filter((e, i) => c.graph.isDirected(e) && !p.forward[i]).length;

/**
 * The simple paths within the hop limit, ranked by length, then non-fact hops, then hops against a relation's
 * direction, then entity ids, then relation ids.
 */
function oracle(c: Case, maxHops = c.options.maxHops): Found[] {
  return allSimplePaths(c)
    .filter((p) => p.edges.length <= maxHops)
    .map((p) => ({ p, key: [p.edges.length, nonFactHops(c, p), reversedHops(c, p)] }))
    .sort(
      (a, b) =>
        a.key[0]! - b.key[0]! ||
        a.key[1]! - b.key[1]! ||
        a.key[2]! - b.key[2]! ||
        compareLists(a.p.nodes, b.p.nodes) ||
        compareLists(a.p.edges, b.p.edges),
    )
    .map(({ p }) => p);
}

const raw = (p: Path): Found => ({ nodes: p.nodes, edges: p.edges.map((e) => e.id), forward: p.edges.map((e) => e.forward) });
const withMode = (c: Case, mode: PathOptions['mode']): Case => ({ ...c, options: { ...c.options, mode } });

// ---------- relaxing one constraint, as the explanation describes it ----------

const UNLIMITED = 99;

function relaxed(c: Case, constraint: PathConstraint): { c: Case; maxHops: number } {
  const o = c.options;
  const change: Record<PathConstraint, Partial<PathOptions>> = {
    'max-hops': {},
    modality: { modalities: [...MODALITIES] },
    negated: { includeNegated: true },
    direction: { direction: 'any' },
    'relation-types': { relations: undefined },
    'excluded-relations': { excludeRelations: [] },
    'excluded-entity-types': { excludeTypes: [] },
    'avoided-entities': { avoid: [] },
    'view-filter': { view: undefined },
  };
  return { c: { ...c, options: { ...o, ...change[constraint] } }, maxHops: constraint === 'max-hops' ? UNLIMITED : o.maxHops };
}

function relaxedAll(c: Case, constraints: readonly PathConstraint[]): { c: Case; maxHops: number } {
  return constraints.reduce(
    (acc, constraint) => {
      const next = relaxed(acc.c, constraint);
      return { c: next.c, maxHops: Math.max(acc.maxHops, next.maxHops) };
    },
    { c, maxHops: c.options.maxHops },
  );
}

const connected = ({ c, maxHops }: { c: Case; maxHops: number }): boolean => oracle(c, maxHops).length > 0;

/** Applies exactly the change a reason names, for the cases that name one. */
function applyReason(c: Case, reason: NoPathReason): { c: Case; maxHops: number } {
  const o = c.options;
  const set = (options: Partial<PathOptions>) => ({ c: { ...c, options: { ...o, ...options } }, maxHops: o.maxHops });
  switch (reason.kind) {
    case 'max-hops':
      return { c, maxHops: reason.needed };
    case 'modality':
      return set({ modalities: [...o.modalities, ...reason.needs] });
    case 'negated':
      return set({ includeNegated: true });
    case 'direction':
      return set({ direction: 'any' });
    case 'relation-types':
      return set({ relations: [...(o.relations ?? []), ...reason.needs] });
    case 'excluded-relations':
      return set({ excludeRelations: o.excludeRelations?.filter((t) => !reason.types.includes(t)) });
    case 'excluded-entity-types':
      return set({ excludeTypes: o.excludeTypes?.filter((t) => !reason.types.includes(t)) });
    case 'avoided-entities':
      return set({ avoid: o.avoid?.filter((id) => !reason.entities.includes(id)) });
    case 'view-filter':
      return set({
        view: {
          nodeVisible: (id) => reason.entities.includes(id) || o.view?.nodeVisible?.(id) !== false,
          edgeVisible: (id) => reason.relations.includes(id) || o.view?.edgeVisible?.(id) !== false,
        },
      });
    case 'combined':
      return relaxedAll(c, reason.constraints);
    case 'not-connected':
      return relaxedAll(c, PATH_CONSTRAINTS);
  }
}

// ---------- the properties ----------

describe('paths against brute force', () => {
  it('one shortest path is the first of all simple paths in path order', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { paths } = findPaths(c.graph, c.from, c.to, withMode(c, 'shortest').options);
        expect(paths.map(raw)).toEqual(oracle(c).slice(0, 1));
      }),
      RUNS,
    );
  });

  it('all shortest paths are exactly the brute-force paths of minimum length, in order', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const expected = oracle(c);
        const shortest = expected.filter((p) => p.edges.length === expected[0]?.edges.length);
        const result = findPaths(c.graph, c.from, c.to, withMode(c, 'all').options);
        expect(result.paths.map(raw)).toEqual(shortest);
        expect(result.truncated).toBe(false);
      }),
      RUNS,
    );
  });

  it('all shortest paths cut at maxPaths are the first ones in path order', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 1, max: 4 }), (c, maxPaths) => {
        const expected = oracle(c);
        const shortest = expected.filter((p) => p.edges.length === expected[0]?.edges.length);
        const result = findPaths(c.graph, c.from, c.to, { ...withMode(c, 'all').options, maxPaths });
        expect(result.paths.map(raw)).toEqual(shortest.slice(0, maxPaths));
        expect(result.truncated).toBe(shortest.length > maxPaths);
      }),
      RUNS,
    );
  });

  it('k best simple paths are the first k of brute force', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { paths } = findPaths(c.graph, c.from, c.to, withMode(c, 'k').options);
        expect(paths.map(raw)).toEqual(oracle(c).slice(0, c.options.k));
      }),
      RUNS,
    );
  });

  it('every returned path is consecutive, simple, within the limit and walks usable hops only', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        for (const path of findPaths(c.graph, c.from, c.to, c.options).paths) {
          expect(path.nodes[0]).toBe(c.from);
          expect(path.nodes[path.length]).toBe(c.to);
          expect(path.length).toBe(path.edges.length);
          expect(path.length).toBeLessThanOrEqual(c.options.maxHops);
          expect(new Set(path.nodes).size).toBe(path.nodes.length);
          path.edges.forEach((edge, i) => {
            const [here, there] = [path.nodes[i]!, path.nodes[i + 1]!];
            expect([edge.source, edge.target]).toEqual(edge.forward ? [here, there] : [there, here]);
            expect([edge.source, edge.target, edge.directed]).toEqual([
              c.graph.source(edge.id),
              c.graph.target(edge.id),
              c.graph.isDirected(edge.id),
            ]);
            expect(oracleHops(c, here)).toContainEqual({ edge: edge.id, to: there, forward: edge.forward });
          });
        }
      }),
      RUNS,
    );
  });

  it('explains a missing path with a reason that holds, and only when there is no path', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { paths, reason } = findPaths(c.graph, c.from, c.to, c.options);
        expect(reason === undefined).toBe(paths.length > 0);
        if (reason === undefined) return;
        const rank = PATH_CONSTRAINTS.indexOf(reason.kind as PathConstraint);
        const earlier = rank < 0 ? PATH_CONSTRAINTS : PATH_CONSTRAINTS.slice(0, rank);
        // Constraints ranked before the reported one do not connect the endpoints when relaxed alone.
        for (const constraint of earlier) expect(connected(relaxed(c, constraint))).toBe(false);
        if (reason.kind === 'not-connected') {
          expect(connected(applyReason(c, reason))).toBe(false);
          return;
        }
        expect(connected(applyReason(c, reason))).toBe(true);
        if (reason.kind === 'max-hops') {
          expect(oracle(c, reason.needed - 1)).toEqual([]);
          expect(reason.limit).toBe(c.options.maxHops);
        }
        if (reason.kind === 'combined') {
          expect(reason.constraints.length).toBeGreaterThan(1);
          for (const kept of reason.constraints) {
            expect(
              connected(
                relaxedAll(
                  c,
                  reason.constraints.filter((x) => x !== kept),
                ),
              ),
            ).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('common neighbours are exactly the middles of usable two-hop walks', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const middles = oracleHops(c, c.from)
          .map((h) => h.to)
          .filter((m) => m !== c.from && m !== c.to && oracleHops(c, m).some((h) => h.to === c.to));
        const expected = [...new Set(middles)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(findPaths(c.graph, c.from, c.to, c.options).common).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('traversal steps are the brute-force hops, sorted by neighbour then relation', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const traversal = createTraversal(c.graph, resolvePathOptions(c.graph, c.options), [c.from, c.to]);
        const steps = stepsFrom(traversal, c.from).map(({ edge, to, forward }) => ({ edge, to, forward }));
        const key = (h: Hop): string => `${h.to}\u0000${h.edge}\u0000${h.forward}`;
        // A directed self-loop is one hop each way; an undirected one a single forward hop.
        const expected = oracleHops(c, c.from).filter(
          (h, i, all) => !(c.graph.isUndirected(h.edge) && h.to === c.from && all.findIndex((x) => x.edge === h.edge) !== i),
        );
        expect(steps.map(key).sort()).toEqual(expected.map(key).sort());
        expect(steps.map((s) => [s.to, s.edge])).toEqual([...steps.map((s) => [s.to, s.edge])].sort((a, b) => compareLists(a, b)));
      }),
      RUNS,
    );
  });
});
