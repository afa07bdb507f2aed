// Pinyin readings of Chinese names, computed at compile time so the app never ships the pinyin dictionary.
import { pinyin } from 'pinyin-pro';

import { hasHan } from './has-han.ts';

export { hasHan };

/**
 * Searchable pinyin forms of a Chinese text: spaced ("liang wen feng"), joined ("liangwenfeng") and
 * initials ("lwf"), all toneless and lowercase. Non-Han characters are kept as they are.
 */
export function pinyinForms(text: string): string[] {
  if (!hasHan(text)) return [];
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().trim())
    .filter((s) => s.length > 0);
  const spaced = syllables.join(' ');
  const joined = syllables.join('');
  const initials = syllables.map((s) => s[0]).join('');
  return [...new Set([spaced, joined, initials])];
}
