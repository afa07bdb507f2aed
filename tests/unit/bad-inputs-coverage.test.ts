// Keeps tests/fixtures/bad-inputs-coverage.json honest: every case of the bad-inputs catalogue (1–53) names at least one
// test, and every named test exists — the file is there and holds a describe/it with that exact title.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COVERAGE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/bad-inputs-coverage.json'), 'utf8')) as Record<string, unknown>;
const CASES = Array.from({ length: 53 }, (_, i) => String(i + 1));
/** The catalogue itself, beside the project (../shared), when it is there. */
const CATALOGUE = join(ROOT, '../shared/bad-inputs.md');

type Kind = 'describe' | 'it';

/**
 * What `title` is in `source`: a describe title, an it/test title, or both. A title counts when it is a whole string
 * literal ('…', "…" or a `…` template, as written in the source, `%s` and `${…}` included) right after `describe(`,
 * `it(`, `test(` or the `)(` of `it.each(…)(`.
 */
function kindsOf(source: string, title: string): Set<Kind> {
  const kinds = new Set<Kind>();
  for (const quote of ["'", '"', '`']) {
    const literal = quote + title.split(quote).join(`\\${quote}`) + quote;
    for (let at = source.indexOf(literal); at !== -1; at = source.indexOf(literal, at + 1)) {
      const before = source.slice(Math.max(0, at - 40), at).replace(/\s+$/, '');
      if (before.endsWith('describe(')) kinds.add('describe');
      if (/\b(it|test)\($/.test(before) || before.endsWith(')(')) kinds.add('it');
    }
  }
  return kinds;
}

/** Whether `parts` read as zero or more describe titles then one it title (titles may themselves contain " > "). */
function resolves(source: string, parts: readonly string[]): boolean {
  for (let k = 1; k <= parts.length; k++) {
    const title = parts.slice(0, k).join(' > ');
    const rest = parts.slice(k);
    if (rest.length === 0) return kindsOf(source, title).has('it');
    if (kindsOf(source, title).has('describe') && resolves(source, rest)) return true;
  }
  return false;
}

/** Why an entry `file > describe > it` does not name an existing test, or undefined when it does. */
function problemWith(entry: string): string | undefined {
  const [file, ...parts] = entry.split(' > ');
  if (!file || parts.length === 0) return `not "file > describe > it": ${entry}`;
  const path = join(ROOT, file);
  if (!existsSync(path)) return `no such test file: ${file}`;
  if (!resolves(readFileSync(path, 'utf8'), parts)) return `no test titled "${parts.join(' > ')}" in ${file}`;
  return undefined;
}

describe('the bad-inputs coverage map', () => {
  it('has an entry for each catalogue case 1–53 and nothing else', () => {
    expect(Object.keys(COVERAGE).sort((a, b) => Number(a) - Number(b))).toEqual(CASES);
  });

  it.skipIf(!existsSync(CATALOGUE))('lists the same cases as the catalogue in ../shared/bad-inputs.md', () => {
    const numbered = [...readFileSync(CATALOGUE, 'utf8').matchAll(/^(\d+)\. /gm)].map((m) => m[1]);
    expect(numbered).toEqual(CASES);
  });

  it.each(CASES)('names at least one existing test for case %s', (key) => {
    const entries = COVERAGE[key];
    expect(Array.isArray(entries) && entries.length > 0, `case ${key} has no covering test`).toBe(true);
    const problems = (entries as unknown[]).map((e) => (typeof e === 'string' ? problemWith(e) : `not a string: ${JSON.stringify(e)}`));
    expect(problems.filter((p) => p !== undefined)).toEqual([]);
  });

  it('rejects a test title that is not in the file, and a file that does not exist', () => {
    expect(problemWith('src/lib/graph/compile.test.ts > compile: ids > rejects nothing at all')).toMatch(/no test titled/);
    expect(problemWith('src/lib/graph/compile.test.ts > compile: ids')).toMatch(/no test titled/);
    expect(problemWith('src/lib/graph/no-such.test.ts > x > y')).toMatch(/no such test file/);
  });
});
