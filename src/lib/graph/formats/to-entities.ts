// Maps file nodes to entities, entity types (palette or shared file colours) and positions; shared by all formats.
import { didYouMean } from '../errors.ts';
import type { Entity, EntityType, Position } from '../types.ts';
import {
  AttributeView,
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  MAX_TYPE_LENGTH,
  ValueTally,
  capText,
  emptyRecord,
  toNumber,
} from './attribute-values.ts';
import { prefixedAttributeName } from './attribute-names.ts';
import { normalizeColor, rgbToHex, typeStyle } from './colors.ts';
import { splitList } from './list-text.ts';
import type { RawNode, ResolvedImportOptions } from './import-types.ts';
import { sampleList, type ProblemCollector } from './problems.ts';

/** Attribute names tried, in order, when no `typeAttribute` is given. */
export const TYPE_ATTRIBUTE_NAMES = ['type', 'category', 'kind', 'group', 'class'] as const;
/** An auto-detected type attribute with more distinct values than this is a poor type; it stays an attribute. */
export const MAX_AUTO_TYPES = 100;
/** The type of every node when no type attribute is found. */
export const DEFAULT_ENTITY_TYPE = 'node';

export interface EntitiesResult {
  entities: Entity[];
  entityTypes: EntityType[];
  positions: Record<string, Position> | undefined;
}

/** Turns raw nodes into entities. Duplicate ids are errors (first one kept); value caps are noted in `tally`. */
export function toEntities(
  nodes: readonly RawNode[],
  options: ResolvedImportOptions,
  problems: ProblemCollector,
  tally: ValueTally,
): EntitiesResult {
  refuseEmptyIds(nodes, problems);
  const unique = dropDuplicates(nodes, problems);
  const typeKey = chooseTypeAttribute(unique, options.typeAttribute, problems);
  const entities: Entity[] = [];
  const colors = new Map<string, string | undefined>();
  const colorByType = new Map<string, string | null>();
  let positions: Record<string, Position> | undefined;

  for (const node of unique) {
    const view = new AttributeView(node.attributes);
    const type = typeKey === undefined ? DEFAULT_ENTITY_TYPE : typeName(view.take(typeKey), node.id, tally);
    const en = view.take('name_en', 'label_en') ?? node.label ?? view.take('label', 'name', 'title');
    const zh = view.take('name_zh', 'label_zh', 'zh');
    // A label that repeats a name (as our own exports write it, in either language) is not kept twice.
    const label = view.peek('label');
    if (label !== undefined && (label === en || label === zh || label === node.label)) view.consume('label');
    const entity: Entity = {
      id: node.id,
      type,
      name: {
        en: capText(en === undefined ? node.id : String(en), MAX_NAME_LENGTH, node.id, tally),
        zh: capText(String(zh ?? ''), MAX_NAME_LENGTH, node.id, tally),
      },
      aliases: aliasesOf(view.take('aliases'), node.id, tally),
      description: {
        en: capText(String(view.take('description_en', 'description') ?? ''), MAX_TEXT_LENGTH, node.id, tally),
        zh: capText(String(view.take('description_zh') ?? ''), MAX_TEXT_LENGTH, node.id, tally),
      },
    };
    const backgroundEn = view.take('background_en');
    const backgroundZh = view.take('background_zh');
    if (backgroundEn !== undefined || backgroundZh !== undefined) {
      entity.background = {
        en: capText(String(backgroundEn ?? ''), MAX_TEXT_LENGTH, node.id, tally),
        zh: capText(String(backgroundZh ?? ''), MAX_TEXT_LENGTH, node.id, tally),
      };
    }
    const url = view.peek('url');
    if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url) && url.length <= MAX_TEXT_LENGTH) {
      view.consume('url');
      entity.url = url;
    }
    const color = nodeColor(node, view, tally);
    colors.set(node.id, color);
    const shared = colorByType.get(type);
    colorByType.set(type, shared === undefined ? (color ?? null) : shared === color ? shared : null);

    const position = node.position ?? positionOf(view);
    if (position) {
      positions ??= emptyRecord();
      positions[node.id] = position;
    }
    const rest = view.rest(node.id, tally);
    if (rest) entity.attributes = rest;
    entities.push(entity);
  }

  const entityTypes = [...colorByType.entries()].map(([id, shared], index): EntityType => {
    const style = typeStyle(index);
    return { id, label: { en: id, zh: '' }, color: shared ?? style.color, shape: style.shape };
  });
  const typeColor = new Map(entityTypes.map((t) => [t.id, t.color]));
  for (const entity of entities) {
    const color = colors.get(entity.id);
    if (color !== undefined && color !== typeColor.get(entity.type)) {
      entity.attributes ??= emptyRecord();
      entity.attributes.color = color;
    }
  }
  return { entities, entityTypes, positions };
}

/**
 * A node with an empty id is an error in every format, at its line and column: no renderer or link can address it,
 * and an import is never half done, so the whole file is refused.
 */
