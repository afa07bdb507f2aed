// graphology keeps each node's neighbours in plain objects keyed by neighbour id (`nodeData.out[target]`), so an
// entity called `__proto__` replaces that object's prototype and one called `constructor` or `toString` reads as an
// edge that is not there: `kg stats` then crashed inside graphology, and the browser could not select a neighbour.
// `protoSafe` makes a graph instance keep those indices in prototype-free objects, so every id is plain data. Every
// graph the engine builds goes through it (model.ts, simple-graph.ts; copies stay safe).
import type { AbstractGraph } from 'graphology-types';

type NodeDataClass = new (key: string, attributes: unknown) => { clear(): void } & Record<string, unknown>;

interface GraphInternals {
  NodeDataClass: NodeDataClass;
  _nodes: Map<string, Record<string, object | undefined>>;
}

const own = (index: object | undefined, key: string): boolean => index !== undefined && Object.prototype.hasOwnProperty.call(index, key);

const SAFE = new WeakSet<NodeDataClass>();

function safeNodeData(Base: NodeDataClass): NodeDataClass {
  if (SAFE.has(Base)) return Base;
  class SafeNodeData extends Base {
    override clear(): void {
      super.clear();
      for (const index of ['in', 'out', 'undirected']) if (this[index] !== undefined) this[index] = Object.create(null);
    }
  }
  SAFE.add(SafeNodeData);
  return SafeNodeData;
}

/**
 * Makes `graph` (empty: call it before adding nodes) keep its adjacency indices in prototype-free objects, and answers
 * the two-argument `hasEdge` forms, which call `index.hasOwnProperty`, without that method. Copies are made safe too.
 */
export function protoSafe<G extends AbstractGraph>(graph: G): G {
  const internals = graph as unknown as GraphInternals;
  if (internals._nodes.size > 0) throw new Error('protoSafe: the graph must be empty');
  internals.NodeDataClass = safeNodeData(internals.NodeDataClass);
  const nodes = internals._nodes;
  const patch = graph as unknown as Record<string, (...args: unknown[]) => unknown>;
  const between = (name: 'hasDirectedEdge' | 'hasUndirectedEdge' | 'hasEdge', indices: Array<'out' | 'undirected'>): void => {
    const original = patch[name]!.bind(graph);
    patch[name] = (...args: unknown[]) => {
      if (args.length !== 2) return original(...args);
      const data = nodes.get(String(args[0]));
      return data !== undefined && indices.some((index) => own(data[index], String(args[1])));
    };
  };
  if (graph.type !== 'undirected') between('hasDirectedEdge', ['out']);
  if (graph.type !== 'directed') between('hasUndirectedEdge', ['undirected']);
  between('hasEdge', graph.type === 'mixed' ? ['out', 'undirected'] : graph.type === 'directed' ? ['out'] : ['undirected']);
  // graphology builds copies from its base class: each copy is rebuilt as a safe graph, then filled from this one.
  const nullCopy = patch['nullCopy']!.bind(graph) as (options?: unknown) => AbstractGraph;
  patch['nullCopy'] = (options?: unknown) => protoSafe(nullCopy(options));
  patch['emptyCopy'] = (options?: unknown) => {
    const copy = patch['nullCopy']!(options) as AbstractGraph;
    graph.forEachNode((node, attributes) => copy.addNode(node, { ...attributes }));
    return copy;
  };
  patch['copy'] = (options?: unknown) => {
    const copy = patch['emptyCopy']!(options) as AbstractGraph;
    graph.forEachEdge((edge, attributes, source, target, _s, _t, undirected) => {
      if (undirected) copy.addUndirectedEdgeWithKey(edge, source, target, { ...attributes });
      else copy.addDirectedEdgeWithKey(edge, source, target, { ...attributes });
    });
    return copy;
  };
  return graph;
}
