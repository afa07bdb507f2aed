// Random graphs and path queries for property tests: the engine's (paths.property.test.ts) and the PostgreSQL
// source's (tests/db/paths-property.test.ts) draw from the same arbitraries.
import fc from 'fast-check';
import { MultiGraph } from 'graphology';
import type { KnowledgeGraph } from '../model.ts';
import { MODALITIES } from '../types.ts';
import type { PathOptions } from './path-options.ts';

export const NODE_IDS = ['A', 'a', 'b', 'B10', 'b2', 'c', 'Z'];
export const ENTITY_TYPES = ['org', 'person'];
const DIRECTED_TYPES = ['funds', 'owns'];
/** `rival` is declared symmetric; `link` is undeclared, as in imported graphs, and comes both directed and not. */
const RELATION_TYPES = ['funds', 'owns', 'rival', 'link'];

export interface Case {
  graph: KnowledgeGraph;
  from: string;
  to: string;
  options: Partial<PathOptions> & Pick<PathOptions, 'mode' | 'k' | 'direction' | 'maxHops' | 'modalities'>;
}

// ---------- random graphs and queries ----------

export const graphArbitrary = fc
  .record({
    nodes: fc.oneof(
      { weight: 1, arbitrary: fc.shuffledSubarray(NODE_IDS, { minLength: 1 }) },
      { weight: 3, arbitrary: fc.shuffledSubarray(NODE_IDS, { minLength: 5 }) },
    ),
    types: fc.array(fc.constantFrom(...ENTITY_TYPES), { minLength: 7, maxLength: 7 }),
    edges: fc.array(
      fc.record({
        s: fc.nat(6),
        t: fc.nat(6),
        type: fc.constantFrom(...RELATION_TYPES),
        undirectedLink: fc.boolean(),
        modality: fc.constantFrom(...MODALITIES),
        // One relation in six is one the source denies.
        negated: fc.nat(5).map((n) => n === 0),
        label: fc.nat(30),
      }),
      { minLength: 5, maxLength: 18, size: 'max' },
    ),
  })
  .map(({ nodes, types, edges }) => {
    const graph: KnowledgeGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
    graph.replaceAttributes({
      title: 'random',
      entityTypes: ENTITY_TYPES.map((id) => ({ id, label: { en: id, zh: '' }, color: '#000000', shape: 'ellipse' as const })),
      relationTypes: ['funds', 'owns', 'rival'].map((id) => ({
        id,
        label: { en: id, zh: '' },
        reverse: { en: id, zh: '' },
        symmetric: id === 'rival',
        reflexive: true,
      })),
      sources: [],
    });
    nodes.forEach((id, i) => {
      graph.addNode(id, { id, type: types[i]!, name: { en: id, zh: '' }, aliases: [], description: { en: '', zh: '' } });
    });
    edges.forEach(({ s, t, type, undirectedLink, modality, negated, label }, i) => {
      const [source, target] = [nodes[s % nodes.length]!, nodes[t % nodes.length]!];
      const id = `r${label}_${i}`;
      const relation = { id, source, target, type, modality, evidence: [], ...(negated ? { negated: true as const } : {}) };
      const undirected = type === 'rival' || (type === 'link' && undirectedLink);
      if (undirected) graph.addUndirectedEdgeWithKey(id, source, target, relation);
      else graph.addDirectedEdgeWithKey(id, source, target, relation);
    });
    return graph;
  });

/** Left out three times in four, so that most queries are loose enough to have several paths. */
const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

export const caseArbitrary: fc.Arbitrary<Case> = graphArbitrary.chain((graph) => {
  const nodes = graph.nodes();
  const types = [...new Set([...DIRECTED_TYPES, 'rival', ...graph.mapEdges((_, r) => r.type)])];
  return fc
    .record({
      from: fc.constantFrom(...nodes),
      to: fc.constantFrom(...nodes),
      mode: fc.constantFrom('shortest' as const, 'all' as const, 'k' as const),
      k: fc.integer({ min: 1, max: 6 }),
      direction: fc.constantFrom('forward' as const, 'backward' as const, 'any' as const),
      maxHops: fc.integer({ min: 1, max: 7 }),
      modalities: fc.oneof({ weight: 2, arbitrary: fc.constant([...MODALITIES]) }, { weight: 1, arbitrary: fc.subarray([...MODALITIES]) }),
      includeNegated: optional(fc.constant(true)),
      relations: optional(fc.subarray(types)),
      excludeRelations: optional(fc.subarray(types, { maxLength: 2 })),
      excludeTypes: optional(fc.subarray(ENTITY_TYPES, { maxLength: 1 })),
      avoid: optional(fc.subarray(nodes, { maxLength: Math.min(2, nodes.length) })),
      hidden: optional(
        fc.record({
          nodes: fc.subarray(nodes, { maxLength: Math.min(2, nodes.length) }),
          edges: fc.subarray(graph.edges(), { maxLength: Math.min(3, graph.size) }),
        }),
      ),
    })
    .map(({ from, to, hidden, ...options }) => ({
      graph,
      from,
      to,
      options: {
        ...options,
        view: hidden && {
          nodeVisible: (id: string) => !hidden.nodes.includes(id),
          edgeVisible: (id: string) => !hidden.edges.includes(id),
        },
      },
    }));
});
