// Rules for ids, dates, URLs and hidden characters, shared by the compiler, importers and URL state.

/** Slug ids: lowercase ASCII letters and digits in hyphen-separated runs. Rules out `__proto__`, spaces, invisibles. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Names that must never become ids or keys, even in formats that allow any id. */
export const MAGIC_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty']);

/**
 * `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, a decade `YYY0s`, or a range of two of them joined by `/` (ISO 8601's interval
 * form: `2026/2027` for a forecast "in 2026–2027"). Use `isDate` to also check that a range runs forward.
 */
export const DATE =
  /^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?|\d{3}0s)(?:\/(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?|\d{3}0s))?$/;

/** Whether `date` is well-formed (see `DATE`) and, for a range, does not end before it starts. */
export function isDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const [start, end] = date.split('/');
  return end === undefined || dateLowerBound(start!) <= dateUpperBound(end);
}

/** A date as people read it: a range `2026/2027` becomes `2026–2027`; single dates are shown as written. */
export function displayDate(date: string): string {
  return date.replace('/', '–');
}

// Bidi embeddings/overrides/isolates, zero-width characters, BOM, soft hyphen, other format controls. The zero-width
// joiner (U+200D) is left out: emoji sequences such as 👩‍💻 need it.
const HIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/gu;

/** Code points in `text` that are invisible or reorder text (bidi controls), as `U+202E` strings with their index. */
export function hiddenCharacters(text: string): Array<{ index: number; codePoint: string }> {
  const found: Array<{ index: number; codePoint: string }> = [];
  for (const match of text.matchAll(HIDDEN)) {
    found.push({ index: match.index, codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
  }
  return found;
}

/** Replaces hidden characters with visible `<U+202E>` markers, for display. */
export function neutraliseHidden(text: string): string {
  return text.replace(HIDDEN, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/**
 * An entity's or relation's attributes as rows to show: keys and values (values as text) with hidden and bidi
 * characters made visible, like names, so that a U+202E in an imported attribute cannot reorder what is shown.
 */
export function attributeRows(attributes: Readonly<Record<string, unknown>> | undefined): Array<[string, string]> {
  return Object.entries(attributes ?? {}).map(([key, value]) => [
    neutraliseHidden(key),
    neutraliseHidden(typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)),
  ]);
}

/** Whether `url` is an absolute http(s) URL: the only kind the app ever turns into a link. */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url);
}

/** Lower bound of a date string as a sortable `YYYY-MM-DD` (decades start at their first year, ranges at their start). */
export function dateLowerBound(date: string): string {
  const first = date.split('/')[0]!;
  if (first.endsWith('s')) return `${first.slice(0, 4)}-01-01`;
  const [y, m = '01', d = '01'] = first.split('-');
  return `${y}-${m}-${d}`;
}

/**
 * The last day a date can mean, as a sortable `YYYY-MM-DD` ("2023" ends on 2023-12-31, a decade on its tenth year's
 * last day, a range with its end). Months end at day 31: the bound is only ever compared, never shown.
 */
export function dateUpperBound(date: string): string {
  const last = date.split('/').at(-1)!;
  if (last.endsWith('s')) return `${last.slice(0, 3)}9-12-31`;
  const [y, m = '12', d = '31'] = last.split('-');
  return `${y}-${m}-${d}`;
}
