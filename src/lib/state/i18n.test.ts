// Pins the UI dictionary: every entry has both languages with the same placeholders, `tf` fills them as plain text,
// and no component carries a Chinese literal of its own, so every UI string goes through the dictionary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEXT_ENTRIES, t, tf } from './i18n.ts';

const COMPONENTS = join(import.meta.dirname, '../../components');
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/** The file's text without `<!-- -->` comments and without lines that are `//` comments. */
function withoutComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

describe('UI dictionary', () => {
  const entries = Object.entries(TEXT_ENTRIES);

  it('has non-empty English and Chinese for every key', () => {
    for (const [key, entry] of entries) {
      expect(entry.en.trim(), `${key}.en`).not.toBe('');
      expect(entry.zh.trim(), `${key}.zh`).not.toBe('');
    }
  });

  it('uses the same placeholders in English and Chinese', () => {
    for (const [key, entry] of entries) expect(placeholders(entry.zh), key).toEqual(placeholders(entry.en));
  });

  it('fills placeholders with the values as plain text, each once', () => {
    expect(tf('exportNeighbourhoodTitle', 'en', { name: 'DeepSeek', depth: 2 })).toBe('DeepSeek: neighbourhood, depth 2');
    expect(tf('exportNeighbourhoodTitle', 'zh', { name: 'DeepSeek', depth: 2 })).toBe('DeepSeek 的 2 度邻域');
    expect(tf('csvCandidate', 'en', { name: '<b>{name}</b>' })).toBe('“<b>{name}</b>”');
    expect(t('cancel', 'zh')).toBe('取消');
  });
});

describe('components', () => {
  const files = readdirSync(COMPONENTS).filter((f) => f.endsWith('.svelte'));

  it('are found', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s has no Chinese literal outside comments (UI text lives in i18n.ts)', (file) => {
    const lines = withoutComments(readFileSync(join(COMPONENTS, file), 'utf8'))
      .split('\n')
      .filter((line) => CJK.test(line));
    expect(lines).toEqual([]);
  });
});
