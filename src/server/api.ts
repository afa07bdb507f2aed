// The JSON API of `kg serve`: one function from a request URL to a status and a body, over any graph source. The four
// answers the CLI also gives (search, neighbours, path, stats) are byte-equal to `kg … --json` on the same source.
import { KgError, type Problem } from '../lib/graph/errors.ts';
import { PATH_FLAGS, pathOptionsFromFlags, type PathFlags } from '../lib/graph/paths/index.ts';
import type { GraphSource } from '../lib/graph/source.ts';
import { neutralise } from '../cli/terminal.ts';

/** Bounds on what one request may ask, so no request can make the server walk or send an unbounded part of the graph. */
export const API_LIMITS = {
  /** Characters of a request URL (path and query); longer is 414. */
  urlLength: 8192,
  /** Characters of a search query or an entity reference. */
  textLength: 500,
  /** `limit` of /api/search. */
  searchLimit: 100,
  /** `depth` of /api/neighbors. */
  depth: 3,
  /** `k` of /api/path. */
  k: 20,
  /** `max-hops` of /api/path. */
  maxHops: 10,
  /** Entities named by `avoid` of /api/path. */
  avoid: 50,
  /** `limit` of /api/expand (entities returned, seeds included). */
  expandLimit: 500,
  /** `ids` of /api/fragment and /api/expand. */
  ids: 500,
} as const;

/** What the server says about itself and its source (`GET /api/mode`). */
export interface ServerMode {
  /** Whether the explorer should load the graph a part at a time (true for a database or a large file). */
  partial: boolean;
  source: 'memory' | 'postgres';
  entities: number;
  relations: number;
  limits: typeof API_LIMITS;
}

export interface ApiResponse {
  status: number;
  /** The JSON text, already neutralised like the CLI's output. */
  body: string;
}

/** The body of a JSON answer: the CLI's `--json` text exactly (two-space indent, unsafe characters escaped, final LF). */
export const jsonBody = (value: unknown): string => `${neutralise(JSON.stringify(value, null, 2))}\n`;

/** A request the API refuses; `status` is the HTTP status, `code` the stable code a client tests. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const badRequest = (message: string, extra: Record<string, unknown> = {}): ApiError =>
  new ApiError(400, 'API_BAD_PARAMETER', message, extra);
const shown = (raw: string): string => JSON.stringify(raw.slice(0, 40));

/** The parameters an endpoint takes; any other, and any parameter given twice, is refused (a typo never goes unnoticed). */
function params(url: URL, allowed: readonly string[], repeatable: readonly string[] = []): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [key, value] of url.searchParams) {
    if (!allowed.includes(key)) throw badRequest(`unknown parameter ${shown(key)}; this endpoint takes ${allowed.join(', ') || 'none'}`);
    const values = found.get(key) ?? [];
    if (values.length && !repeatable.includes(key)) throw badRequest(`parameter "${key}" is given more than once`);
    // No command-line argument can hold a NUL, and PostgreSQL text cannot either: refused here, for every source alike.
    if (value.includes('\0')) throw badRequest(`parameter "${key}" contains a NUL character`);
    if (value.length > API_LIMITS.textLength)
      throw new ApiError(413, 'API_TOO_LARGE', `parameter "${key}" is ${value.length} characters, above ${API_LIMITS.textLength}`);
    found.set(key, [...values, value]);
  }
  return found;
}

function text(p: Map<string, string[]>, key: string): string {
  const value = p.get(key)?.[0]?.trim();
  if (!value) throw badRequest(`parameter "${key}" is required`);
  return value;
}

/** A whole number in decimal digits within [min, max]; `fallback` when absent. Too large is 413, not a silent clamp. */
function whole(p: Map<string, string[]>, key: string, fallback: number, min: number, max: number): number {
  const raw = p.get(key)?.[0];
  if (raw === undefined) return fallback;
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (n > max) throw new ApiError(413, 'API_TOO_LARGE', `${key} must be at most ${max}, got ${n}`, { limit: max });
  if (!(n >= min)) throw badRequest(`${key} must be a whole number from ${min} to ${max}, got ${shown(raw)}`);
  return n;
}

/** Refuses a number above the server's bound (413); anything not a number is left to the engine's own check and code. */
function atMost(raw: string | undefined, key: string, max: number): void {
  if (raw !== undefined && /^\s*\d{1,9}\s*$/.test(raw) && Number(raw) > max)
    throw new ApiError(413, 'API_TOO_LARGE', `${key} must be at most ${max}, got ${Number(raw)}`, { limit: max });
}

const list = (value: string | undefined): string[] | undefined =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function ids(p: Map<string, string[]>, key: string): string[] {
  const values = (p.get(key) ?? []).map((v) => v.trim()).filter(Boolean);
  if (values.length === 0) throw badRequest(`parameter "${key}" is required (one entity id per "${key}=")`);
  if (values.length > API_LIMITS.ids)
    throw new ApiError(413, 'API_TOO_LARGE', `at most ${API_LIMITS.ids} ids per request, got ${values.length}`);
  return values;
}

