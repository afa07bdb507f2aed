// How extra attributes are named in flat exports so that importers never mistake them for model fields.

/**
 * Attribute names our importers read as model fields (ids, endpoints, direction, names, type, descriptions, URL,
 * colour, position, background, relation fields, evidence), lower case. An extra attribute with one of these names, or any name
 * starting with `attr.`, is written as `attr.<name>`; importers remove exactly one `attr.` and keep the rest as an
 * attribute. The mapping is one-to-one, so every attribute comes back under its own name.
 */
export const FIELD_NAMES: ReadonlySet<string> = new Set([
  'id',
  'key',
  'source',
  'target',
  'directed',
  'symmetric',
  'label',
  'x',
  'y',
  'color',
  'r',
  'g',
  'b',
  'type',
  'name',
  'title',
  'name_en',
  'name_zh',
  'label_en',
  'label_zh',
  'zh',
  'aliases',
  'description',
  'description_en',
  'description_zh',
  'background_en',
  'background_zh',
  'url',
  'modality',
  'basis',
  'negated',
  'date',
  'note',
  'evidence',
  'evidence_sources',
  'evidence_quotes',
]);

/** The prefix that marks an extra attribute whose own name would be read as a field. */
export const ATTRIBUTE_PREFIX = 'attr.';

/** The name an extra attribute is written under. */
export function exportedAttributeName(key: string): string {
  return FIELD_NAMES.has(key.toLowerCase()) || key.startsWith(ATTRIBUTE_PREFIX) ? `${ATTRIBUTE_PREFIX}${key}` : key;
}

/** The attribute name a file's `attr.<name>` stands for, or undefined for any other name. */
export function prefixedAttributeName(name: string): string | undefined {
  return name.startsWith(ATTRIBUTE_PREFIX) ? name.slice(ATTRIBUTE_PREFIX.length) : undefined;
}
