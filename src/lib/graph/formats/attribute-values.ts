// Caps and lookups for attribute values read from files, with one summary notice per kind of change.
import { prefixedAttributeName } from './attribute-names.ts';
import type { AttributeValue } from './import-types.ts';
import { sampleList, type ImportCode, type ProblemCollector } from './problems.ts';

/** Entity names longer than this are cut (a 1 MB label must not reach the renderer). */
export const MAX_NAME_LENGTH = 1000;
/** Other text values (attributes, descriptions, quotes) longer than this are cut. */
export const MAX_TEXT_LENGTH = 10_000;
/** Type names longer than this are cut. */
export const MAX_TYPE_LENGTH = 200;

/** A record safe to key by any string from a file: no prototype, so `__proto__` is just a key. */
export function emptyRecord<T>(): Record<string, T> {
  const record: Record<string, T> = Object.create(null);
  return record;
}

/** An own property of an object parsed from JSON, never an inherited one like `constructor`. */
export function own(object: object, key: string): unknown {
  const value: unknown = Object.getOwnPropertyDescriptor(object, key)?.value;
  return value;
}

/** Counts changes made to values (truncated, dropped, invalid) and reports each kind once, with sample ids. */
export class ValueTally {
  readonly #entries = new Map<ImportCode, { what: string; ids: string[] }>();

  /** Notes that `record`'s value was changed; `what` describes the change for the summary. */
  note(code: ImportCode, what: string, record: string): void {
    const entry = this.#entries.get(code) ?? { what, ids: [] };
    entry.ids.push(record);
    this.#entries.set(code, entry);
  }

  /** Emits one notice per kind of change. */
  flush(problems: ProblemCollector): void {
    for (const [code, { what, ids }] of this.#entries) {
      const unique = [...new Set(ids)];
      problems.warn(code, `${what} (${unique.length} record${unique.length === 1 ? '' : 's'}: ${sampleList(unique)})`);
    }
    this.#entries.clear();
  }
}

/** Cuts `value` to `max` characters (not splitting a surrogate pair), noting the cut. */
export function capText(value: string, max: number, record: string, tally: ValueTally): string {
  if (value.length <= max) return value;
  tally.note('IMPORT_VALUE_TRUNCATED', `text longer than ${max} characters was cut`, record);
  const end = /[\uD800-\uDBFF]/.test(value[max - 1] ?? '') ? max - 1 : max;
  return `${value.slice(0, end)}…`;
}

/** A primitive attribute value, capped; anything else (objects, arrays, non-finite numbers) is dropped. */
export function cleanValue(value: unknown, record: string, tally: ValueTally): AttributeValue | undefined {
  if (typeof value === 'string') return capText(value, MAX_TEXT_LENGTH, record, tally);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === null || value === undefined) return undefined;
  tally.note('IMPORT_VALUE_DROPPED', 'attribute values that are not text, numbers or booleans were dropped', record);
  return undefined;
}

/**
 * Case-insensitive access to a node's or edge's attributes, remembering which ones were used. Names written as
 * `attr.<name>` (see `exportedAttributeName`) are never read as fields; they come out of `rest` as `<name>`.
 */
export class AttributeView {
  readonly #values: Map<string, AttributeValue>;
  readonly #byLower = new Map<string, string>();
  readonly #used = new Set<string>();

  constructor(values: Map<string, AttributeValue>) {
    this.#values = values;
    for (const key of values.keys()) {
      if (prefixedAttributeName(key) !== undefined) continue;
      const lower = key.toLowerCase();
      if (!this.#byLower.has(lower)) this.#byLower.set(lower, key);
    }
  }

  /** The actual key for a case-insensitive name, if present. */
  key(name: string): string | undefined {
    return this.#byLower.get(name.toLowerCase());
  }

  /** The value of the first present name, without marking it used. */
  peek(...names: string[]): AttributeValue | undefined {
    for (const name of names) {
      const key = this.key(name);
      if (key !== undefined) return this.#values.get(key);
    }
    return undefined;
  }

  /** The value of the first present name, marking it used so it is not repeated among the extra attributes. */
  take(...names: string[]): AttributeValue | undefined {
    for (const name of names) {
      const key = this.key(name);
      if (key !== undefined) {
        this.#used.add(key);
        return this.#values.get(key);
      }
    }
    return undefined;
  }

  /** Marks names as used without reading them. */
  consume(...names: string[]): void {
    for (const name of names) {
      const key = this.key(name);
      if (key !== undefined) this.#used.add(key);
    }
  }

  /** The attributes not used for a model field, capped, as a prototype-free record (undefined if none). */
  rest(record: string, tally: ValueTally): Record<string, AttributeValue> | undefined {
    let out: Record<string, AttributeValue> | undefined;
    for (const [key, value] of this.#values) {
      if (this.#used.has(key)) continue;
      const clean = cleanValue(value, record, tally);
      if (clean === undefined) continue;
      out ??= emptyRecord();
      const name = prefixedAttributeName(key) ?? key;
      // A file holding both `x` (unused) and `attr.x` keeps the second under its written name.
      out[Object.hasOwn(out, name) ? key : name] = clean;
    }
    return out;
  }
}

/** A number from a number or a numeric string, else undefined. */
export function toNumber(value: AttributeValue | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}
