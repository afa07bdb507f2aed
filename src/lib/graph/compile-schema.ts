// Reads graph-data/schema.yaml: the entity and relation types, with labels, colours, shapes and direction.
import type { Problem } from './errors.ts';
import { didYouMean } from './errors.ts';
import type { Bilingual, EntityType, RelationType } from './types.ts';
import { NODE_SHAPES } from './types.ts';
import { MAGIC_KEYS, SLUG } from './text-checks.ts';
import type { YamlFile } from './yaml-reader.ts';
import { isMap, isScalar, RecordReader } from './yaml-reader.ts';

export const SCHEMA_VERSION = 1;

export interface Schema {
  title: string;
  entityTypes: EntityType[];
  relationTypes: RelationType[];
}

const COLOR = /^#[0-9a-f]{6}$/i;

/** Reads a bilingual `{ en, zh }` field. */
export function readBilingual(reader: RecordReader, key: string, requireZh: boolean): Bilingual | undefined {
  const sub = reader.map(key, true);
  if (!sub) return undefined;
  sub.onlyKeys(['en', 'zh']);
  const en = sub.string('en', true);
  const zh = requireZh ? sub.string('zh', true) : sub.string('zh');
  if (en === undefined) return undefined;
  if (en.trim() === '') sub.problem('FIELD_EMPTY', `"${key}.en" must not be empty`, 'en');
  return { en, zh: zh ?? '' };
}

/** Reads the schema file; returns undefined when it is unusable (problems say why). */
export function readSchema(file: YamlFile, problems: Problem[]): Schema | undefined {
  if (!file.root) {
    // No root: either YAML errors (already reported) or an empty file, which must not fail silently.
    if (!problems.some((p) => p.file === file.path && p.severity === 'error'))
      problems.push({
        code: 'SCHEMA_EMPTY',
        severity: 'error',
        message: 'schema.yaml is empty: it needs version, title, entityTypes and relationTypes',
        file: file.path,
        line: 1,
        column: 1,
      });
    return undefined;
  }
  if (!isMap(file.root)) {
    problems.push({ code: 'FIELD_TYPE', severity: 'error', message: 'schema.yaml must be a mapping', ...file.at(file.root) });
    return undefined;
  }
  const root = new RecordReader(file, file.root, problems);
  root.onlyKeys(['version', 'title', 'entityTypes', 'relationTypes']);
  const version = root.value('version');
  if (!isScalar(version) || version.value !== SCHEMA_VERSION) {
    root.problem('SCHEMA_VERSION', `schema version must be ${SCHEMA_VERSION}`, 'version');
  }
  const title = root.string('title', true) ?? '';

  const entityTypes: EntityType[] = [];
  for (const [id, reader] of typeEntries(root, 'entityTypes', file, problems)) {
    reader.onlyKeys(['label', 'color', 'shape']);
    const label = readBilingual(reader, 'label', true);
    const color = reader.string('color', true);
    if (color !== undefined && !COLOR.test(color)) reader.problem('SCHEMA_COLOR', `color must be #rrggbb, got "${color}"`, 'color');
    const shape = reader.string('shape', true);
    const validShape = NODE_SHAPES.find((s) => s === shape);
    if (shape !== undefined && !validShape) {
      const hint = didYouMean(shape, NODE_SHAPES);
      reader.problem(
        'SCHEMA_SHAPE',
        `unknown shape "${shape}"; allowed: ${NODE_SHAPES.join(', ')}`,
        'shape',
        hint && `did you mean "${hint}"?`,
      );
    }
    if (label && color && validShape) entityTypes.push({ id, label, color, shape: validShape });
  }

  const relationTypes: RelationType[] = [];
  for (const [id, reader] of typeEntries(root, 'relationTypes', file, problems)) {
    reader.onlyKeys(['label', 'reverse', 'symmetric', 'reflexive']);
    const label = readBilingual(reader, 'label', true);
    const symmetric = reader.boolean('symmetric') ?? false;
    const reflexive = reader.boolean('reflexive') ?? false;
    let reverse: Bilingual | undefined = label;
    if (!symmetric) reverse = readBilingual(reader, 'reverse', true);
    else if (reader.has('reverse'))
      reader.problem('SCHEMA_REVERSE', 'a symmetric relation type reads the same both ways; remove "reverse"', 'reverse');
    if (label && reverse) relationTypes.push({ id, label, reverse, symmetric, reflexive });
  }
  if (entityTypes.length === 0) root.problem('SCHEMA_EMPTY', 'schema declares no entity types', 'entityTypes');
  if (relationTypes.length === 0) root.problem('SCHEMA_EMPTY', 'schema declares no relation types', 'relationTypes');
  return { title, entityTypes, relationTypes };
}

function* typeEntries(root: RecordReader, key: string, file: YamlFile, problems: Problem[]): Generator<[string, RecordReader]> {
  const node = root.value(key);
  if (node === undefined || node === null) {
    root.problem('FIELD_MISSING', `missing required field "${key}"`, key);
    return;
  }
  if (!isMap(node)) {
    root.problem('FIELD_TYPE', `"${key}" must be a mapping of type id to definition`, key);
    return;
  }
  for (const pair of node.items) {
    const id = isScalar(pair.key) ? pair.key.value : undefined;
    if (typeof id !== 'string' || !SLUG.test(id) || MAGIC_KEYS.has(id)) {
      problems.push({
        code: 'ID_NOT_SLUG',
        severity: 'error',
        message: `type id "${String(id)}" is not a slug (a-z, 0-9, single hyphens)`,
        ...file.at(pair.key as never),
        field: key,
      });
      continue;
    }
    if (!isMap(pair.value)) {
      problems.push({
        code: 'FIELD_TYPE',
        severity: 'error',
        message: `${key}.${id} must be a mapping`,
        ...file.at(pair.key as never),
        field: `${key}.${id}`,
      });
      continue;
    }
    yield [id, new RecordReader(file, pair.value, problems, `${key}.${id}.`, id)];
  }
}
