// Pins byte decoding: BOMs, UTF-16 with and without BOM, and refusing binary files.
import { describe, expect, it } from 'vitest';
import { KgError } from '../errors.ts';
import { decodeText, looksBinary } from './decode-text.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const utf16be = (s: string): Uint8Array => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 255]));

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof KgError) return error.code;
    throw error;
  }
  return undefined;
}

describe('decodeText', () => {
  it('decodes UTF-8 with Chinese and emoji, and strips a UTF-8 BOM', () => {
    expect(decodeText(utf8('id\n深度求索 😀'))).toEqual({ text: 'id\n深度求索 😀', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('a,b')])).text).toBe('a,b');
  });

  it('decodes big-endian UTF-16 by its BOM and by its NUL pattern', () => {
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...utf16be('<gexf/>')]))).toEqual({ text: '<gexf/>', encoding: 'utf-16be' });
    expect(decodeText(utf16be('source,target\n')).encoding).toBe('utf-16be');
  });

  it('refuses images, archives, NUL bytes and invalid UTF-8 as not text', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61])))).toBe('IMPORT_NOT_TEXT');
    expect(codeOf(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toBe('IMPORT_NOT_TEXT');
    expect(codeOf(() => decodeText(new Uint8Array([0x61, 0x00, 0x00, 0x00, 0x62, 0x63])))).toBe('IMPORT_NOT_TEXT');
    expect(codeOf(() => decodeText(new Uint8Array([0x61, 0xc3, 0x28])))).toBe('IMPORT_NOT_TEXT');
  });

  it('names the file in the error', () => {
    expect(() => decodeText(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'photo.csv')).toThrow(/photo\.csv/);
  });
});

describe('looksBinary', () => {
  it('spots NULs and a PNG signature in text, and passes ordinary text', () => {
    expect(looksBinary('a\u0000b')).toBe(true);
    expect(looksBinary('\uFFFDPNG\r\n\u001a\n')).toBe(true);
    expect(looksBinary('source,target\nPNG,JPEG\n')).toBe(false);
  });
});
