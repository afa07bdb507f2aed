// Source scan (bad-inputs cases 25, 27): no regular expression is built at run time from anything a user can type
// or import, and no markup is built from strings, anywhere in the app's own code.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts and .svelte file under src/, tests excepted (they never run in the app). */
function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [relative(ROOT, full)] : [];
  });
}

/** `file:line` of every line matching `pattern`. */
function occurrences(pattern: RegExp): string[] {
  return sourceFiles().flatMap((file) =>
    readFileSync(join(ROOT, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}`] : [])),
  );
}

/**
 * Run-time regular expressions that are known to be safe, by file, with the reason. Anything else fails the test:
 * search must match literally (search.ts), and `new RegExp(userInput)` throws on `[` and can hang on `(a+)+$`.
 */
const REGEXP_ALLOWLIST: Record<string, string> = {
  // Built from the constant TYPE_ATTRIBUTE_NAMES ('type', 'category', …); only tested against attribute names.
  'src/lib/graph/formats/to-entities.ts': 'pattern from a constant list, never from input',
};

describe('the app source', () => {
  it('builds no regular expression at run time except from constants on the allowlist', () => {
    const found = occurrences(/\bRegExp\s*\(/);
    const unexpected = found.filter((where) => !Object.hasOwn(REGEXP_ALLOWLIST, where.replace(/:\d+$/, '')));
    expect(unexpected).toEqual([]);
    // The allowlist stays honest: every entry still has a RegExp to excuse.
    for (const file of Object.keys(REGEXP_ALLOWLIST))
      expect(
        found.some((where) => where.startsWith(`${file}:`)),
        file,
      ).toBe(true);
  });

  it('never turns strings into markup: no {@html}, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    expect(occurrences(/\{@html\b|\binnerHTML\b|\bouterHTML\b|\binsertAdjacentHTML\b|\bdocument\.write\b/)).toEqual([]);
  });

  it('never evaluates strings as code: no eval, new Function or string timers', () => {
    expect(occurrences(/\beval\s*\(|\bnew Function\s*\(|\bset(Timeout|Interval)\s*\(\s*['"`]/)).toEqual([]);
  });
});
