// Safe XML in and out: DOCTYPE-free parsing with located errors, element helpers, and escaping for exports.
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { lineColumnAt, type ProblemCollector } from './problems.ts';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Markup sections whose content is text, not markup, and what ends each. */
const OPAQUE: ReadonlyArray<[start: string, end: string]> = [
  ['<!--', '-->'],
  ['<![CDATA[', ']]>'],
  ['<?', '?>'],
];

/**
 * The first real `<!DOCTYPE` or `<!ENTITY` declaration in `text`: one in markup, not inside a comment, a CDATA section
 * or a processing instruction (where `<!DOCTYPE` is just text). One linear pass. After an unterminated section
 * (malformed anyway) any `<!DOCTYPE` or `<!ENTITY` counts, so a lenient parser can never be handed one.
 */
export function findDeclaration(text: string): { kind: 'DOCTYPE' | 'ENTITY'; index: number } | undefined {
  let at = text.indexOf('<');
  while (at !== -1) {
    const opaque = OPAQUE.find(([start]) => text.startsWith(start, at));
    if (opaque) {
      const end = text.indexOf(opaque[1], at + opaque[0].length);
      if (end === -1) {
        const rest = /<!(DOCTYPE|ENTITY)/i.exec(text.slice(at + opaque[0].length));
        return rest ? { kind: rest[1]!.toUpperCase() as 'DOCTYPE' | 'ENTITY', index: at + opaque[0].length + rest.index } : undefined;
      }
      at = text.indexOf('<', end + opaque[1].length);
      continue;
    }
    const head = text.slice(at, at + 9).toUpperCase();
    if (head === '<!DOCTYPE') return { kind: 'DOCTYPE', index: at };
    if (head.startsWith('<!ENTITY')) return { kind: 'ENTITY', index: at };
    at = text.indexOf('<', at + 1);
  }
  return undefined;
}

/**
 * Parses XML text. Refuses any `<!DOCTYPE` or `<!ENTITY` before parsing (no entity expansion, no external
 * fetches), and turns every parser complaint into `IMPORT_XML_MALFORMED` at a line and column.
 */
export function parseXml(text: string, problems: ProblemCollector): Document {
  const declaration = findDeclaration(text);
  if (declaration) {
    problems.fatal('IMPORT_XML_DOCTYPE', `${declaration.kind} declarations are not allowed`, {
      ...lineColumnAt(text, declaration.index),
      hint: 'remove the <!DOCTYPE …> block; GEXF and GraphML do not need it',
    });
  }
  const end = lineColumnAt(text, text.length);
  let reported = false;
  const report = (message: string, locator: unknown): void => {
    if (reported) return;
    reported = true;
    // A file that stops before its last '>' is cut short, whatever the parser says; point at its end.
    const truncated = /unexpected end of input|unclosed xml tag/i.test(message) || !text.trimEnd().endsWith('>');
    const at = truncated ? end : locate(locator);
    const detail = message.split('\n')[0]!.trim();
    problems.error('IMPORT_XML_MALFORMED', `not well-formed XML at line ${at.line}, column ${at.column}: ${detail}`, {
      ...at,
      ...(truncated ? { hint: 'the file looks truncated' } : {}),
    });
  };
  let document: Document | undefined;
  try {
    document = new DOMParser({
      locator: true,
      // XML 1.0 line ends only: xmldom's default (XML 1.1) would also turn NEL and U+2028 inside names into LF.
      normalizeLineEndings: (source: string) => source.replace(/\r\n?/g, '\n'),
      onError: (level, message, context: unknown) => {
        if (level === 'warning') return;
        report(message, locatorOf(context));
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
  } catch (error) {
    report(error instanceof Error ? error.message : String(error), error instanceof Error ? locatorOf(error) : undefined);
  }
  problems.throwIfErrors();
  const root = document?.documentElement;
  if (!document || !root)
    return problems.fatal('IMPORT_XML_MALFORMED', 'not well-formed XML at line 1, column 1: no root element', { line: 1, column: 1 });
  const parserError = document.getElementsByTagName('parsererror')[0];
  if (parserError) {
    const at = position(parserError);
    problems.fatal(
      'IMPORT_XML_MALFORMED',
      `not well-formed XML at line ${at.line ?? 1}, column ${at.column ?? 1}: ${textOf(parserError).slice(0, 200)}`,
      at,
    );
  }
  return document;
}

function locatorOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'locator' in value ? value.locator : undefined;
}

function locate(locator: unknown): { line: number; column: number } {
  if (typeof locator !== 'object' || locator === null) return { line: 1, column: 1 };
  const line = 'lineNumber' in locator && typeof locator.lineNumber === 'number' ? locator.lineNumber : 1;
  const column = 'columnNumber' in locator && typeof locator.columnNumber === 'number' ? locator.columnNumber : 1;
  return { line: Math.max(1, line), column: Math.max(1, column) };
}

/** The element children of `parent`, optionally only those with the given local name (any namespace). */
export function childElements(parent: Node, localName?: string): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT_NODE && isElement(child) && (localName === undefined || child.localName === localName)) out.push(child);
  }
  return out;
}

/** The first element child with the given local name. */
export function firstChild(parent: Node, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** The text directly inside an element (text and CDATA children, not nested elements). */
export function textOf(element: Element): string {
  let out = '';
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) out += child.nodeValue ?? '';
  }
  return out;
}

/** An attribute value, or undefined when absent (xmldom returns null). */
export function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;
}

/** Where an element starts in the source text, when the parser recorded it. */
export function position(node: Node): { line?: number; column?: number } {
  const out: { line?: number; column?: number } = {};
  if (typeof node.lineNumber === 'number') out.line = node.lineNumber;
  if (typeof node.columnNumber === 'number') out.column = node.columnNumber;
  return out;
}

// XML 1.0 allows tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and astral characters (as surrogate pairs).
// Pairs are matched first and kept, so lone surrogates are found without lookbehind (older Safari lacks it).
const INVALID_XML_CHARS = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g;

/** Removes characters XML cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(INVALID_XML_CHARS, (match) => (match.length === 2 ? match : ''));
}

// Tab, CR and LF in attributes would be normalised to spaces, and XML 1.1 readers also turn NEL and the
// Unicode line/paragraph separators into LF, so all of them are written as character references.
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\u0085': '&#133;',
  '\u2028': '&#8232;',
  '\u2029': '&#8233;',
};

/** Escapes text for an XML attribute value; tabs and line breaks become references so parsers keep them. */
export function escapeXmlAttribute(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"'\t\n\r\u0085\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}

/** Escapes text for XML element content; line feeds and tabs stay literal, CR, NEL and U+2028 become references. */
export function escapeXmlText(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"'\r\u0085\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
}
