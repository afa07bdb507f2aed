// Pins safe XML parsing (no DOCTYPE, located errors) and escaping for exports.
import { describe, expect, it } from 'vitest';
import { KgError, type Problem } from '../errors.ts';
import { ProblemCollector } from './problems.ts';
import { escapeXmlAttribute, escapeXmlText, findDeclaration, parseXml, stripInvalidXmlChars } from './xml.ts';

function firstProblem(text: string): Problem | undefined {
  try {
    parseXml(text, new ProblemCollector('t.xml'));
  } catch (error) {
    if (error instanceof KgError) return error.problems[0];
    throw error;
  }
  return undefined;
}

describe('parseXml', () => {
  it('parses a well-formed document', () => {
    expect(parseXml('<a><b c="1"/></a>', new ProblemCollector('t.xml')).documentElement?.localName).toBe('a');
  });

  it('refuses a DOCTYPE in any letter case before parsing', () => {
    expect(firstProblem('<a/>\n\n  <!doctype a>')).toMatchObject({ code: 'IMPORT_XML_DOCTYPE', line: 3, column: 3 });
  });

  it('reads <!DOCTYPE inside CDATA, a comment or a processing instruction as text, not as a declaration', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\n<!-- an old <!DOCTYPE x> -->\n<?note <!ENTITY y "z">?>\n<a><![CDATA[<!DOCTYPE html> & <!ENTITY e>]]></a>',
      new ProblemCollector('t.xml'),
    );
    expect(doc.documentElement?.textContent).toBe('<!DOCTYPE html> & <!ENTITY e>');
  });

  it('still finds a real DOCTYPE after CDATA and comments, and any after an unterminated one', () => {
    expect(findDeclaration('<a><![CDATA[x]]></a><!-- y -->\n<!DOCTYPE a>')).toEqual({ kind: 'DOCTYPE', index: 31 });
    expect(findDeclaration('<!-- never closed <!ENTITY e "x">')).toEqual({ kind: 'ENTITY', index: 18 });
    expect(firstProblem('<a><![CDATA[ok]]></a>\n<!doctype a>')).toMatchObject({ code: 'IMPORT_XML_DOCTYPE', line: 2, column: 1 });
  });

  it('reports an undefined entity reference, a repeated attribute and a second root as malformed, with lines', () => {
    expect(firstProblem('<a>\n&nope;</a>')).toMatchObject({ code: 'IMPORT_XML_MALFORMED', file: 't.xml' });
    expect(firstProblem('<a>\n<b x="1" x="2"/></a>')).toMatchObject({ code: 'IMPORT_XML_MALFORMED', line: 2 });
    expect(firstProblem('<a/>\n<b/>')).toMatchObject({ code: 'IMPORT_XML_MALFORMED', line: 2 });
  });

  it('says an empty or non-XML text has no root element', () => {
    expect(firstProblem('hello')?.code).toBe('IMPORT_XML_MALFORMED');
  });
});

describe('escaping', () => {
  it('escapes & < > " \' in attributes, and tab, CR and LF as references so parsers keep them', () => {
    expect(escapeXmlAttribute(`a&b<c>"d"'e'\t\n\r`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#9;&#10;&#13;');
  });

  it('keeps line feeds literal in text content but escapes CR and Unicode line separators', () => {
    expect(escapeXmlText('a\nb\rc\u2028d<')).toBe('a\nb&#13;c&#8232;d&lt;');
  });

  it('keeps emoji and Chinese, and removes characters XML cannot hold', () => {
    expect(stripInvalidXmlChars('😀中\u0000\u0007\u000B\uFFFE\uD800x')).toBe('😀中x');
    expect(escapeXmlAttribute('\u0001ok')).toBe('ok');
  });
});
