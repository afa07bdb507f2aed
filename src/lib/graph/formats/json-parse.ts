// Strict JSON parsing: a stack-free syntax scan that finds duplicate keys and excessive nesting, then JSON.parse.
import { lineColumnAt, type ProblemCollector } from './problems.ts';

export const JSON_DEFAULTS = {
  /** Deeper nesting than this is refused before JSON.parse ever sees it. Graph files need about 6. */
  maxDepth: 512,
};

export interface JsonParseOptions {
  maxDepth?: number;
}

interface Frame {
  kind: 'object' | 'array';
  keys?: Set<string>;
}

const WHITESPACE = /[ \t\n\r]*/y;
// Only the runs between escapes are matched by a regex: one pattern for a whole string with a million escapes
// overflows the regex engine's backtracking stack.
const PLAIN_RUN = /[^"\\\u0000-\u001F]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;

/**
 * Parses JSON text, reporting (with line and column) syntax errors, every duplicate key (`JSON.parse` would
 * silently keep the last one) and nesting beyond `maxDepth`. The returned value comes from `JSON.parse`, so
 * a `"__proto__"` key is an own data property, never a prototype.
 */
export function parseJson(text: string, problems: ProblemCollector, options: JsonParseOptions = {}): unknown {
  const maxDepth = options.maxDepth ?? JSON_DEFAULTS.maxDepth;
  const at = (offset: number): { line: number; column: number } => lineColumnAt(text, offset);
  const syntax = (offset: number, expected: string): never => {
    const where = at(offset);
    const found = offset >= text.length ? 'the end of the file' : describe(text, offset);
    return problems.fatal(
      'IMPORT_JSON_SYNTAX',
      `invalid JSON at line ${where.line}, column ${where.column}: expected ${expected}, found ${found}`,
      {
        ...where,
        ...(offset >= text.length ? { hint: 'the file looks truncated' } : {}),
      },
    );
  };
  const match = (pattern: RegExp, offset: number): number => {
    pattern.lastIndex = offset;
    return pattern.test(text) ? pattern.lastIndex : -1;
  };
  const skip = (offset: number): number => match(WHITESPACE, offset);

  const stack: Frame[] = [];
  let pos = skip(0);
  let state: 'value' | 'key' | 'after' = 'value';
  while (true) {
    if (state === 'value') {
      const c = text[pos];
      if (c === '{' || c === '[') {
        if (stack.length >= maxDepth) {
          problems.fatal(
            'IMPORT_JSON_TOO_DEEP',
            `JSON nested deeper than ${maxDepth} levels at line ${at(pos).line}, column ${at(pos).column}`,
            at(pos),
          );
        }
        stack.push(c === '{' ? { kind: 'object', keys: new Set() } : { kind: 'array' });
        pos = skip(pos + 1);
        if (text[pos] === (c === '{' ? '}' : ']')) {
          stack.pop();
          pos++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      const end =
        c === '"'
          ? scanString(text, pos)
          : c === '-' || (c !== undefined && c >= '0' && c <= '9')
            ? match(NUMBER, pos)
            : match(LITERAL, pos);
      if (end < 0) syntax(c === '"' ? -end - 1 : pos, c === '"' ? 'a well-formed string' : 'a value');
      pos = end;
      state = 'after';
    } else if (state === 'key') {
      if (text[pos] !== '"') syntax(pos, 'a property name in double quotes');
      const end = scanString(text, pos);
      if (end < 0) syntax(-end - 1, 'a well-formed property name');
      const raw = text.slice(pos + 1, end - 1);
      const key = raw.includes('\\') ? String(JSON.parse(text.slice(pos, end))) : raw;
      const keys = stack[stack.length - 1]!.keys!;
      if (keys.has(key)) {
        const where = at(pos);
        problems.error('IMPORT_JSON_DUPLICATE_KEY', `duplicate key ${JSON.stringify(key)} at line ${where.line}, column ${where.column}`, {
          ...where,
          field: key,
          hint: 'each key may appear once per object; JSON readers would silently keep only the last value',
        });
      } else keys.add(key);
      pos = skip(end);
      if (text[pos] !== ':') syntax(pos, "':' after the property name");
      pos = skip(pos + 1);
      state = 'value';
    } else {
      pos = skip(pos);
      const top = stack[stack.length - 1];
      if (!top) {
        if (pos < text.length) syntax(pos, 'the end of the file after the JSON value');
        break;
      }
      const close = top.kind === 'object' ? '}' : ']';
      if (text[pos] === ',') {
        pos = skip(pos + 1);
        state = top.kind === 'object' ? 'key' : 'value';
      } else if (text[pos] === close) {
        stack.pop();
        pos++;
      } else syntax(pos, `',' or '${close}'`);
    }
  }
  problems.throwIfErrors();
  try {
    return JSON.parse(text);
  } catch (error) {
    // The scan above accepts only valid JSON, so this is a safety net; engines word the position differently.
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    return problems.fatal('IMPORT_JSON_SYNTAX', `invalid JSON: ${message}`, at(offset));
  }
}

/**
 * Scans the string starting at the quote at `start`. Returns the offset after its closing quote, or, when it is
 * malformed (a raw control character, a bad escape, no closing quote), `-(offset of the trouble) - 1`.
 */
function scanString(text: string, start: number): number {
  let i = start + 1;
  while (true) {
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(text);
    i = PLAIN_RUN.lastIndex;
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c !== 0x5c) return -i - 1;
    const next = text[i + 1];
    if (next === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -i - 1;
      i += 6;
    } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
    else return -i - 1;
  }
}

function describe(text: string, offset: number): string {
  const c = text.codePointAt(offset) ?? 0;
  if (c < 0x20) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(String.fromCodePoint(c));
}
