// Layout descriptors (fcose for refinement, preset for precomputed positions) and the deterministic compile-time layout.
import cytoscape from 'cytoscape';
import type { LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CompiledGraph, Position } from '../graph/types.ts';
import { layoutBox } from './elements.ts';

cytoscape.use(fcose);

export interface LayoutDescriptor {
  id: string;
  label: string;
  options(size: number): LayoutOptions;
}

/** fcose tuned for labelled nodes: node dimensions include labels so labels do not overlap. */
export function fcoseOptions(size: number, overrides: Record<string, unknown> = {}): LayoutOptions {
  return {
    name: 'fcose',
    quality: size > 800 ? 'draft' : 'default',
    randomize: true,
    animate: false,
    nodeDimensionsIncludeLabels: true,
    nodeSeparation: 90,
    idealEdgeLength: () => 110,
    nodeRepulsion: () => 9000,
    edgeElasticity: () => 0.35,
    gravity: 0.2,
    packComponents: true,
    numIter: 2500,
    ...overrides,
  } as LayoutOptions;
}

export const LAYOUTS: readonly LayoutDescriptor[] = [
  {
    id: 'fcose',
    label: 'Force-directed (fcose)',
    options: (size) => fcoseOptions(size, { randomize: false, animate: true, animationDuration: 600 }),
  },
  {
    id: 'fcose-fresh',
    label: 'Force-directed from scratch',
    options: (size) => fcoseOptions(size, { animate: true, animationDuration: 600 }),
  },
  {
    id: 'concentric',
    label: 'Concentric by degree',
    options: () =>
      ({
        name: 'concentric',
        animate: true,
        minNodeSpacing: 30,
        concentric: (n: cytoscape.NodeSingular) => n.degree(false),
        levelWidth: () => 2,
      }) as LayoutOptions,
  },
  { id: 'grid', label: 'Grid', options: () => ({ name: 'grid', animate: true, avoidOverlap: true }) as LayoutOptions },
];

/** A small seeded PRNG (mulberry32), so layouts are identical run to run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Computes positions ahead of time in headless Cytoscape, deterministically (seeded Math.random during the run).
 * Node boxes include their labels in either language, so the app can show the graph without running a layout.
 */
export function computePositions(graph: CompiledGraph, seed = 42): Record<string, Position> {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
    elements: [
      ...graph.entities.map((e) => ({ group: 'nodes' as const, data: { id: e.id, ...layoutBox(e) } })),
      ...graph.relations.map((r) => ({ group: 'edges' as const, data: { id: r.id, source: r.source, target: r.target } })),
    ],
  });
  const random = Math.random;
  Math.random = seededRandom(seed);
  try {
    cy.layout(fcoseOptions(graph.entities.length, { nodeDimensionsIncludeLabels: false })).run();
  } finally {
    Math.random = random;
  }
  const positions: Record<string, Position> = Object.create(null) as Record<string, Position>;
  cy.nodes().forEach((n) => {
    const p = n.position();
    positions[n.id()] = { x: Math.round(p.x * 10) / 10, y: Math.round(p.y * 10) / 10 };
  });
  cy.destroy();
  // Sorted keys keep the artifact byte-identical.
  return Object.fromEntries(Object.entries(positions).sort(([a], [b]) => (a < b ? -1 : 1)));
}
