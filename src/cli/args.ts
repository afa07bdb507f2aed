// The one reading of the `kg` CLI's option values, shared by every command: comma lists, path flags, and strict
// values (whole numbers in decimal digits, enumerations, real calendar dates) that refuse anything else with
// CLI_BAD_OPTION. Printing is terminal.ts's, the only module that writes to stdout and stderr.
import { didYouMean, KgError } from '../lib/graph/errors.ts';
import { PATH_FLAGS } from '../lib/graph/paths/index.ts';
import type { PathFlags } from '../lib/graph/paths/index.ts';
import { DATE } from '../lib/graph/text-checks.ts';

/** The option values `parseArgs` gives every command: strings, `true` for flags, undefined when absent. */
export type Values = Record<string, string | boolean | undefined>;

function bad(message: string, hint?: string): KgError {
  return new KgError({ code: 'CLI_BAD_OPTION', severity: 'error', message, ...(hint ? { hint } : {}) });
}

/** Quotes an option value for an error line, shortened (the terminal filter handles control characters). */
const shown = (raw: unknown): string => JSON.stringify(String(raw).slice(0, 40));

/** A command: its positional arguments and option values in, its exit code out. */
export type Command = (args: string[], values: Values) => Promise<number>;

/** `--key a,b,c`: the items, trimmed, empty ones dropped; undefined when absent. */
export function list(values: Values, key: string): string[] | undefined {
  const raw = values[key];
  return typeof raw === 'string'
    ? raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

/** The path options given as flags (`--mode`, `--k`, `--relations`, …), as the path engine reads them. */
export function flagsOf(values: Values): PathFlags {
  const flags: PathFlags = {};
  for (const flag of PATH_FLAGS) {
    const v = values[flag];
    if (typeof v === 'string') flags[flag] = v;
  }
  return flags;
}

/** `--key N`: decimal digits only (no 0x2, 1e1, 1.5, -1), within [min, max]; `fallback` when absent. */
export function integer(values: Values, key: string, fallback: number, min: number, max: number): number {
  const raw = values[key];
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= min && n <= max)) throw bad(`--${key} must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
  return n;
}

/** `--key VALUE` from a fixed list; `fallback` when absent. */
export function oneOf<T extends string>(values: Values, key: string, allowed: readonly T[], fallback: T): T {
  const raw = values[key];
  if (raw === undefined) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  const suggestion = typeof raw === 'string' ? didYouMean(raw, allowed) : undefined;
  throw bad(`--${key} must be one of ${allowed.join(', ')}, got ${shown(raw)}`, suggestion && `did you mean "${suggestion}"?`);
}

/** The interface languages `--lang` takes. */
export const LANGS = ['en', 'zh'] as const;

/** `--lang en|zh`, English when absent. */
export const langOf = (values: Values): 'en' | 'zh' => oneOf(values, 'lang', LANGS, 'en');

/** Whether `YYYY-MM-DD` names a day that exists (2023-02-30 does not; 2024-02-29 does). */
function isCalendarDay(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** `--as-of DATE`: YYYY, YYYY-MM, a real YYYY-MM-DD, or a decade like 2010s; undefined when absent. */
export function asOfDate(values: Values): string | undefined {
  const raw = values['as-of'];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !DATE.test(raw) || (raw.length === 10 && !isCalendarDay(raw)))
    throw bad(`--as-of must be a date (YYYY, YYYY-MM, YYYY-MM-DD or a decade like 2010s), got ${shown(raw)}`);
  return raw;
}
