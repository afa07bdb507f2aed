// Stable problem codes of the import/export layer and a collector that gathers every problem before failing.
import { KgError, type Location, type Problem } from '../errors.ts';

/** Every code an importer can report. Tests assert on these, never on message wording. */
export const IMPORT_CODES = [
  'IMPORT_EMPTY',
  'IMPORT_NOT_TEXT',
  'IMPORT_TOO_LARGE',
  'IMPORT_UNKNOWN_FORMAT',
  'IMPORT_XML_DOCTYPE',
  'IMPORT_XML_MALFORMED',
  'IMPORT_JSON_SYNTAX',
  'IMPORT_JSON_DUPLICATE_KEY',
  'IMPORT_JSON_TOO_DEEP',
  'IMPORT_JSON_SHAPE',
  'IMPORT_GEXF_SHAPE',
  'IMPORT_GRAPHML_SHAPE',
  'IMPORT_CSV_UNCLOSED_QUOTE',
  'IMPORT_CSV_BAD_QUOTE',
  'IMPORT_CSV_RAGGED_ROW',
  'IMPORT_CSV_MISSING_COLUMN',
  'IMPORT_CSV_ID_TRIMMED',
  'IMPORT_EMPTY_ID',
  'IMPORT_DUPLICATE_NODE',
  'IMPORT_DUPLICATE_EDGE',
  'IMPORT_PARALLEL_EDGES',
  'IMPORT_BAD_WEIGHT',
  'IMPORT_EDGE_ID_RENAMED',
  'IMPORT_MISSING_ENDPOINT',
  'IMPORT_SKIPPED_EDGES',
  'IMPORT_PLACEHOLDER_NODES',
  'IMPORT_UNKNOWN_TYPE',
  'IMPORT_UNKNOWN_SOURCE',
  'IMPORT_TYPE_ATTRIBUTE',
  'IMPORT_UNSUPPORTED_FEATURE',
  'IMPORT_UNDECLARED_ATTRIBUTE',
  'IMPORT_VALUE_TRUNCATED',
  'IMPORT_VALUE_DROPPED',
  'IMPORT_INVALID_COLOR',
  'IMPORT_TOO_MANY_PROBLEMS',
  'IMPORT_INTERNAL',
] as const;
export type ImportCode = (typeof IMPORT_CODES)[number];

/** At most this many problems of one severity are kept; the rest are counted in one summary problem. */
export const MAX_PROBLEMS = 500;

/** How many ids a summary notice names before saying "and N more". */
export const SAMPLE_SIZE = 10;

/** `a, b, c and 7 more` — a short list of ids for a message. */
export function sampleList(ids: readonly string[], size = SAMPLE_SIZE): string {
  const shown = ids.slice(0, size).map((id) => JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id));
  return ids.length > size ? `${shown.join(', ')} and ${ids.length - size} more` : shown.join(', ');
}

interface ProblemStore {
  errors: Problem[];
  warnings: Problem[];
  droppedErrors: number;
  droppedWarnings: number;
}

/** Gathers errors and notices for one import; `throwIfErrors` fails with all of them at once. */
export class ProblemCollector {
  readonly file: string;
  readonly #store: ProblemStore;

  constructor(file: string, store: ProblemStore = { errors: [], warnings: [], droppedErrors: 0, droppedWarnings: 0 }) {
    this.file = file;
    this.#store = store;
  }

  /** A collector that files its problems under another file name (e.g. a CSV node table) into the same lists. */
  forFile(file: string): ProblemCollector {
    return new ProblemCollector(file, this.#store);
  }

  /** Records an error; the import fails at the next `throwIfErrors`. */
  error(code: ImportCode, message: string, location: Location & { hint?: string } = {}): void {
    if (this.#store.errors.length >= MAX_PROBLEMS) this.#store.droppedErrors++;
    else this.#store.errors.push(this.#make(code, 'error', message, location));
  }

  /** Records a notice: the import goes on, and the user is told. */
  warn(code: ImportCode, message: string, location: Location & { hint?: string } = {}): void {
    if (this.#store.warnings.length >= MAX_PROBLEMS) this.#store.droppedWarnings++;
    else this.#store.warnings.push(this.#make(code, 'warning', message, location));
  }

  /** Records an error and stops the import now, with everything gathered so far. */
  fatal(code: ImportCode, message: string, location: Location & { hint?: string } = {}): never {
    this.error(code, message, location);
    return this.throwIfErrors() as never;
  }

  get hasErrors(): boolean {
    return this.#store.errors.length > 0;
  }

  /** Throws a KgError listing every error (then the notices) if any error was recorded. */
  throwIfErrors(): void {
    if (this.#store.errors.length === 0) return;
    throw new KgError([...this.#withSummary(this.#store.errors, this.#store.droppedErrors, 'error'), ...this.notices()]);
  }

  /** The notices gathered so far. */
  notices(): Problem[] {
    return this.#withSummary(this.#store.warnings, this.#store.droppedWarnings, 'warning');
  }

  #withSummary(list: Problem[], dropped: number, severity: Problem['severity']): Problem[] {
    if (dropped === 0) return [...list];
    const summary = this.#make('IMPORT_TOO_MANY_PROBLEMS', severity, `${dropped} more problems were found but not listed`, {});
    return [...list, summary];
  }

  #make(code: ImportCode, severity: Problem['severity'], message: string, location: Location & { hint?: string }): Problem {
    const problem: Problem = { code, severity, message, file: this.file };
    if (location.line !== undefined) problem.line = location.line;
    if (location.column !== undefined) problem.column = location.column;
    if (location.record !== undefined) problem.record = location.record;
    if (location.field !== undefined) problem.field = location.field;
    if (location.hint !== undefined) problem.hint = location.hint;
    if (location.file !== undefined) problem.file = location.file;
    return problem;
  }
}

/** Line and column (both 1-based) of a UTF-16 offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
