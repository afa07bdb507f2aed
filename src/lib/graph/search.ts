// Entity search across English and Chinese names, aliases, pinyin and typos; literal matching only, never regex.
import type { Entity } from './types.ts';
import { editDistance } from './errors.ts';

/** Longest query considered; longer input is cut, so a pasted 10,000-character string stays fast. */
export const MAX_QUERY_LENGTH = 128;

/** Lowercase, width-folded (NFKC), accent- and tone-mark-free, whitespace-collapsed form of a text. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The form compared for typos and joined spellings: no spaces, hyphens, dots or other punctuation. */
export function compact(normalized: string): string {
  return normalized.replace(/[\s\p{P}\p{S}]/gu, '');
}

export type MatchField = 'id' | 'name' | 'alias' | 'pinyin';

export interface SearchHit {
  id: string;
  score: number;
  /** The name, alias or pinyin form that matched, as written. */
  matched: string;
  field: MatchField;
}

interface Term {
  entity: string;
  text: string;
  normalized: string;
  compact: string;
  field: MatchField;
}

export interface SearchIndex {
  readonly terms: readonly Term[];
  readonly types: ReadonlyMap<string, string>;
}

const FIELD_BONUS: Record<MatchField, number> = { name: 3, alias: 2, pinyin: 1, id: 0 };

/** Indexes entities by id, both names, aliases and precomputed pinyin. */
export function buildSearchIndex(entities: Iterable<Entity>): SearchIndex {
  const terms: Term[] = [];
  const types = new Map<string, string>();
  for (const e of entities) {
    types.set(e.id, e.type);
    const add = (text: string, field: MatchField): void => {
      const normalized = normalizeForMatch(text);
      if (normalized) terms.push({ entity: e.id, text, normalized, compact: compact(normalized), field });
    };
    add(e.name.en, 'name');
    if (e.name.zh) add(e.name.zh, 'name');
    for (const a of e.aliases) add(a, 'alias');
    for (const p of e.pinyin ?? []) add(p, 'pinyin');
    add(e.id, 'id');
  }
  return { terms, types };
}

export interface SearchOptions {
  limit?: number;
  /** Only entities of these types. */
  types?: readonly string[];
}

const DEFAULTS = { limit: 10 } as const;

/** Ranked matches: exact, then prefix, then word prefix, then substring, then typo-tolerant. */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = options.limit ?? DEFAULTS.limit;
  const q = normalizeForMatch(query.slice(0, MAX_QUERY_LENGTH));
  const qc = compact(q);
  if (!q || limit <= 0) return [];
  // Tone numbers ("liang2 wen2 feng1") may be typed after pinyin syllables; the query is also tried without them,
  // and each term keeps the better score, so "DeepSeek-V3" and "R1" still match exactly.
  const toneless = q.replace(/([a-z])[1-5](?![0-9])/g, '$1');
  const variants: Array<[string, string]> =
    toneless === q
      ? [[q, qc]]
      : [
          [q, qc],
          [toneless, compact(toneless)],
        ];
  const allowed = options.types ? new Set(options.types) : undefined;
  const best = new Map<string, SearchHit>();
  for (const term of index.terms) {
    if (allowed && !allowed.has(index.types.get(term.entity) ?? '')) continue;
    let score = 0;
    for (const [vq, vqc] of variants) score = Math.max(score, scoreTerm(term, vq, vqc));
    if (score <= 0) continue;
    const total = score + FIELD_BONUS[term.field];
    const previous = best.get(term.entity);
    if (!previous || total > previous.score)
      best.set(term.entity, { id: term.entity, score: total, matched: term.text, field: term.field });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
}

function scoreTerm(term: Term, q: string, qc: string): number {
  const { normalized: t, compact: tc } = term;
  if (t === q || (qc !== '' && tc === qc)) return 100;
  if (t.startsWith(q) || (qc !== '' && tc.startsWith(qc))) return 80 - Math.min(10, t.length - q.length) / 2;
  if (t.includes(` ${q}`) || t.includes(`-${q}`)) return 70;
  if (t.includes(q) || (qc.length >= 2 && tc.includes(qc))) return 60;
  return typoScore(tc, qc);
}

/** Typo tolerance: compare with the whole term and with its prefix of the query's length. */
function typoScore(tc: string, qc: string): number {
  if (qc.length < 3 || tc.length === 0) return 0;
  const allowed = qc.length <= 5 ? 1 : 2;
  let distance = Infinity;
  if (Math.abs(tc.length - qc.length) <= allowed) distance = editDistance(qc, tc);
  if (tc.length > qc.length) distance = Math.min(distance, editDistance(qc, tc.slice(0, qc.length)) + 0.5);
  return distance <= allowed ? 50 - distance * 10 : 0;
}