const LANGS = ['en', 'zh'] as const;

type Route = (source: GraphSource, url: URL) => Promise<unknown>;

const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  [
    '/api/search',
    async (source, url) => {
      const p = params(url, ['q', 'limit']);
      return source.search(text(p, 'q'), whole(p, 'limit', 10, 1, API_LIMITS.searchLimit));
    },
  ],
  [
    '/api/neighbors',
    async (source, url) => {
      const p = params(url, ['id', 'depth']);
      const depth = whole(p, 'depth', 1, 1, API_LIMITS.depth);
      return source.neighbours(await source.resolve(text(p, 'id')), depth);
    },
  ],
  [
    '/api/path',
    async (source, url) => {
      const p = params(url, ['from', 'to', 'lang', ...PATH_FLAGS]);
      const lang = p.get('lang')?.[0] ?? 'en';
      if (!(LANGS as readonly string[]).includes(lang)) throw badRequest(`lang must be one of ${LANGS.join(', ')}, got ${shown(lang)}`);
      const flags: PathFlags = {};
      for (const flag of PATH_FLAGS) {
        const value = p.get(flag)?.[0];
        if (value !== undefined) flags[flag] = value;
      }
      // The server's own bounds first (tighter than the engine's), then the engine reads the flags as the CLI does.
      atMost(flags.k, 'k', API_LIMITS.k);
      atMost(flags['max-hops'], 'max-hops', API_LIMITS.maxHops);
      if ((list(flags.avoid)?.length ?? 0) > API_LIMITS.avoid)
        throw new ApiError(413, 'API_TOO_LARGE', `avoid names more than ${API_LIMITS.avoid} entities`);
      const from = await source.resolve(text(p, 'from'));
      const to = await source.resolve(text(p, 'to'));
      const options = pathOptionsFromFlags(flags);
      if (options.avoid) options.avoid = await Promise.all(options.avoid.map((a) => source.resolve(a)));
      return source.path(from, to, options, lang as (typeof LANGS)[number]);
    },
  ],
  [
    '/api/stats',
    async (source, url) => {
      params(url, []);
      return source.stats();
    },
  ],
  [
    '/api/schema',
    async (source, url) => {
      params(url, []);
      return source.schema();
    },
  ],
  [
    '/api/expand',
    async (source, url) => {
      const p = params(url, ['id', 'type', 'limit'], ['id']);
      const seeds = await Promise.all(ids(p, 'id').map((id) => source.resolve(id)));
      const relationTypes = list(p.get('type')?.[0]);
      const limit = whole(p, 'limit', 100, 1, API_LIMITS.expandLimit);
      return source.expand(seeds, { limit, ...(relationTypes?.length ? { relationTypes } : {}) });
    },
  ],
  [
    '/api/fragment',
    async (source, url) => {
      const p = params(url, ['ids'], ['ids']);
      return source.fragment(ids(p, 'ids'));
    },
  ],
]);

/** HTTP status of an engine error: an entity that is not there is 404, every other refusal of the input 400. */
const statusOf = (code: string): number => (code === 'ENTITY_UNKNOWN' ? 404 : 400);

const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}): string =>
  jsonBody({ error: { code, message, ...extra } });

/** Whether `pathname` is the API's (everything under /api/). */
export const isApiPath = (pathname: string): boolean => pathname === '/api' || pathname.startsWith('/api/');

/**
 * Answers one API request. Never throws: an engine refusal is its code with 400 or 404, a limit 413, an unknown
 * endpoint 404, and anything unexpected a 500 whose body names no internals (`onUnexpected` gets the error).
 */
export async function answerApi(
  source: GraphSource,
  url: URL,
  mode: () => Promise<ServerMode>,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<ApiResponse> {
  try {
    if (url.pathname === '/api/mode') {
      params(url, []);
      return { status: 200, body: jsonBody(await mode()) };
    }
    const route = ROUTES.get(url.pathname);
    if (!route) throw new ApiError(404, 'API_NOT_FOUND', `no endpoint ${shown(url.pathname)}; see docs/server.md`);
    return { status: 200, body: jsonBody(await route(source, url)) };
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: errorBody(error.code, error.message, error.extra) };
    if (error instanceof KgError) {
      const problems = error.problems.map(({ code, message, hint, field }: Problem) => ({
        code,
        message,
        ...(hint ? { hint } : {}),
        ...(field ? { field } : {}),
      }));
      const first = problems[0] ?? { code: error.code, message: error.message };
      return {
        status: statusOf(error.code),
        body: errorBody(error.code, first.message, { ...('hint' in first ? { hint: first.hint } : {}), problems }),
      };
    }
    onUnexpected(error);
    return { status: 500, body: errorBody('API_INTERNAL', 'the server could not answer this request') };
  }
}
