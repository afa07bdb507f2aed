// Reads GEXF 1.0–1.3 (any namespace, including gephi.org and 1.1draft) into the format-neutral raw graph.
import type { Element } from '@xmldom/xmldom';
import { FeatureCounter, declarationIndex, typedValue, type AttributeDeclaration } from './declared-attributes.ts';
import type { AttributeValue, RawEdge, RawGraph, RawNode } from './import-types.ts';
import type { ProblemCollector } from './problems.ts';
import { attribute, childElements, firstChild, parseXml, position, textOf } from './xml.ts';

/**
 * Parses GEXF text: nodes with labels, declared (and undeclared) attribute values, `viz:position` and
 * `viz:color`; edges with direction, label, weight and kind. Hierarchies and time intervals are counted and
 * ignored. Elements are matched by local name, so every GEXF namespace version reads the same.
 */
export function readGexf(text: string, problems: ProblemCollector, fallbackTitle: string): RawGraph {
  const root = parseXml(text, problems).documentElement!;
  if (root.localName !== 'gexf') {
    problems.fatal('IMPORT_GEXF_SHAPE', `expected a <gexf> root element, found <${root.nodeName}>`, position(root));
  }
  const graphs = childElements(root, 'graph');
  const graph = graphs[0];
  if (!graph) return problems.fatal('IMPORT_GEXF_SHAPE', 'the GEXF file has no <graph> element', position(root));
  const features = new FeatureCounter();
  features.ignore('extra <graph> elements', graphs.length - 1);
  if (attribute(graph, 'mode') === 'dynamic' || attribute(graph, 'timeformat') !== undefined)
    features.ignore('dynamic graph settings (time is not modelled)');

  const declarations = { node: new Map<string, AttributeDeclaration>(), edge: new Map<string, AttributeDeclaration>() };
  for (const kind of ['node', 'edge'] as const) {
    const list = childElements(graph, 'attributes')
      .filter((el) => attribute(el, 'class') === kind)
      .flatMap((el) => childElements(el, 'attribute'))
      .map((el): AttributeDeclaration => {
        const id = attribute(el, 'id') ?? attribute(el, 'title') ?? '';
        const declaration: AttributeDeclaration = { id, name: attribute(el, 'title') || id, type: attribute(el, 'type') ?? 'string' };
        const fallback = firstChild(el, 'default');
        if (fallback) declaration.default = textOf(fallback);
        return declaration;
      });
    declarations[kind] = declarationIndex(list);
  }

  const directedDefault = attribute(graph, 'defaultedgetype') === 'directed';
  const nodes: RawNode[] = [];
  for (const el of childElements(graph, 'nodes').flatMap((list) => childElements(list, 'node'))) {
    const id = attribute(el, 'id');
    if (id === undefined) {
      problems.error('IMPORT_GEXF_SHAPE', 'a <node> has no id attribute', position(el));
      continue;
    }
    const node: RawNode = { id, attributes: values(el, declarations.node, features), ...position(el) };
    const label = attribute(el, 'label');
    if (label !== undefined) node.label = label;
    readViz(el, node);
    countIgnored(el, features);
    nodes.push(node);
  }

  const edges: RawEdge[] = [];
  for (const el of childElements(graph, 'edges').flatMap((list) => childElements(list, 'edge'))) {
    const type = attribute(el, 'type');
    if (type === 'mutual') features.ignore('"mutual" edge types (read as undirected)');
    const edge: RawEdge = {
      source: attribute(el, 'source') ?? '',
      target: attribute(el, 'target') ?? '',
      directed: type === undefined ? directedDefault : type === 'directed',
      attributes: new Map(),
      ...position(el),
    };
    const id = attribute(el, 'id');
    if (id !== undefined) edge.id = id;
    const label = attribute(el, 'label');
    if (label !== undefined) edge.label = label;
    const weight = Number(attribute(el, 'weight') ?? Number.NaN);
    if (Number.isFinite(weight)) edge.attributes.set('weight', weight);
    const kind = attribute(el, 'kind');
    if (kind !== undefined) edge.attributes.set('kind', kind);
    for (const [key, value] of values(el, declarations.edge, features)) edge.attributes.set(key, value);
    countIgnored(el, features);
    edges.push(edge);
  }

  features.flush(problems, 'GEXF');
  return { title: gexfTitle(root) ?? fallbackTitle, nodes, edges };
}

/** `<attvalue for="…" value="…"/>` (GEXF 1.0 uses `id=` instead of `for=`), with declared defaults filled in. */
function values(el: Element, declared: Map<string, AttributeDeclaration>, features: FeatureCounter): Map<string, AttributeValue> {
  const out = new Map<string, AttributeValue>();
  const seen = new Set<string>();
  for (const value of childElements(el, 'attvalues').flatMap((list) => childElements(list, 'attvalue'))) {
    const ref = attribute(value, 'for') ?? attribute(value, 'id');
    const text = attribute(value, 'value');
    if (ref === undefined || text === undefined) continue;
    if (attribute(value, 'start') !== undefined || attribute(value, 'end') !== undefined)
      features.ignore('time intervals on attribute values (last value kept)');
    const declaration = declared.get(ref);
    if (!declaration) features.undeclared(ref);
    out.set(declaration?.name ?? ref, typedValue(text, declaration?.type));
    seen.add(ref);
  }
  for (const declaration of declared.values()) {
    if (!seen.has(declaration.id) && declaration.default !== undefined)
      out.set(declaration.name, typedValue(declaration.default, declaration.type));
  }
  return out;
}

/** `viz:position` and `viz:color` (r/g/b or, in GEXF 1.3, hex); `viz:size` is kept as the `size` attribute. */
function readViz(el: Element, node: RawNode): void {
  const pos = firstChild(el, 'position');
  if (pos) {
    const x = Number(attribute(pos, 'x') ?? Number.NaN);
    const y = Number(attribute(pos, 'y') ?? Number.NaN);
    if (Number.isFinite(x) && Number.isFinite(y)) node.position = { x, y };
  }
  const color = firstChild(el, 'color');
  if (color) {
    // Left as text: the shared mapping validates it and reports bad colours once for the whole file.
    const hex = attribute(color, 'hex');
    node.color =
      hex !== undefined ? `#${hex.replace(/^#/, '')}` : `rgb(${attribute(color, 'r')}, ${attribute(color, 'g')}, ${attribute(color, 'b')})`;
  }
  const size = firstChild(el, 'size');
  const value = size ? Number(attribute(size, 'value') ?? Number.NaN) : Number.NaN;
  if (Number.isFinite(value) && !node.attributes.has('size')) node.attributes.set('size', value);
}

function countIgnored(el: Element, features: FeatureCounter): void {
  features.ignore('time intervals (spells)', childElements(el, 'spells').flatMap((s) => childElements(s, 'spell')).length);
  if (attribute(el, 'start') !== undefined || attribute(el, 'end') !== undefined)
    features.ignore('elements with start/end times (time ignored)');
  features.ignore('nested node groups (hierarchy)', childElements(el, 'nodes').length);
  features.ignore('parent links (hierarchy)', attribute(el, 'pid') !== undefined ? 1 : 0);
}

function gexfTitle(root: Element): string | undefined {
  const meta = firstChild(root, 'meta');
  if (!meta) return undefined;
  const field =
    childElements(meta).find((el) => el.localName?.toLowerCase() === 'title') ??
    childElements(meta).find((el) => el.localName?.toLowerCase() === 'description');
  const title = field ? textOf(field) : '';
  return title.trim() === '' ? undefined : title;
}
