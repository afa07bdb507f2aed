// Search on PostgreSQL: fetch a provable superset of the search terms the engine's `search()` scores above 0 (using
// the pg_trgm and prefix indexes on the normalised and compact forms), then score them with that same `search()`.
// The argument is in docs/database.md ("Search").
import { KgError } from '../../lib/graph/errors.ts';
import {
  compact,
  MAX_QUERY_LENGTH,
  normalizeForMatch,
  search,
  type MatchField,
  type SearchHit,
  type SearchIndex,
} from '../../lib/graph/search.ts';
import type { Db } from './records.ts';

/** Most term rows one search may score; a query matching more (a single common letter on a huge graph) is refused. */
export const MAX_SEARCH_TERMS = 400_000;

/** LIKE pattern text with the wildcard characters and the escape character taken literally. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `k + 1` contiguous, non-empty pieces of `text` split on code points (so no piece holds half a surrogate pair), or
 * `null` when the text has fewer code points than pieces. A string within edit distance `k` of `text` contains one
 * of them verbatim: each edit touches at most one piece.
 */
export function pigeonholePieces(text: string, k: number): string[] | null {
  const points = [...text];
  const n = k + 1;
  if (points.length < n) return null;
  const pieces: string[] = [];
  for (let i = 0; i < n; i++)
    pieces.push(points.slice(Math.floor((i * points.length) / n), Math.floor(((i + 1) * points.length) / n)).join(''));
  return pieces;
}

/** The query forms the engine tries: the normalised query and, if it differs, its tone-number-free variant. */
function variants(query: string): Array<[string, string]> {
  const q = normalizeForMatch(query.slice(0, MAX_QUERY_LENGTH));
  if (!q) return [];
  const toneless = q.replace(/([a-z])[1-5](?![0-9])/g, '$1');
  return toneless === q
    ? [[q, compact(q)]]
    : [
        [q, compact(q)],
        [toneless, compact(toneless)],
      ];
}

/** A condition on `terms` and its parameters, numbered from `$next`. */
class Conditions {
  readonly params: unknown[];
  readonly parts: string[] = [];
  constructor(params: unknown[]) {
    this.params = params;
  }
  add(sql: (p: string) => string, value: unknown): void {
    this.params.push(value);
    this.parts.push(sql(`$${this.params.length}`));
  }
  addAlways(): void {
    this.parts.push('TRUE');
  }
}

/**
 * The four tiers of the engine's score, best first: exact (100–103), prefix (75–83), word prefix and substring
 * (60–73), typo (≤ 48). Every term the engine scores in a tier satisfies that tier's condition (or an earlier one);
 * the conditions are cumulative.
 */
function tierConditions(forms: Array<[string, string]>, tier: number, c: Conditions): void {
  for (const [q, qc] of forms) {
    c.add((p) => `normalized = ${p}`, q);
    if (qc !== '') c.add((p) => `compact = ${p}`, qc);
    if (tier >= 1) {
      c.add((p) => `normalized LIKE ${p}`, `${likeLiteral(q)}%`);
      if (qc !== '') c.add((p) => `compact LIKE ${p}`, `${likeLiteral(qc)}%`);
    }
    if (tier >= 2) {
      c.add((p) => `normalized LIKE ${p}`, `%${likeLiteral(q)}%`);
      if (qc.length >= 2) c.add((p) => `compact LIKE ${p}`, `%${likeLiteral(qc)}%`);
    }
    if (tier >= 3 && qc.length >= 3) typoCondition(qc, c);
  }
}

/** Terms holding characters outside the BMP, where PostgreSQL's code-point edit distance is not the engine's. */
const ASTRAL = `compact ~ '[\\U00010000-\\U0010FFFF]'`;

