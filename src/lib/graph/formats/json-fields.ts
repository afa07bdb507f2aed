// Reads fields of parsed JSON with path-based errors (`entities[3].name.en: expected text, found a number`).
import { own } from './attribute-values.ts';
import type { ImportCode, ProblemCollector } from './problems.ts';

/** A JSON object (not an array, not null). */
export type JsonObject = object;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a JSON value is, in words, for "expected …, found …" messages. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? 'a long string' : `the string ${JSON.stringify(value)}`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/** Joins a path and a key or index: `entities` + 3 → `entities[3]`, `entities[3]` + `name` → `entities[3].name`. */
export function pathOf(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  return base === '' ? part : /^[A-Za-z_$]/.test(part) ? `${base}.${part}` : `${base}[${part}]`;
}

/** Reads typed fields and records one problem per wrong field, each with its path and the record it belongs to. */
export class FieldReader {
  readonly #problems: ProblemCollector;
  readonly #code: ImportCode;

  constructor(problems: ProblemCollector, code: ImportCode = 'IMPORT_JSON_SHAPE') {
    this.#problems = problems;
    this.#code = code;
  }

  /** Records a problem at `path`. */
  fail(path: string, message: string, record?: string, hint?: string): void {
    this.#problems.error(this.#code, `${path === '' ? 'the top level' : path}: ${message}`, {
      ...(path !== '' ? { field: path } : {}),
      ...(record !== undefined ? { record } : {}),
      ...(hint !== undefined ? { hint } : {}),
    });
  }

  /** `value` as an object, or undefined after recording a problem. */
  object(value: unknown, path: string, record?: string): JsonObject | undefined {
    if (isJsonObject(value)) return value;
    this.fail(path, `expected an object, found ${describeJson(value)}`, record);
    return undefined;
  }

  /** `value` as a list, or undefined after recording a problem. */
  list(value: unknown, path: string, record?: string): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.fail(path, `expected a list, found ${describeJson(value)}`, record);
    return undefined;
  }

  /** A required text field (or optional when `optional`); wrong types are recorded. */
  text(object: JsonObject, key: string, path: string, record?: string, optional = false): string | undefined {
    const value = own(object, key);
    if (typeof value === 'string') return value;
    if (value === undefined && optional) return undefined;
    this.fail(pathOf(path, key), `expected text, found ${describeJson(value)}`, record);
    return undefined;
  }

  /** A required non-empty id field. */
  id(object: JsonObject, key: string, path: string, record?: string): string | undefined {
    const value = this.text(object, key, path, record);
    if (value === '') this.fail(pathOf(path, key), 'expected a non-empty id', record);
    return value === '' ? undefined : value;
  }

  /** A required boolean field. */
  flag(object: JsonObject, key: string, path: string, record?: string): boolean | undefined {
    const value = own(object, key);
    if (typeof value === 'boolean') return value;
    this.fail(pathOf(path, key), `expected true or false, found ${describeJson(value)}`, record);
    return undefined;
  }

  /** A required finite number field. */
  number(object: JsonObject, key: string, path: string, record?: string): number | undefined {
    const value = own(object, key);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.fail(pathOf(path, key), `expected a number, found ${describeJson(value)}`, record);
    return undefined;
  }

  /** A list of text (optional fields give undefined when absent). */
  texts(object: JsonObject, key: string, path: string, record?: string, optional = false): string[] | undefined {
    const value = own(object, key);
    if (value === undefined && optional) return undefined;
    const items = this.list(value, pathOf(path, key), record);
    if (!items) return undefined;
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.fail(pathOf(pathOf(path, key), i), `expected text, found ${describeJson(item)}`, record);
    });
    return out;
  }

  /** One of `allowed`, with a "did you mean" style list in the hint. */
  choice<T extends string>(object: JsonObject, key: string, allowed: readonly T[], path: string, record?: string): T | undefined {
    const value = own(object, key);
    const match = allowed.find((a) => a === value);
    if (match !== undefined) return match;
    this.fail(pathOf(path, key), `expected one of ${allowed.join(', ')}, found ${describeJson(value)}`, record);
    return undefined;
  }
}
