// `kg serve` on the bundled data: the API's answers are byte-equal to the CLI's --json, hostile ids and names are
// answered as data, malformed requests get clear errors, and no request reaches a file outside the app.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANSWER_CASES, cliJson } from '../support/cli-answers.ts';
import { loadGraph } from '../../src/cli/load-data.ts';
import { memorySource } from '../../src/lib/graph/source.ts';
import { API_LIMITS } from '../../src/server/api.ts';
import { SERVER_MODE_META, startServer } from '../../src/server/serve.ts';

let root: string;
let base: string;
let close: () => Promise<void>;
const logged: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kg-serve-'));
  mkdirSync(join(root, 'dist'));
  mkdirSync(join(root, 'dist-secret'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><html><head><title>app</title></head><body></body></html>');
  writeFileSync(join(root, 'dist', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'package.json'), 'TOP SECRET');
  writeFileSync(join(root, 'dist-secret', 'secret.txt'), 'TOP SECRET');
  const source = memorySource(await loadGraph({ data: 'graph-data' }));
  const stats = await source.stats();
  const mode = { partial: true, source: 'memory' as const, entities: stats.entities, relations: stats.relations, limits: API_LIMITS };
  const server = await startServer({ source, root: join(root, 'dist'), host: '127.0.0.1', port: 0, mode, log: (m) => logged.push(m) });
  base = server.url;
  close = server.close;
});

afterAll(async () => {
  await close();
  rmSync(root, { recursive: true, force: true });
});

afterEach(() => vi.restoreAllMocks());

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw request (no client-side normalisation of the path, unlike fetch). */
function send(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cli = cliJson;

const q = (params: Record<string, string>): string => new URLSearchParams(params).toString();
const errorOf = (reply: Reply): { code: string; message: string } =>
  (JSON.parse(reply.body) as { error: { code: string; message: string } }).error;

describe('the API answers exactly what the CLI prints with --json', () => {
  const cases: Array<[string, string[], string]> = [
    ...ANSWER_CASES,
    [
      'a path in Chinese, backward, avoiding an entity',
      ['path', 'jd-cloud', 'high-flyer', '--direction', 'backward', '--avoid', 'deepseek-r1', '--lang', 'zh'],
      `/api/path?${q({ from: 'jd-cloud', to: 'high-flyer', direction: 'backward', avoid: 'deepseek-r1', lang: 'zh' })}`,
    ],
  ];
  it.each(cases)('%s', async (_, args, path) => {
    const expected = await cli(...args);
    expect(expected.code).toBe(0);
    const reply = await send(path);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.body).toBe(expected.stdout);
  });

  it('the k=3 answer has three ranked paths and the no-path answer names its reason', async () => {
    const k = JSON.parse((await send(`/api/path?${q({ from: 'High-Flyer', to: 'JD Cloud', mode: 'k', k: '3' })}`)).body) as {
      paths: Array<{ length: number }>;
    };
    expect(k.paths).toHaveLength(3);
    expect(k.paths.map((p) => p.length)).toEqual([...k.paths.map((p) => p.length)].sort((a, b) => a - b));
    const none = JSON.parse((await send(`/api/path?${q({ from: 'high-flyer', to: 'jd-cloud', 'max-hops': '2' })}`)).body) as {
      paths: unknown[];
      reason: { kind: string };
    };
    expect(none.paths).toEqual([]);
    expect(none.reason.kind).toBe('max-hops');
  });
});