function refuseEmptyIds(nodes: readonly RawNode[], problems: ProblemCollector): void {
  const empty = nodes.filter((node) => node.id === '');
  if (empty.length === 0) return;
  const first = empty[0]!;
  const index = nodes.indexOf(first);
  problems.error(
    'IMPORT_EMPTY_ID',
    `${empty.length} node${empty.length === 1 ? ' has' : 's have'} an empty id (the first is node ${index + 1})`,
    {
      field: 'id',
      ...(first.line !== undefined ? { line: first.line, column: first.column ?? 1 } : {}),
      hint: 'give every node a non-empty id',
    },
  );
}

function dropDuplicates(nodes: readonly RawNode[], problems: ProblemCollector): RawNode[] {
  const seen = new Set<string>();
  const duplicates: RawNode[] = [];
  const unique: RawNode[] = [];
  for (const node of nodes) {
    if (seen.has(node.id)) duplicates.push(node);
    else {
      seen.add(node.id);
      unique.push(node);
    }
  }
  if (duplicates.length > 0) {
    const ids = [...new Set(duplicates.map((n) => n.id))];
    problems.error(
      'IMPORT_DUPLICATE_NODE',
      `${duplicates.length} duplicate node id${duplicates.length === 1 ? '' : 's'}: ${sampleList(ids)}`,
      {
        record: ids[0]!,
        ...(duplicates[0]!.line !== undefined ? { line: duplicates[0]!.line, column: duplicates[0]!.column ?? 1 } : {}),
        hint: 'every node needs its own id',
      },
    );
  }
  return unique;
}

/** The attribute whose values become entity types, or undefined for "every node is a `node`". */
function chooseTypeAttribute(nodes: readonly RawNode[], requested: string | undefined, problems: ProblemCollector): string | undefined {
  const keys = new Map<string, string>();
  for (const node of nodes) {
    for (const key of node.attributes.keys()) {
      if (prefixedAttributeName(key) === undefined && !keys.has(key.toLowerCase())) keys.set(key.toLowerCase(), key);
    }
  }
  if (requested !== undefined) {
    const key = keys.get(requested.toLowerCase());
    if (key !== undefined) return key;
    const suggestion = didYouMean(requested, keys.values());
    problems.error('IMPORT_TYPE_ATTRIBUTE', `no node has the type attribute "${requested}"`, {
      field: requested,
      hint: suggestion ? `did you mean "${suggestion}"?` : `attributes found: ${sampleList([...keys.values()])}`,
    });
    return undefined;
  }
  const exact = TYPE_ATTRIBUTE_NAMES.map((name) => keys.get(name));
  const suffixed = [...keys.values()].filter((key) => TYPE_ATTRIBUTE_NAMES.some((name) => new RegExp(`(^|[^a-z])${name}$`, 'i').test(key)));
  for (const key of new Set([...exact, ...suffixed])) {
    if (key === undefined) continue;
    const distinct = new Set(nodes.map((n) => n.attributes.get(key)).filter((v) => v !== undefined && v !== ''));
    if (distinct.size === 0) continue;
    if (distinct.size > MAX_AUTO_TYPES) {
      problems.warn(
        'IMPORT_TYPE_ATTRIBUTE',
        `attribute "${key}" has ${distinct.size} distinct values, too many to use as entity types; kept as an attribute`,
        { field: key },
      );
      continue;
    }
    // Worth a notice only when the choice is a guess; an attribute called "type" is what it says.
    if (key.toLowerCase() !== 'type') {
      problems.warn(
        'IMPORT_TYPE_ATTRIBUTE',
        `entity types taken from the attribute "${key}" (${distinct.size} type${distinct.size === 1 ? '' : 's'})`,
        {
          field: key,
          hint: 'choose another attribute with the typeAttribute option',
        },
      );
    }
    return key;
  }
  return undefined;
}

function typeName(value: unknown, record: string, tally: ValueTally): string {
  const text = value === undefined ? '' : String(value).trim();
  return text === '' ? DEFAULT_ENTITY_TYPE : capText(text, MAX_TYPE_LENGTH, record, tally);
}

/** Aliases from a `|`-separated string (`\|` is a `|` inside an alias). */
function aliasesOf(value: unknown, record: string, tally: ValueTally): string[] {
  if (value === undefined) return [];
  return splitList(String(value))
    .map((alias) => alias.trim())
    .filter((alias) => alias !== '')
    .map((alias) => capText(alias, MAX_NAME_LENGTH, record, tally));
}

function nodeColor(node: RawNode, view: AttributeView, tally: ValueTally): string | undefined {
  const given = node.color ?? view.take('color');
  if (given !== undefined) {
    const color = normalizeColor(given);
    if (color === undefined)
      tally.note('IMPORT_INVALID_COLOR', 'colours that are not #rgb, #rrggbb or rgb(r, g, b) were replaced by type colours', node.id);
    return color;
  }
  const [r, g, b] = [view.peek('r'), view.peek('g'), view.peek('b')].map(toNumber);
  if (r === undefined || g === undefined || b === undefined) return undefined;
  const color = rgbToHex(r, g, b);
  if (color !== undefined) view.consume('r', 'g', 'b');
  return color;
}

function positionOf(view: AttributeView): Position | undefined {
  const x = toNumber(view.peek('x'));
  const y = toNumber(view.peek('y'));
  if (x === undefined || y === undefined) return undefined;
  view.consume('x', 'y');
  return { x, y };
}
