// Reads GraphML (keys and data, edge direction) into the format-neutral raw graph; exotic features are counted.
import type { Element } from '@xmldom/xmldom';
import { FeatureCounter, declarationIndex, typedValue, type AttributeDeclaration } from './declared-attributes.ts';
import type { AttributeValue, RawEdge, RawGraph, RawNode } from './import-types.ts';
import type { ProblemCollector } from './problems.ts';
import { attribute, childElements, firstChild, parseXml, position, textOf } from './xml.ts';

type Domain = 'node' | 'edge' | 'graph';

/**
 * Parses GraphML text: `<key>` declarations (with defaults), node and edge `<data>`, `edgedefault` and per-edge
 * `directed`. Hyperedges, nested graphs, ports and extra top-level graphs are ignored and counted in a notice.
 */
export function readGraphml(text: string, problems: ProblemCollector, fallbackTitle: string): RawGraph {
  const root = parseXml(text, problems).documentElement!;
  if (root.localName !== 'graphml') {
    problems.fatal('IMPORT_GRAPHML_SHAPE', `expected a <graphml> root element, found <${root.nodeName}>`, position(root));
  }
  const graphs = childElements(root, 'graph');
  const graph = graphs[0];
  if (!graph) return problems.fatal('IMPORT_GRAPHML_SHAPE', 'the GraphML file has no <graph> element', position(root));
  const features = new FeatureCounter();
  features.ignore('extra top-level graphs', graphs.length - 1);
  const keys = declarations(root);

  const nodes: RawNode[] = [];
  for (const el of childElements(graph, 'node')) {
    const id = attribute(el, 'id');
    if (id === undefined) {
      problems.error('IMPORT_GRAPHML_SHAPE', 'a <node> has no id attribute', position(el));
      continue;
    }
    nodes.push({ id, attributes: data(el, keys.node, features), ...position(el) });
    features.ignore('nested graphs (inside nodes)', childElements(el, 'graph').length);
    features.ignore('ports', childElements(el, 'port').length);
  }

  const directedDefault = attribute(graph, 'edgedefault') === 'directed';
  const edges: RawEdge[] = [];
  for (const el of childElements(graph, 'edge')) {
    const directed = attribute(el, 'directed');
    const edge: RawEdge = {
      source: attribute(el, 'source') ?? '',
      target: attribute(el, 'target') ?? '',
      directed: directed === undefined ? directedDefault : directed === 'true' || directed === '1',
      attributes: data(el, keys.edge, features),
      ...position(el),
    };
    const id = attribute(el, 'id');
    if (id !== undefined) edge.id = id;
    if (attribute(el, 'sourceport') !== undefined || attribute(el, 'targetport') !== undefined) features.ignore('edge port references');
    features.ignore('nested graphs (inside edges)', childElements(el, 'graph').length);
    edges.push(edge);
  }
  features.ignore('hyperedges', childElements(graph, 'hyperedge').length);

  const graphData = data(graph, keys.graph, features);
  const title = graphData.get('name') ?? graphData.get('title') ?? graphData.get('label');
  features.flush(problems, 'GraphML');
  return { title: typeof title === 'string' && title.trim() !== '' ? title : fallbackTitle, nodes, edges };
}

/** `<key>`s by domain; a key `for="all"` applies to every domain. */
function declarations(root: Element): Record<Domain, Map<string, AttributeDeclaration>> {
  const lists: Record<Domain, AttributeDeclaration[]> = { node: [], edge: [], graph: [] };
  for (const el of childElements(root, 'key')) {
    const id = attribute(el, 'id');
    if (id === undefined) continue;
    const declaration: AttributeDeclaration = { id, name: attribute(el, 'attr.name') || id, type: attribute(el, 'attr.type') ?? 'string' };
    const fallback = firstChild(el, 'default');
    if (fallback) declaration.default = textOf(fallback);
    const domain = attribute(el, 'for') ?? 'all';
    for (const d of ['node', 'edge', 'graph'] as const) if (domain === d || domain === 'all') lists[d].push(declaration);
  }
  return { node: declarationIndex(lists.node), edge: declarationIndex(lists.edge), graph: declarationIndex(lists.graph) };
}

/** `<data key="…">text</data>` values, with declared defaults filled in. Structured (element) content is skipped. */
function data(el: Element, keys: Map<string, AttributeDeclaration>, features: FeatureCounter): Map<string, AttributeValue> {
  const out = new Map<string, AttributeValue>();
  const seen = new Set<string>();
  for (const item of childElements(el, 'data')) {
    const key = attribute(item, 'key');
    if (key === undefined) continue;
    if (childElements(item).length > 0) {
      features.ignore('structured <data> values (e.g. yEd graphics)');
      continue;
    }
    const declaration = keys.get(key);
    if (!declaration) features.undeclared(key);
    out.set(declaration?.name ?? key, typedValue(textOf(item), declaration?.type));
    seen.add(key);
  }
  for (const declaration of keys.values()) {
    if (!seen.has(declaration.id) && declaration.default !== undefined)
      out.set(declaration.name, typedValue(declaration.default, declaration.type));
  }
  return out;
}