describe('what the app needs besides', () => {
  it('schema, expand (by relation type too) and fragment give whole records', async () => {
    const schema = JSON.parse((await send('/api/schema')).body) as { entityTypes: unknown[]; relationTypes: unknown[]; sources: unknown[] };
    expect(schema.entityTypes.length).toBeGreaterThan(0);
    expect(schema.sources.length).toBeGreaterThan(0);
    const all = JSON.parse((await send(`/api/expand?${q({ id: 'deepseek' })}`)).body) as {
      entities: Array<{ id: string }>;
      relations: Array<{ type: string; evidence: unknown[] }>;
    };
    expect(all.entities[0]?.id).toBe('deepseek');
    expect(all.entities.map((e) => e.id)).toContain('high-flyer');
    expect(all.relations.every((r) => r.evidence.length > 0)).toBe(true);
    const funds = JSON.parse((await send(`/api/expand?${q({ id: 'deepseek', type: 'funds' })}`)).body) as {
      entities: Array<{ id: string }>;
    };
    expect(funds.entities.length).toBeLessThan(all.entities.length);
    expect(funds.entities.map((e) => e.id)).toContain('high-flyer');
    const limited = JSON.parse((await send(`/api/expand?${q({ id: 'deepseek', limit: '3' })}`)).body) as {
      entities: unknown[];
      truncated: boolean;
    };
    expect(limited).toMatchObject({ truncated: true });
    expect(limited.entities).toHaveLength(3);
    const fragment = JSON.parse((await send('/api/fragment?ids=deepseek&ids=high-flyer&ids=no-such')).body) as {
      entities: Array<{ id: string }>;
      relations: Array<{ source: string; target: string }>;
    };
    expect(fragment.entities.map((e) => e.id).sort()).toEqual(['deepseek', 'high-flyer']);
    expect(fragment.relations.length).toBeGreaterThan(0);
  });

  it('mode says the graph is served a part at a time, and index.html carries the marker', async () => {
    expect(JSON.parse((await send('/api/mode')).body)).toMatchObject({
      partial: true,
      source: 'memory',
      limits: { depth: API_LIMITS.depth },
    });
    const index = await send('/');
    expect(index.status).toBe(200);
    expect(index.body).toContain(SERVER_MODE_META);
    expect(index.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await send('/app.js')).headers['x-frame-options']).toBe('DENY');
  });
});

const HOSTILE = [
  "'; DROP TABLE entities; --",
  '" OR 1=1 --',
  "deepseek' OR '1'='1",
  'deepseek); DELETE FROM relations; --',
  '$1',
  '%',
  '_',
  '\\',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '\u001b]0;pwned\u0007',
  '\u202edeepseek',
  '../../package.json',
];

describe('hostile ids and names are answered as data', () => {
  it.each(HOSTILE)('%j through every endpoint', async (name) => {
    const search = await send(`/api/search?${q({ q: name })}`);
    expect(search.status).toBe(200);
    expect(search.body).toBe((await cli('search', name)).stdout);
    expect(JSON.parse(search.body)).toMatchObject({ query: name });
    for (const path of [
      `/api/neighbors?${q({ id: name })}`,
      `/api/path?${q({ from: name, to: 'deepseek' })}`,
      `/api/path?${q({ from: 'deepseek', to: name })}`,
      `/api/path?${q({ from: 'high-flyer', to: 'deepseek', avoid: name })}`,
      `/api/expand?${q({ id: name })}`,
    ]) {
      const reply = await send(path);
      expect(reply.status, path).toBe(404);
      expect(errorOf(reply).code).toBe('ENTITY_UNKNOWN');
      expect(reply.body).not.toMatch(/\u001b|\u202e/);
    }
    const fragment = await send(`/api/fragment?${q({ ids: name })}`);
    expect(JSON.parse(fragment.body)).toEqual({ entities: [], relations: [], truncated: false });
    const pathWithType = await send(`/api/path?${q({ from: 'high-flyer', to: 'deepseek', relations: name })}`);
    expect(pathWithType.status).toBe(400);
    expect(errorOf(pathWithType).code).toBe('PATH_UNKNOWN_RELATION_TYPE');
  });

  it('the graph is unchanged afterwards', async () => {
    expect((await send('/api/stats')).body).toBe((await cli('stats')).stdout);
  });
});

