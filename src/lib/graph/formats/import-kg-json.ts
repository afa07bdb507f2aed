// Validates and copies our own compiled-graph JSON (`format: "kg-compiled"`), reporting every field problem by path.
import { didYouMean } from '../errors.ts';
import {
  BASES,
  MODALITIES,
  NODE_SHAPES,
  type CompiledGraph,
  type Entity,
  type EntityType,
  type Evidence,
  type Position,
  type Relation,
  type RelationType,
  type Source,
} from '../types.ts';
import { MAX_NAME_LENGTH, MAX_TEXT_LENGTH, ValueTally, capText, emptyRecord, own } from './attribute-values.ts';
import { normalizeColor, typeStyle } from './colors.ts';
import { FieldReader, describeJson, isJsonObject, pathOf, type JsonObject } from './json-fields.ts';
import { sampleList, type ProblemCollector } from './problems.ts';

/** Checks a parsed kg-compiled document completely and returns a fresh copy (prototype-free records). */
export function readKgJson(value: unknown, problems: ProblemCollector): CompiledGraph {
  const read = new FieldReader(problems);
  const tally = new ValueTally();
  if (!isJsonObject(value))
    return problems.fatal('IMPORT_JSON_SHAPE', `the top level: expected a kg-compiled object, found ${describeJson(value)}`);
  const root = value;
  if (own(root, 'version') !== 1)
    read.fail(
      'version',
      `expected 1, found ${describeJson(own(root, 'version'))}`,
      undefined,
      'this file was written by a newer or older version of the explorer',
    );
  const bilingual = (object: JsonObject, key: string, path: string, record: string, max = MAX_NAME_LENGTH): { en: string; zh: string } => {
    const field = read.object(own(object, key), pathOf(path, key), record);
    const text = (lang: 'en' | 'zh'): string =>
      capText((field && read.text(field, lang, pathOf(path, key), record)) ?? '', max, record, tally);
    return { en: text('en'), zh: text('zh') };
  };
  const items = <T>(key: string, build: (item: JsonObject, path: string) => T | undefined): T[] => {
    const list = read.list(own(root, key), key) ?? [];
    const out: T[] = [];
    list.forEach((item, i) => {
      const object = read.object(item, pathOf(key, i));
      const built = object && build(object, pathOf(key, i));
      if (built !== undefined) out.push(built);
    });
    return out;
  };

  const entityTypes = items('entityTypes', (t, path): EntityType | undefined => {
    const id = read.id(t, 'id', path);
    if (id === undefined) return undefined;
    const color = normalizeColor(own(t, 'color'));
    if (color === undefined)
      tally.note(
        'IMPORT_INVALID_COLOR',
        'entity type colours that are not #rgb, #rrggbb or rgb(r, g, b) were replaced by palette colours',
        id,
      );
    const shape = read.choice(t, 'shape', NODE_SHAPES, path, id) ?? 'ellipse';
    return { id, label: bilingual(t, 'label', path, id), color: color ?? typeStyle(0).color, shape };
  });
  const relationTypes = items('relationTypes', (t, path): RelationType | undefined => {
    const id = read.id(t, 'id', path);
    if (id === undefined) return undefined;
    return {
      id,
      label: bilingual(t, 'label', path, id),
      reverse: bilingual(t, 'reverse', path, id),
      symmetric: read.flag(t, 'symmetric', path, id) ?? false,
      reflexive: read.flag(t, 'reflexive', path, id) ?? false,
    };
  });
  const sources = items('sources', (s, path): Source | undefined => {
    const id = read.id(s, 'id', path);
    if (id === undefined) return undefined;
    const text = (key: string): string => capText(read.text(s, key, path, id) ?? '', MAX_TEXT_LENGTH, id, tally);
    const source: Source = { id, title: text('title'), publisher: text('publisher'), date: text('date'), language: text('language') };
    if (optionalFlag(s, 'descriptiveTitle', path, id)) source.descriptiveTitle = true;
    const url = read.text(s, 'url', path, id, true);
    if (url !== undefined) source.url = url;
    return source;
  });
  const entities = items('entities', (e, path): Entity | undefined => {
    const id = read.id(e, 'id', path);
    if (id === undefined) return undefined;
    const entity: Entity = {
      id,
      type: read.id(e, 'type', path, id) ?? '',
      name: bilingual(e, 'name', path, id),
      aliases: (read.texts(e, 'aliases', path, id) ?? []).map((a) => capText(a, MAX_NAME_LENGTH, id, tally)),
      description: bilingual(e, 'description', path, id, MAX_TEXT_LENGTH),
    };
    if (own(e, 'background') !== undefined) entity.background = bilingual(e, 'background', path, id, MAX_TEXT_LENGTH);
    const url = read.text(e, 'url', path, id, true);
    if (url !== undefined) entity.url = url;
    const dates = record(e, 'dates', path, id, (v) => (typeof v === 'string' ? capText(v, MAX_TEXT_LENGTH, id, tally) : undefined));
    if (dates) entity.dates = dates;
    const pinyin = read.texts(e, 'pinyin', path, id, true);
    if (pinyin) entity.pinyin = pinyin;
    const attributes = record(e, 'attributes', path, id, primitive);
    if (attributes) entity.attributes = attributes;
    return entity;
  });
  const relations = items('relations', (r, path): Relation | undefined => {
    const id = read.id(r, 'id', path);
    if (id === undefined) return undefined;
    const relation: Relation = {
      id,
      source: read.id(r, 'source', path, id) ?? '',
      target: read.id(r, 'target', path, id) ?? '',
      type: read.id(r, 'type', path, id) ?? '',
      modality: read.choice(r, 'modality', MODALITIES, path, id) ?? 'fact',
      evidence: [],
    };
    // Absent means stated; a stated relation is stored without the field, as the compiler writes it.
    if (own(r, 'basis') !== undefined && read.choice(r, 'basis', BASES, path, id) === 'inferred') relation.basis = 'inferred';
    if (optionalFlag(r, 'negated', path, id)) relation.negated = true;
    const date = read.text(r, 'date', path, id, true);
    if (date !== undefined) relation.date = date;
    const evidence = read.list(own(r, 'evidence'), pathOf(path, 'evidence'), id) ?? [];
    evidence.forEach((item, i) => {
      const at = pathOf(pathOf(path, 'evidence'), i);
      const object = read.object(item, at, id);
      if (!object) return;
      const quote: Evidence = {
        source: read.id(object, 'source', at, id) ?? '',
        quote: capText(read.text(object, 'quote', at, id) ?? '', MAX_TEXT_LENGTH, id, tally),
      };
      relation.evidence.push(quote);
    });
    const note = read.text(r, 'note', path, id, true);
    if (note !== undefined) relation.note = capText(note, MAX_TEXT_LENGTH, id, tally);
    const attributes = record(r, 'attributes', path, id, primitive);
    if (attributes) relation.attributes = attributes;
    return relation;
  });

  /** An optional boolean field: true when the file says `true`; a value that is not a boolean is an error. */
  function optionalFlag(object: JsonObject, key: string, path: string, id: string): boolean {
    return own(object, key) !== undefined && read.flag(object, key, path, id) === true;
  }

  function primitive(v: unknown, id: string): string | number | boolean | undefined {
    if (typeof v === 'string') return capText(v, MAX_TEXT_LENGTH, id, tally);
    return typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined;
  }

  function record<T>(
    object: JsonObject,
    key: string,
    path: string,
    id: string,
    clean: (v: unknown, id: string) => T | undefined,
  ): Record<string, T> | undefined {
    const value = own(object, key);
    if (value === undefined) return undefined;
    const source = read.object(value, pathOf(path, key), id);
    if (!source) return undefined;
    const out = emptyRecord<T>();
    for (const k of Object.keys(source)) {
      const v = own(source, k);
      const cleaned = clean(v, id);
      if (cleaned !== undefined) out[k] = cleaned;
      else
        read.fail(
          pathOf(pathOf(path, key), k),
          `expected text${key === 'attributes' ? ', a number or a boolean' : ''}, found ${describeJson(v)}`,
          id,
        );
    }
    return out;
  }

  const graph: CompiledGraph = {
    format: 'kg-compiled',
    version: 1,
    title: capText(read.text(root, 'title', '') ?? '', MAX_NAME_LENGTH, 'title', tally),
    entityTypes,
    relationTypes,
    sources,
    entities,
    relations,
  };
  const positions = own(root, 'positions');
  if (positions !== undefined) graph.positions = readPositions(positions, read);
  checkReferences(graph, problems);
  tally.flush(problems);
  problems.throwIfErrors();
  return graph;
}

