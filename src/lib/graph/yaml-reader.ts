// Safe, located YAML reading for graph-data: YAML 1.2 core schema, unique keys, no aliases or custom tags.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { Location, Problem } from './errors.ts';
import { didYouMean } from './errors.ts';

/** A parsed YAML file plus a way to turn AST offsets into line:col locations. */
export interface YamlFile {
  path: string;
  root: Node | null;
  at(node: Node | Pair | null | undefined, field?: string): Location;
}

const YAML_ERROR_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'YAML_DUPLICATE_KEY',
  TAG_RESOLVE_FAILED: 'YAML_UNKNOWN_TAG',
};

/** Parses YAML text. Syntax errors, duplicate keys, unknown tags and aliases become problems. */
export function parseYaml(path: string, text: string, problems: Problem[]): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    schema: 'core',
    uniqueKeys: true,
    lineCounter,
    prettyErrors: false,
    strict: true,
  });
  const at = (offset: number | undefined): Location => {
    if (offset === undefined) return { file: path };
    const { line, col } = lineCounter.linePos(offset);
    return { file: path, line, column: col };
  };
  for (const issue of [...doc.errors, ...doc.warnings]) {
    const code = YAML_ERROR_CODES[issue.code] ?? 'YAML_SYNTAX';
    const excerpt = excerptAt(text, issue.pos[0]);
    problems.push({
      code,
      severity: 'error',
      message: `${issue.message.split('\n')[0]}${excerpt ? ` near "${excerpt}"` : ''}`,
      ...at(issue.pos[0]),
    });
  }
  const file: YamlFile = {
    path,
    root: doc.errors.length ? null : (doc.contents as Node | null),
    at(node, field) {
      const range = node && 'range' in node ? node.range : node && 'key' in node ? (node.key as Node | null)?.range : undefined;
      return { ...at(range?.[0]), ...(field !== undefined ? { field } : {}) };
    },
  };
  // Anchors and aliases have no use in graph-data; refusing every alias rules out alias bombs.
  if (file.root) rejectAliases(file, file.root, problems);
  return file;
}

function excerptAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  return text
    .slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
    .trim()
    .slice(0, 60);
}

function rejectAliases(file: YamlFile, node: Node, problems: Problem[]): void {
  if (isAlias(node)) {
    problems.push({
      code: 'YAML_ALIAS',
      severity: 'error',
      message: 'YAML aliases (*name) are not allowed in graph-data',
      ...file.at(node),
    });
  } else if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isMap(node)) {
        const pair = item as Pair;
        if (pair.key && typeof pair.key === 'object') rejectAliases(file, pair.key as Node, problems);
        if (pair.value && typeof pair.value === 'object') rejectAliases(file, pair.value as Node, problems);
      } else if (item && typeof item === 'object') {
        rejectAliases(file, item as Node, problems);
      }
    }
  }
}

/** Typed, located field access on a YAML mapping; every mistake becomes a problem, reading goes on. */
export class RecordReader {
  readonly #file: YamlFile;
  readonly #map: YAMLMap;
  readonly #problems: Problem[];
  readonly #prefix: string;
  readonly record: string | undefined;

  constructor(file: YamlFile, map: YAMLMap, problems: Problem[], prefix = '', record?: string) {
    this.#file = file;
    this.#map = map;
    this.#problems = problems;
    this.#prefix = prefix;
    this.record = record;
  }

  /** The same reader, with problems tagged by a record id. */
  withRecord(record: string): RecordReader {
    return new RecordReader(this.#file, this.#map, this.#problems, this.#prefix, record);
  }

  get node(): YAMLMap {
    return this.#map;
  }

  #pair(key: string): Pair | undefined {
    return this.#map.items.find((p) => isScalar(p.key) && p.key.value === key);
  }

