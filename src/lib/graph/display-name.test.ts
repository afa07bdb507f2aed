// Pins the one display-name rule: the language asked for, then the other, then the id; hidden characters as markers.
import { describe, expect, it } from 'vitest';
import { displayName, rawDisplayName } from './display-name.ts';

describe('displayName', () => {
  const both = { id: 'ds', name: { en: 'DeepSeek', zh: '深度求索' } };
  it('picks the language, then the other language, then the id', () => {
    expect(displayName(both, 'en')).toBe('DeepSeek');
    expect(displayName(both, 'zh')).toBe('深度求索');
    expect(displayName({ id: 'x', name: { en: 'X', zh: '' } }, 'zh')).toBe('X');
    expect(displayName({ id: 'x', name: { en: '', zh: '叉' } }, 'en')).toBe('叉');
    expect(displayName({ id: 'x', name: { en: '', zh: '' } }, 'en')).toBe('x');
  });
  it('shows bidi and invisible characters as markers; the raw form keeps them', () => {
    const spoof = { id: 's', name: { en: 'evil\u202Egpj.exe', zh: '' } };
    expect(displayName(spoof, 'en')).not.toContain('\u202E');
    expect(rawDisplayName(spoof, 'en')).toBe('evil\u202Egpj.exe');
  });
});