/**
 * A superset of the terms the engine's `typoScore` accepts (k = 1 for queries of 3–5 code units, else 2):
 * - the whole compact term within distance k of `qc`: its length is within k of `qc`'s, and it contains one of k + 1
 *   pieces of `qc` verbatim;
 * - its prefix of `qc`'s length within distance k − 1 (the prefix match costs 0.5 more): for k = 1 that is a prefix,
 *   already in the prefix tier; for k = 2 the prefix, and so the term, contains one of 2 pieces of `qc`.
 * The pieces let the trigram index narrow the rows; fuzzystrmatch's `levenshtein_less_equal` then keeps only the
 * rows within the distance, so only true typo matches leave the server. It counts code points, the engine UTF-16
 * code units: the two agree on text without astral characters, and rows or queries with them skip that filter.
 */
function typoCondition(qc: string, c: Conditions): void {
  const k = qc.length <= 5 ? 1 : 2;
  const exactDistance = !/[\uD800-\uDFFF]/.test(qc);
  const within = (expression: string, distance: number): string => {
    if (!exactDistance) return 'TRUE';
    c.params.push(qc);
    return `(${ASTRAL} OR levenshtein_less_equal($${c.params.length}, ${expression}, ${distance}) <= ${distance})`;
  };
  const anyPiece = (pieces: string[] | null): string => {
    if (pieces === null) return 'TRUE';
    const before = c.parts.length;
    for (const piece of pieces) c.add((p) => `compact LIKE ${p}`, `%${likeLiteral(piece)}%`);
    return `(${c.parts.splice(before).join(' OR ')})`;
  };
  // Pieces of under 3 characters have no trigram to look up: then the length index narrows the rows and the pieces
  // filter them before the edit distance is computed. `left` keeps fuzzystrmatch under its 255-character limit whatever order the conditions are evaluated in.
  const pieces = pigeonholePieces(qc, k);
  const whole = anyPiece(pieces);
  c.parts.push(`(units BETWEEN ${qc.length - k} AND ${qc.length + k} AND ${whole} AND ${within(`left(compact, ${qc.length + k})`, k)})`);
  if (k === 2) {
    const prefix = anyPiece(pigeonholePieces(qc, 1));
    c.parts.push(`(units > ${qc.length} AND ${prefix} AND ${within(`left(compact, ${qc.length})`, 1)})`);
  }
}

interface TermRow {
  entity: string;
  field: MatchField;
  text: string;
  normalized: string;
  compact: string;
}

/**
 * The engine's search hits for `query`, computed on the terms of the best tier(s) only: tiers are fetched
 * cumulatively until at least `limit` entities are in hand, since every entity outside them scores lower than every
 * entity inside.
 */
export async function searchDb(db: Db, query: string, limit: number): Promise<SearchHit[]> {
  const forms = variants(query);
  if (forms.length === 0 || limit <= 0) return [];
  let rows: TermRow[] = [];
  for (let tier = 0; tier < 4; tier++) {
    const c = new Conditions([db.graph]);
    tierConditions(forms, tier, c);
    // One SELECT per condition, so each can use its own index (an OR of them all makes the planner scan).
    const selects = c.parts.map((part) => `SELECT entity, ord, field, text, normalized, compact FROM terms WHERE graph = $1 AND ${part}`);
    const result = await db.pool.query<TermRow>(
      `${selects.join('\nUNION\n')}\nORDER BY entity, ord LIMIT ${MAX_SEARCH_TERMS + 1}`,
      c.params,
    );
    rows = result.rows;
    if (rows.length > MAX_SEARCH_TERMS)
      throw new KgError({
        code: 'DB_SEARCH_TOO_BROAD',
        severity: 'error',
        message: `search: "${query.slice(0, 40)}" matches more than ${MAX_SEARCH_TERMS} names on this graph`,
        hint: 'type more of the name',
      });
    if (new Set(rows.map((r) => r.entity)).size >= limit) break;
  }
  const index: SearchIndex = { terms: rows, types: new Map() };
  return search(index, query, { limit });
}