describe('malformed and oversized requests get a clear error, and the server keeps serving', () => {
  const cases: Array<[string, string, number, string]> = [
    ['bad percent-encoding in the query', '/api/search?q=%E0%A4%A', 400, 'API_BAD_REQUEST'],
    ['bad percent-encoding in the path', '/api/%zz', 400, 'API_BAD_REQUEST'],
    ['an unknown endpoint', '/api/users', 404, 'API_NOT_FOUND'],
    ['an unknown parameter', '/api/search?q=a&drop=1', 400, 'API_BAD_PARAMETER'],
    ['a parameter twice', '/api/search?q=a&q=b', 400, 'API_BAD_PARAMETER'],
    ['a missing parameter', '/api/neighbors', 400, 'API_BAD_PARAMETER'],
    ['depth above the limit', '/api/neighbors?id=deepseek&depth=4', 413, 'API_TOO_LARGE'],
    ['depth not a number', '/api/neighbors?id=deepseek&depth=1e1', 400, 'API_BAD_PARAMETER'],
    ['k above the limit', '/api/path?from=deepseek&to=jd-cloud&mode=k&k=21', 413, 'API_TOO_LARGE'],
    ['max-hops above the limit', '/api/path?from=deepseek&to=jd-cloud&max-hops=11', 413, 'API_TOO_LARGE'],
    ['k not a number (the engine says so)', '/api/path?from=deepseek&to=jd-cloud&mode=k&k=0x3', 400, 'PATH_BAD_OPTION'],
    ['an unknown path mode', '/api/path?from=deepseek&to=jd-cloud&mode=longest', 400, 'PATH_BAD_OPTION'],
    ['search limit above the limit', '/api/search?q=a&limit=101', 413, 'API_TOO_LARGE'],
    ['expand limit above the limit', '/api/expand?id=deepseek&limit=501', 413, 'API_TOO_LARGE'],
    ['a query longer than allowed', `/api/search?q=${'a'.repeat(API_LIMITS.textLength + 1)}`, 413, 'API_TOO_LARGE'],
    ['too many ids', `/api/fragment?${Array.from({ length: API_LIMITS.ids + 1 }, (_, i) => `ids=${i}`).join('&')}`, 413, 'API_TOO_LARGE'],
    ['a huge query string', `/api/search?q=a&${'x'.repeat(API_LIMITS.urlLength)}`, 414, 'API_URL_TOO_LONG'],
    ['a NUL in a parameter', '/api/search?q=deep%00seek', 400, 'API_BAD_PARAMETER'],
    ['an unknown language', '/api/path?from=deepseek&to=jd-cloud&lang=fr', 400, 'API_BAD_PARAMETER'],
    ['an ambiguous name', `/api/neighbors?${q({ id: 'x'.repeat(3) })}`, 404, 'ENTITY_UNKNOWN'],
  ];
  it.each(cases)('%s', async (_, path, status, code) => {
    const reply = await send(path);
    expect(reply.status).toBe(status);
    expect(errorOf(reply).code).toBe(code);
    expect(errorOf(reply).message.length).toBeGreaterThan(0);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s is refused with 405 and Allow', async (method) => {
    const reply = await send('/api/stats', method);
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('GET, HEAD');
    expect(errorOf(reply).code).toBe('API_METHOD');
  });

  it('an oversized header is refused by Node, and the server answers the next request', async () => {
    const reply = await send('/api/stats', 'GET', { 'x-big': 'y'.repeat(20_000) });
    expect(reply.status).toBe(431);
    expect((await send('/api/stats')).status).toBe(200);
  });

  it('an unexpected failure is a 500 that names no internals, and is logged on the server', async () => {
    const source = memorySource(await loadGraph({ data: 'graph-data' }));
    source.stats = () => Promise.reject(new Error('connection to /var/run/secret failed'));
    const log: string[] = [];
    const mode = { partial: true, source: 'memory' as const, entities: 0, relations: 0, limits: API_LIMITS };
    const broken = await startServer({ source, root: join(root, 'dist'), host: '127.0.0.1', port: 0, mode, log: (m) => log.push(m) });
    try {
      const reply = await fetch(new URL('/api/stats', broken.url));
      const body = await reply.text();
      expect(reply.status).toBe(500);
      expect(JSON.parse(body)).toEqual({ error: { code: 'API_INTERNAL', message: 'the server could not answer this request' } });
      expect(body).not.toContain('secret');
      expect(log.join('\n')).toContain('/var/run/secret');
      expect((await fetch(new URL('/api/schema', broken.url))).status).toBe(200);
    } finally {
      await broken.close();
    }
  });
});

describe('no request reaches a file outside the app', () => {
  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/%252e%252e/package.json',
    '/app.js/../../package.json',
    '/../dist-secret/secret.txt',
    '/%2e%2e/dist-secret/secret.txt',
    '/%00../package.json',
    '/api/../../package.json',
    '//package.json',
  ])('%s', async (path) => {
    const reply = await send(path);
    expect(reply.body).not.toContain('TOP SECRET');
    expect([400, 403, 404]).toContain(reply.status);
  });
});