  /** Location of a field (its value if present, else the record). */
  at(key?: string): Location {
    const pair = key !== undefined ? this.#pair(key) : undefined;
    const node = (pair?.value as Node | null | undefined) ?? (pair?.key as Node | undefined) ?? this.#map;
    return { ...this.#file.at(node), field: this.#prefix + (key ?? ''), ...(this.record ? { record: this.record } : {}) };
  }

  problem(code: string, message: string, key?: string, hint?: string, severity: Problem['severity'] = 'error'): void {
    this.#problems.push({ code, severity, message, ...this.at(key), ...(hint ? { hint } : {}) });
  }

  /** Reports keys that are not in `allowed`, with a suggestion. */
  onlyKeys(allowed: readonly string[]): void {
    for (const pair of this.#map.items) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string' || !allowed.includes(key)) {
        const name = String(key);
        const suggestion = didYouMean(name, allowed);
        this.#problems.push({
          code: 'FIELD_UNKNOWN',
          severity: 'error',
          message: `unknown field "${this.#prefix}${name}"; allowed: ${allowed.join(', ')}`,
          ...this.#file.at(pair.key as Node),
          field: this.#prefix + name,
          ...(this.record ? { record: this.record } : {}),
          ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
        });
      }
    }
  }

  has(key: string): boolean {
    return this.#pair(key) !== undefined;
  }

  value(key: string): Node | null | undefined {
    return this.#pair(key)?.value as Node | null | undefined;
  }

  /** A string field. Numbers, booleans and nulls are type errors, never coerced. */
  string(key: string, required: true): string | undefined;
  string(key: string, required?: false): string | undefined;
  string(key: string, required = false): string | undefined {
    const pair = this.#pair(key);
    if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
      // Located at the record (or the empty value), but the field path names the missing field.
      if (required) this.problem('FIELD_MISSING', `missing required field "${this.#prefix}${key}"`, key);
      return undefined;
    }
    const node = pair.value as Node;
    if (!isScalar(node) || typeof node.value !== 'string') {
      const got = isScalar(node) ? typeof node.value : isSeq(node) ? 'list' : 'mapping';
      this.problem('FIELD_TYPE', `field "${this.#prefix}${key}" must be a string, got ${got}`, key, 'quote the value');
      return undefined;
    }
    return node.value;
  }

  boolean(key: string): boolean | undefined {
    const node = this.value(key);
    if (node === undefined || node === null) return undefined;
    if (!isScalar(node) || typeof node.value !== 'boolean') {
      this.problem('FIELD_TYPE', `field "${this.#prefix}${key}" must be true or false`, key);
      return undefined;
    }
    return node.value;
  }

  /** A nested mapping, read with its own reader. */
  map(key: string, required: boolean): RecordReader | undefined {
    const node = this.value(key);
    if (node === undefined || node === null) {
      if (required) this.problem('FIELD_MISSING', `missing required field "${this.#prefix}${key}"`, key);
      return undefined;
    }
    if (!isMap(node)) {
      this.problem('FIELD_TYPE', `field "${this.#prefix}${key}" must be a mapping`, key);
      return undefined;
    }
    return new RecordReader(this.#file, node, this.#problems, `${this.#prefix}${key}.`, this.record);
  }

  /** A list field; returns the item nodes (empty when absent). */
  list(key: string, required: boolean): Node[] {
    const node = this.value(key);
    if (node === undefined || node === null) {
      if (required) this.problem('FIELD_MISSING', `missing required field "${this.#prefix}${key}"`, key);
      return [];
    }
    if (!isSeq(node)) {
      this.problem('FIELD_TYPE', `field "${this.#prefix}${key}" must be a list`, key);
      return [];
    }
    return node.items as Node[];
  }

  /** A list of strings. */
  strings(key: string): string[] {
    const out: string[] = [];
    this.list(key, false).forEach((item, i) => {
      if (isScalar(item) && typeof item.value === 'string') out.push(item.value);
      else
        this.#problems.push({
          code: 'FIELD_TYPE',
          severity: 'error',
          message: `${this.#prefix}${key}[${i}] must be a string`,
          ...this.#file.at(item),
          field: `${this.#prefix}${key}[${i}]`,
          ...(this.record ? { record: this.record } : {}),
        });
    });
    return out;
  }

  /** A reader for the i-th mapping item of a list, or undefined (with a problem) when it is not a mapping. */
  item(key: string, index: number, node: Node): RecordReader | undefined {
    if (!isMap(node)) {
      this.#problems.push({
        code: 'FIELD_TYPE',
        severity: 'error',
        message: `${this.#prefix}${key}[${index}] must be a mapping`,
        ...this.#file.at(node),
        field: `${this.#prefix}${key}[${index}]`,
        ...(this.record ? { record: this.record } : {}),
      });
      return undefined;
    }
    return new RecordReader(this.#file, node, this.#problems, `${this.#prefix}${key}[${index}].`, this.record);
  }

  /** Entries of a mapping field as [key, node] pairs (for `dates: { founded: "2023" }`). */
  entries(key: string): Array<[string, Node | null]> {
    const node = this.value(key);
    if (node === undefined || node === null) return [];
    if (!isMap(node)) {
      this.problem('FIELD_TYPE', `field "${this.#prefix}${key}" must be a mapping`, key);
      return [];
    }
    return node.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), p.value as Node | null]);
  }
}

/** The top-level list of records in a data file, each as a reader. */
export function recordsOf(file: YamlFile, problems: Problem[]): YAMLMap[] {
  if (file.root === null) return [];
  if (!isSeq(file.root)) {
    problems.push({ code: 'FIELD_TYPE', severity: 'error', message: 'a data file must be a YAML list of records', ...file.at(file.root) });
    return [];
  }
  const maps: YAMLMap[] = [];
  file.root.items.forEach((item, i) => {
    if (isMap(item)) maps.push(item);
    else problems.push({ code: 'FIELD_TYPE', severity: 'error', message: `record ${i + 1} must be a mapping`, ...file.at(item as Node) });
  });
  return maps;
}

export { isMap, isScalar, isSeq };
