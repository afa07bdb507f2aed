// Typed attribute declarations of GEXF and GraphML (`<attribute>`, `<key>`), value conversion, and feature counts.
import type { AttributeValue } from './import-types.ts';
import { sampleList, type ProblemCollector } from './problems.ts';

/** One declared attribute: the id values refer to, the name it gets, its declared type and default. */
export interface AttributeDeclaration {
  id: string;
  name: string;
  type: string;
  default?: string;
}

const NUMERIC_TYPES = new Set(['integer', 'int', 'long', 'short', 'byte', 'float', 'double', 'bigdecimal', 'biginteger']);

/**
 * Converts the text of a value to its declared type: numbers for numeric types, booleans for `boolean`,
 * text for everything else (lists, dates, URIs). A value that does not parse as its type stays text.
 */
export function typedValue(text: string, type: string | undefined): AttributeValue {
  const kind = (type ?? 'string').toLowerCase();
  if (NUMERIC_TYPES.has(kind)) {
    const n = text.trim() === '' ? Number.NaN : Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (kind === 'boolean') {
    const t = text.trim().toLowerCase();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
  }
  return text;
}

/**
 * Declarations by id. Two declarations with the same name get the id appended to the later one's name, so no
 * value silently overwrites another.
 */
export function declarationIndex(declarations: readonly AttributeDeclaration[]): Map<string, AttributeDeclaration> {
  const byId = new Map<string, AttributeDeclaration>();
  const names = new Set<string>();
  for (const declaration of declarations) {
    if (byId.has(declaration.id)) continue;
    const name = names.has(declaration.name) ? `${declaration.name} (${declaration.id})` : declaration.name;
    names.add(name);
    byId.set(declaration.id, { ...declaration, name });
  }
  return byId;
}

/** Counts things a reader skipped or guessed, reported once each at the end of the import. */
export class FeatureCounter {
  readonly #ignored = new Map<string, number>();
  readonly #undeclared = new Map<string, number>();

  /** Notes `count` occurrences of an unsupported feature (e.g. "hyperedges"). */
  ignore(feature: string, count = 1): void {
    if (count > 0) this.#ignored.set(feature, (this.#ignored.get(feature) ?? 0) + count);
  }

  /** Notes a value whose attribute was never declared (kept as text under its id). */
  undeclared(id: string): void {
    this.#undeclared.set(id, (this.#undeclared.get(id) ?? 0) + 1);
  }

  /** Emits the notices: one per ignored feature, one for all undeclared attributes. */
  flush(problems: ProblemCollector, format: string): void {
    for (const [feature, count] of this.#ignored) {
      problems.warn('IMPORT_UNSUPPORTED_FEATURE', `${format}: ${count} ${feature} ignored`, { hint: 'the rest of the graph was imported' });
    }
    if (this.#undeclared.size > 0) {
      const total = [...this.#undeclared.values()].reduce((a, b) => a + b, 0);
      problems.warn(
        'IMPORT_UNDECLARED_ATTRIBUTE',
        `${format}: ${total} value${total === 1 ? '' : 's'} of undeclared attributes kept as text: ${sampleList([...this.#undeclared.keys()])}`,
      );
    }
  }
}
