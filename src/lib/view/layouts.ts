// Layout descriptors: fcose for refinement (loaded on demand), concentric and grid; options shared with the precompute.
import cytoscape from 'cytoscape';
import type { LayoutOptions } from 'cytoscape';

let fcoseLoaded: Promise<void> | undefined;

/** Loads and registers the fcose extension once; it is not in the initial bundle because no layout runs on load. */
export function loadFcose(): Promise<void> {
  fcoseLoaded ??= import('cytoscape-fcose').then(({ default: fcose }) => {
    cytoscape.use(fcose);
  });
  return fcoseLoaded;
}

export interface LayoutDescriptor {
  id: string;
  label: string;
  /** Extensions the layout needs before it can run. */
  load?: () => Promise<void>;
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
    load: loadFcose,
    options: (size) => fcoseOptions(size, { randomize: false, animate: true, animationDuration: 600 }),
  },
  {
    id: 'fcose-fresh',
    label: 'Force-directed from scratch',
    load: loadFcose,
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

/** A seeded PRNG (mulberry32), so layouts are identical run to run. */
export { mulberry32 as seededRandom } from '../graph/prng.ts';
