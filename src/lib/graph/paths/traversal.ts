// The traversal step: which relations a path query may walk from an entity, and in which direction.
import type { KnowledgeGraph } from '../model.ts';
import { MODALITIES, type EntityAttributes, type Modality, type RelationAttributes } from '../types.ts';
import type { PathDirection, ResolvedPathOptions } from './path-options.ts';

/** One usable hop. `forward` tells whether it follows the relation's own direction (stored source → target). */
export interface Step {
  edge: string;
  from: string;
  to: string;
  forward: boolean;
}

/** A path query's constraints compiled for fast checks. Built once per query; never copies the graph. */
export interface Traversal {
  readonly graph: KnowledgeGraph;
  readonly direction: PathDirection;
  /** Whether a relation may be walked at all (type, modality, polarity, view). */
  edgeUsable(edge: string, relation: RelationAttributes): boolean;
  /** Whether an entity may be entered: endpoints always, others if no entity constraint rules them out. */
  nodeUsable(node: string, entity: EntityAttributes): boolean;
}

/**
 * Receives a usable hop from the node being expanded to (or, walking in reverse, from) `neighbour`, with the
 * relation's attributes and whether it is directed (what ranking a hop needs, at no extra cost to the search).
 */
export type StepCallback = (edge: string, neighbour: string, forward: boolean, relation: RelationAttributes, directed: boolean) => void;

const always = (): boolean => true;

/** Compiles resolved options into a traversal. `endpoints` are exempt from the entity constraints. */
export function createTraversal(graph: KnowledgeGraph, options: ResolvedPathOptions, endpoints: readonly string[]): Traversal {
  const include = options.relations === undefined ? undefined : new Set(options.relations);
  const exclude = new Set(options.excludeRelations ?? []);
  const modalities = new Set<Modality>(options.modalities);
  const edgeVisible = options.view?.edgeVisible;
  const allModalities = MODALITIES.every((m) => modalities.has(m));
  const { includeNegated } = options;
  const edgeUsable =
    include === undefined && exclude.size === 0 && allModalities && includeNegated && edgeVisible === undefined
      ? always
      : (edge: string, relation: RelationAttributes): boolean =>
          (includeNegated || relation.negated !== true) &&
          (include === undefined || include.has(relation.type)) &&
          !exclude.has(relation.type) &&
          (allModalities || modalities.has(relation.modality)) &&
          (edgeVisible === undefined || edgeVisible(edge));

  const exempt = new Set(endpoints);
  const excludedTypes = new Set(options.excludeTypes ?? []);
  const avoided = new Set(options.avoid ?? []);
  const nodeVisible = options.view?.nodeVisible;
  const nodeUsable =
    excludedTypes.size === 0 && avoided.size === 0 && nodeVisible === undefined
      ? always
      : (node: string, entity: EntityAttributes): boolean =>
          exempt.has(node) || (!excludedTypes.has(entity.type) && !avoided.has(node) && (nodeVisible === undefined || nodeVisible(node)));

  return { graph, direction: options.direction, edgeUsable, nodeUsable };
}

const REVERSED: Record<PathDirection, PathDirection> = { forward: 'backward', backward: 'forward', any: 'any' };

/**
 * Calls `callback` for every usable hop out of `node` (in graph order, unsorted: the hot loop of every search).
 * With `reverse`, lists the hops that *arrive* at `node` instead, as the backward half of a bidirectional search
 * needs; `forward` still describes the hop as walked (neighbour → node).
 */
export function forEachStep(traversal: Traversal, node: string, reverse: boolean, callback: StepCallback): void {
  const { graph, edgeUsable, nodeUsable } = traversal;
  const direction = reverse ? REVERSED[traversal.direction] : traversal.direction;
  if (direction !== 'backward') {
    graph.forEachOutEdge(node, (edge, relation, _source, target, _sourceEntity, targetEntity) => {
      if (edgeUsable(edge, relation) && nodeUsable(target, targetEntity)) callback(edge, target, !reverse, relation, true);
    });
  }
  if (direction !== 'forward') {
    graph.forEachInEdge(node, (edge, relation, source, _target, sourceEntity) => {
      if (edgeUsable(edge, relation) && nodeUsable(source, sourceEntity)) callback(edge, source, reverse, relation, true);
    });
  }
  graph.forEachUndirectedEdge(node, (edge, relation, source, target, sourceEntity, targetEntity) => {
    const atSource = source === node;
    const neighbour = atSource ? target : source;
    if (!edgeUsable(edge, relation) || !nodeUsable(neighbour, atSource ? targetEntity : sourceEntity)) return;
    // Walked away from `node`, the hop is forward when `node` is the stored source; walked in reverse, the opposite.
    callback(edge, neighbour, source === target || atSource !== reverse, relation, false);
  });
}

/**
 * The usable hops out of `node` (or, with `reverse`, into it), sorted by neighbour id then relation id so that
 * everything built on them is stable.
 */
export function stepsFrom(traversal: Traversal, node: string, reverse = false): Step[] {
  const steps: Step[] = [];
  forEachStep(traversal, node, reverse, (edge, neighbour, forward) => {
    steps.push(reverse ? { edge, from: neighbour, to: node, forward } : { edge, from: node, to: neighbour, forward });
  });
  const other = (s: Step): string => (reverse ? s.from : s.to);
  return steps.sort((a, b) => compareIds(other(a), other(b)) || compareIds(a.edge, b.edge) || +b.forward - +a.forward);
}

/** Code-unit order of ids: the one order every tie-break in this folder uses (locale-independent). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