function readPositions(value: unknown, read: FieldReader): Record<string, Position> {
  const out = emptyRecord<Position>();
  const object = read.object(value, 'positions');
  if (!object) return out;
  for (const id of Object.keys(object)) {
    const point = read.object(own(object, id), pathOf('positions', id), id);
    if (!point) continue;
    const x = read.number(point, 'x', pathOf('positions', id), id);
    const y = read.number(point, 'y', pathOf('positions', id), id);
    if (x !== undefined && y !== undefined) out[id] = { x, y };
  }
  return out;
}

/** Unique ids per collection, and every reference (type, endpoint, evidence source, position) resolves. */
function checkReferences(graph: CompiledGraph, problems: ProblemCollector): void {
  const unique = (
    list: ReadonlyArray<{ id: string }>,
    what: string,
    code: 'IMPORT_DUPLICATE_NODE' | 'IMPORT_DUPLICATE_EDGE' | 'IMPORT_JSON_SHAPE',
  ): Set<string> => {
    const seen = new Set<string>();
    const dups: string[] = [];
    for (const { id } of list) {
      if (seen.has(id)) dups.push(id);
      seen.add(id);
    }
    if (dups.length > 0)
      problems.error(code, `${dups.length} duplicate ${what} id${dups.length === 1 ? '' : 's'}: ${sampleList(dups)}`, {
        record: dups[0]!,
        field: what,
      });
    return seen;
  };
  const entityTypes = unique(graph.entityTypes, 'entityTypes', 'IMPORT_JSON_SHAPE');
  const relationTypes = unique(graph.relationTypes, 'relationTypes', 'IMPORT_JSON_SHAPE');
  const sources = unique(graph.sources, 'sources', 'IMPORT_JSON_SHAPE');
  const entities = unique(graph.entities, 'entities', 'IMPORT_DUPLICATE_NODE');
  unique(graph.relations, 'relations', 'IMPORT_DUPLICATE_EDGE');
  const unknown = (
    code: 'IMPORT_UNKNOWN_TYPE' | 'IMPORT_UNKNOWN_SOURCE' | 'IMPORT_MISSING_ENDPOINT',
    value: string,
    known: Set<string>,
    record: string,
    field: string,
    what: string,
  ): void => {
    if (value === '' || known.has(value)) return;
    const suggestion = known.size <= 5000 ? didYouMean(value, known) : undefined;
    problems.error(code, `${field}: unknown ${what} "${value}"`, {
      record,
      field,
      hint: suggestion ? `did you mean "${suggestion}"?` : `known: ${sampleList([...known])}`,
    });
  };
  graph.entities.forEach((e, i) => unknown('IMPORT_UNKNOWN_TYPE', e.type, entityTypes, e.id, `entities[${i}].type`, 'entity type'));
  graph.relations.forEach((r, i) => {
    unknown('IMPORT_UNKNOWN_TYPE', r.type, relationTypes, r.id, `relations[${i}].type`, 'relation type');
    unknown('IMPORT_MISSING_ENDPOINT', r.source, entities, r.id, `relations[${i}].source`, 'source entity');
    unknown('IMPORT_MISSING_ENDPOINT', r.target, entities, r.id, `relations[${i}].target`, 'target entity');
    r.evidence.forEach((ev, j) =>
      unknown('IMPORT_UNKNOWN_SOURCE', ev.source, sources, r.id, `relations[${i}].evidence[${j}].source`, 'source'),
    );
  });
  const positions = graph.positions;
  if (!positions) return;
  for (const id of Object.keys(positions)) {
    if (entities.has(id)) continue;
    problems.warn('IMPORT_JSON_SHAPE', `positions: no entity "${id}"; position ignored`, { record: id, field: pathOf('positions', id) });
    delete positions[id];
  }
}
