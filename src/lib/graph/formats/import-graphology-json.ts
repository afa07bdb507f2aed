// Reads graphology's serialized JSON ({ attributes, options, nodes, edges }) into the format-neutral raw graph.
import { own } from './attribute-values.ts';
import { FeatureCounter } from './declared-attributes.ts';
import type { AttributeValue, RawEdge, RawGraph, RawNode } from './import-types.ts';
import { joinList } from './list-text.ts';
import { FieldReader, describeJson, isJsonObject, pathOf, type JsonObject } from './json-fields.ts';
import type { ProblemCollector } from './problems.ts';

/**
 * Reads a parsed graphology export. Keys may be strings or numbers; edges are undirected when flagged
 * `undirected` or when the graph's `options.type` is `undirected`. Shape errors name their path
 * (`nodes[3].key`); an absent or empty edge endpoint is left for the missing-endpoint policy.
 */
export function readGraphologyJson(value: unknown, problems: ProblemCollector, fallbackTitle: string): RawGraph {
  const read = new FieldReader(problems);
  if (!isJsonObject(value)) {
    return problems.fatal('IMPORT_JSON_SHAPE', `the top level: expected an object with "nodes" and "edges", found ${describeJson(value)}`, {
      hint: 'graphology JSON looks like {"nodes": [{"key": "a"}], "edges": [{"source": "a", "target": "b"}]}',
    });
  }
  const features = new FeatureCounter();
  const options = own(value, 'options');
  const graphType = isJsonObject(options) ? own(options, 'type') : undefined;
  if (options !== undefined && !isJsonObject(options)) read.fail('options', `expected an object, found ${describeJson(options)}`);
  if (graphType !== undefined && graphType !== 'mixed' && graphType !== 'directed' && graphType !== 'undirected') {
    read.fail('options.type', `expected mixed, directed or undirected, found ${describeJson(graphType)}`);
  }
  const graphAttributes = own(value, 'attributes');
  if (graphAttributes !== undefined && !isJsonObject(graphAttributes))
    read.fail('attributes', `expected an object, found ${describeJson(graphAttributes)}`);

  const nodes: RawNode[] = [];
  const nodeList = read.list(own(value, 'nodes'), 'nodes') ?? [];
  nodeList.forEach((item, i) => {
    const path = pathOf('nodes', i);
    const node = read.object(item, path);
    if (!node) return;
    const key = keyOf(own(node, 'key'), pathOf(path, 'key'), read, false);
    if (key === undefined) return;
    if (key === '') {
      problems.error('IMPORT_EMPTY_ID', `${pathOf(path, 'key')} is empty: every node needs a non-empty key`, {
        field: pathOf(path, 'key'),
        hint: 'give every node a non-empty key',
      });
      return;
    }
    nodes.push({ id: key, attributes: attributes(node, path, key, read, features) });
  });

  const edges: RawEdge[] = [];
  const edgeValue = own(value, 'edges');
  const edgeList = edgeValue === undefined ? [] : (read.list(edgeValue, 'edges') ?? []);
  edgeList.forEach((item, i) => {
    const path = pathOf('edges', i);
    const edge = read.object(item, path);
    if (!edge) return;
    const key = keyOf(own(edge, 'key'), pathOf(path, 'key'), read, true);
    const undirected = own(edge, 'undirected');
    if (undirected !== undefined && typeof undirected !== 'boolean')
      read.fail(pathOf(path, 'undirected'), `expected true or false, found ${describeJson(undirected)}`, key);
    const raw: RawEdge = {
      source: keyOf(own(edge, 'source'), pathOf(path, 'source'), read, true, key) ?? '',
      target: keyOf(own(edge, 'target'), pathOf(path, 'target'), read, true, key) ?? '',
      directed: undirected === true ? false : undirected === false ? true : graphType !== 'undirected',
      attributes: attributes(edge, path, key ?? `edges[${i}]`, read, features),
    };
    if (key !== undefined) raw.id = key;
    edges.push(raw);
  });
  problems.throwIfErrors();
  features.flush(problems, 'graphology JSON');
  const title = isJsonObject(graphAttributes) ? (own(graphAttributes, 'title') ?? own(graphAttributes, 'name')) : undefined;
  return { title: typeof title === 'string' && title.trim() !== '' ? title : fallbackTitle, nodes, edges };
}

/** A key, source or target: text or a number (turned into text). Absent or null is allowed where `optional`. */
function keyOf(value: unknown, path: string, read: FieldReader, optional: boolean, record?: string): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if ((value === undefined || value === null) && optional) return undefined;
  read.fail(path, `expected text or a number, found ${describeJson(value)}`, record);
  return undefined;
}

/** The primitive attributes of a node or edge; `aliases` may be a list of text, other lists and objects are dropped. */
function attributes(
  item: JsonObject,
  path: string,
  record: string,
  read: FieldReader,
  features: FeatureCounter,
): Map<string, AttributeValue> {
  const out = new Map<string, AttributeValue>();
  const value = own(item, 'attributes');
  if (value === undefined || value === null) return out;
  const object = read.object(value, pathOf(path, 'attributes'), record);
  if (!object) return out;
  for (const key of Object.keys(object)) {
    const v = own(object, key);
    if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out.set(key, v);
    else if (key === 'aliases' && Array.isArray(v) && v.every((a) => typeof a === 'string')) out.set(key, joinList(v));
    else if (v !== null) features.ignore('attribute values that are lists, objects or non-finite numbers');
  }
  return out;
}
