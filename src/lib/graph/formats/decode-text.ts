// Turns the bytes of an uploaded file into text, refusing images and other binary files with a clear error.
import { strFromU8 } from 'fflate';
import { ProblemCollector } from './problems.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decoded file text (BOM removed) and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** The bit of the platform's TextDecoder we use; typed here because the engine compiles without the DOM lib. */
interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderConstructor = new (label: string, options?: { fatal?: boolean }) => TextDecoderLike;

const SIGNATURES: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a ZIP archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

const SNIFF_BYTES = 8192;

/**
 * Decodes file bytes as UTF-8 (stripping a BOM) or UTF-16 (by BOM or by its NUL-byte pattern).
 * Binary files (images, archives, NUL bytes, invalid UTF-8) fail with `IMPORT_NOT_TEXT`.
 */
export function decodeText(bytes: Uint8Array, fileName = 'input'): DecodedText {
  const problems = new ProblemCollector(fileName);
  const notText = (what: string, hint = 'choose a GEXF, GraphML, JSON or CSV file saved as UTF-8'): never =>
    problems.fatal('IMPORT_NOT_TEXT', `not a text graph file: ${what}`, { hint });

  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => bytes[i] === b)) notText(`it looks like ${signature.name}`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3), notText), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16(bytes.subarray(2), true, notText), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16(bytes.subarray(2), false, notText), encoding: 'utf-16be' };

  const pattern = utf16Pattern(bytes);
  if (pattern) return { text: utf16(bytes, pattern === 'utf-16le', notText), encoding: pattern };
  const head = bytes.subarray(0, SNIFF_BYTES);
  const nul = head.indexOf(0);
  if (nul >= 0) notText(`it contains a NUL byte at offset ${nul}`);
  return { text: utf8(bytes, notText), encoding: 'utf-8' };
}

/** Whether already-decoded text is really binary content (a NUL or a PNG signature near the start). */
export function looksBinary(text: string): boolean {
  const head = text.slice(0, SNIFF_BYTES);
  return head.includes('\u0000') || /^[\u0089\uFFFD]PNG\r?\n/.test(head);
}

/** UTF-16 without a BOM shows as every other byte being NUL for mostly-ASCII text. */
function utf16Pattern(bytes: Uint8Array): TextEncodingName | undefined {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero === 0) return 'utf-16be';
  return undefined;
}

function platformDecoder(label: string): TextDecoderLike | undefined {
  // Present in Node, browsers and workers; absent from the ES2022 lib types, hence the typed lookup.
  const Decoder = (globalThis as { TextDecoder?: TextDecoderConstructor }).TextDecoder;
  return Decoder ? new Decoder(label, { fatal: true }) : undefined;
}

function utf8(bytes: Uint8Array, notText: (what: string, hint?: string) => never): string {
  const decoder = platformDecoder('utf-8');
  try {
    return decoder ? decoder.decode(bytes) : strFromU8(bytes);
  } catch (error) {
    // A RangeError means the text is longer than the platform can hold as one string, not that the bytes are wrong.
    if (error instanceof RangeError) return notText(`it is too large to hold as text (${bytes.length} bytes)`);
    return notText('it is not valid UTF-8', 'save the file as UTF-8 (for example "CSV UTF-8" in a spreadsheet)');
  }
}

function utf16(bytes: Uint8Array, littleEndian: boolean, notText: (what: string) => never): string {
  if (bytes.length % 2 !== 0) notText('it looks like UTF-16 but has an odd number of bytes');
  const chunks: string[] = [];
  const units: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const lo = bytes[i] ?? 0;
    const hi = bytes[i + 1] ?? 0;
    units.push(littleEndian ? lo | (hi << 8) : (lo << 8) | hi);
    if (units.length === 8192) chunks.push(String.fromCharCode(...units.splice(0)));
  }
  chunks.push(String.fromCharCode(...units));
  const text = chunks.join('');
  if (text.includes('\u0000')) notText('it contains NUL characters');
  if (!isWellFormed(text)) notText('it is not valid UTF-16');
  return text;
}

/** No lone surrogates (String.prototype.isWellFormed is newer than ES2022). */
function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return false;
    i++;
  }
  return true;
}
