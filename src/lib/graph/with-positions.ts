// A compiled graph carrying the positions its entities have on screen, so exports keep the layout the user sees.
import type { CompiledGraph, Position } from './types.ts';

/** An entity's own position in `graph`, if it has one (an own key: ids such as `toString` are data). */
export function positionOf(graph: Pick<CompiledGraph, 'positions'>, id: string): Position | undefined {
  return graph.positions && Object.hasOwn(graph.positions, id) ? graph.positions[id] : undefined;
}

/**
 * A copy of `graph` whose positions are `placed` for every entity that has a finite one there (the canvas's), and
 * the graph's own for the rest; positions of ids that are not entities of `graph` are left out.
 */
export function withPositions(graph: CompiledGraph, placed: ReadonlyMap<string, Position>): CompiledGraph {
  const positions: Record<string, Position> = Object.create(null);
  let any = false;
  for (const { id } of graph.entities) {
    const seen = placed.get(id);
    const own = positionOf(graph, id);
    const position = seen && Number.isFinite(seen.x) && Number.isFinite(seen.y) ? seen : own;
    if (position) {
      positions[id] = { x: position.x, y: position.y };
      any = true;
    }
  }
  const { positions: _drop, ...rest } = graph;
  return any ? { ...rest, positions } : rest;
}
