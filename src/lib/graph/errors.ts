// Located problems and the typed error that carries them: one shape for compiler, importers, URL state and CLI.

/** Where a problem is: a file position for text formats, or a record id and field path for the rest. */
export interface Location {
  file?: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
  /** Record id (entity, relation, node or edge id) where the format has no lines. */
  record?: string;
  /** Field path, e.g. `evidence[0].quote`. */
  field?: string;
}

export type Severity = 'error' | 'warning';

/** One problem found in input. `code` is stable (tests assert on it); `message` is for people. */
export interface Problem extends Location {
  code: string;
  severity: Severity;
  message: string;
  /** A suggested fix, e.g. `did you mean "funds"?` */
  hint?: string;
}

/** Formats a problem as `file:line:col CODE message (hint)`, the form the CLI prints. */
export function formatProblem(p: Problem): string {
  const where = [p.file ?? '', p.line ?? '', p.line !== undefined ? (p.column ?? 1) : ''].filter((part) => part !== '').join(':');
  const record = p.record !== undefined ? ` [${p.record}${p.field ? `.${p.field}` : ''}]` : p.field ? ` [${p.field}]` : '';
  const hint = p.hint ? ` — ${p.hint}` : '';
  const level = p.severity === 'warning' ? ' warning' : '';
  return `${where}${where ? ' ' : ''}${p.code}${level}${record} ${p.message}${hint}`;
}

/** An operation that failed because of its input. Carries every problem found, not just the first. */
export class KgError extends Error {
  readonly code: string;
  readonly problems: Problem[];

  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    const first = list[0];
    super(first ? formatProblem(first) + (list.length > 1 ? ` (and ${list.length - 1} more)` : '') : 'unknown error');
    this.name = 'KgError';
    this.code = first?.code ?? 'UNKNOWN';
    this.problems = list;
  }
}

/** Shorthand for a single-problem error. */
export function fail(code: string, message: string, location: Location & { hint?: string } = {}): never {
  throw new KgError({ code, severity: 'error', message, ...location });
}

/** Levenshtein distance, for "did you mean" suggestions. Small inputs only. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Longer words get no suggestion: typos of ids and field names are short, and edit distance is quadratic. */
export const MAX_SUGGESTION_LENGTH = 100;

/** The closest candidate to `word`, if close enough to be a plausible typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  // Without these two checks a 1 MB id in a hostile file meant hours of edit distance against other huge ids.
  if (word.length > MAX_SUGGESTION_LENGTH) return undefined;
  const lower = word.toLowerCase();
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const other = c.toLowerCase();
    // The distance is at least the difference in length, so such a candidate could never be suggested.
    if (Math.abs(other.length - lower.length) > limit) continue;
    const d = editDistance(lower, other);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}
