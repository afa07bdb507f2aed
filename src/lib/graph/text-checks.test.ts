// Pins how hidden and bidi characters are shown: names and attributes alike, keys and values.
import { describe, expect, it } from 'vitest';
import { attributeRows } from './text-checks.ts';

describe('attributeRows', () => {
  it('makes bidi controls in attribute keys and values visible, like names', () => {
    const rows = attributeRows({ 'role\u202E': 'admin\u202Etxt.exe', plain: 'ok', '\u2066iso\u2069': 3 });
    expect(rows).toEqual([
      ['role<U+202E>', 'admin<U+202E>txt.exe'],
      ['plain', 'ok'],
      ['<U+2066>iso<U+2069>', '3'],
    ]);
    expect(rows.flat().join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('shows nested values as JSON text, neutralised too, and nothing for no attributes', () => {
    expect(attributeRows({ list: ['x\u202E', 1], none: null })).toEqual([
      ['list', '["x<U+202E>",1]'],
      ['none', 'null'],
    ]);
    expect(attributeRows(undefined)).toEqual([]);
  });
});
