// Guesses a graph file's format from its first characters, falling back on the file extension.
import type { ImportFormat } from './import-types.ts';

/**
 * File extensions (lower case, no dot) and the format each one suggests. A Map, so that `.constructor` or `.toString`
 * is an unknown extension, not an Object member.
 */
export const EXTENSION_FORMATS: ReadonlyMap<string, ImportFormat> = new Map([
  ['gexf', 'gexf'],
  ['graphml', 'graphml'],
  ['json', 'graphology-json'],
  ['csv', 'csv'],
  ['tsv', 'csv'],
  ['txt', 'csv'],
]);

const SNIFF_CHARS = 65_536;

/** The lower-case extension of a file name, without the dot ('' when none). */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

/**
 * The format of `text`. Content decides first: `<gexf` / `<graphml` for XML, `"format": "kg-compiled"` for our
 * JSON, any other JSON object or list for graphology JSON. Then the extension; then CSV.
 */
export function detectFormat(text: string, fileName = ''): ImportFormat {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '');
  const first = /\S/.exec(head)?.[0];
  const ext = EXTENSION_FORMATS.get(extensionOf(fileName));
  if (first === '<') {
    const root = /<(?:[A-Za-z_][\w.-]*:)?(gexf|graphml)[\s>/]/.exec(head)?.[1];
    if (root === 'gexf' || root === 'graphml') return root;
    return ext === 'graphml' ? 'graphml' : 'gexf';
  }
  if (first === '{' || first === '[') {
    return /^\s*\{[^]*?"format"\s*:\s*"kg-compiled"/.test(head.slice(0, 4096)) ? 'kg-json' : 'graphology-json';
  }
  return ext ?? 'csv';
}
