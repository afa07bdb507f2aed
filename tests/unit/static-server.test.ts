// The static server used by image export and e2e tests, as a real server on a free port: hostile request paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { Server } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from '../../src/cli/static-server.ts';

let parent: string;
let server: Server;
let base: string;

/** A raw GET, so the request path reaches the server byte for byte (no client-side normalising). */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'kg-serve-'));
  mkdirSync(join(parent, 'dist'));
  mkdirSync(join(parent, 'dist-secret'));
  writeFileSync(join(parent, 'dist', 'index.html'), '<p>app</p>');
  writeFileSync(join(parent, 'dist-secret', 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(parent, 'outside.txt'), 'OUTSIDE');
  ({ server, url: base } = await serveStatic(join(parent, 'dist')));
});
afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(parent, { recursive: true, force: true });
});

describe('static server', () => {
  it('answers malformed percent-encoding with 400 and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/%')).status).toBe(400);
    expect(await get('/')).toEqual({ status: 200, body: '<p>app</p>' });
  });

  it('never serves a sibling folder that shares its name as a prefix', async () => {
    for (const path of ['/..%2Fdist-secret%2Fsecret.txt', '/..%2f..%2fdist-secret/secret.txt', '/%2E%2E/dist-secret/secret.txt']) {
      const { status, body } = await get(path);
      expect([403, 404]).toContain(status);
      expect(body).not.toContain('TOP-SECRET');
    }
  });

  it('never serves a file above its folder', async () => {
    for (const path of ['/..%2Foutside.txt', '/..%5Coutside.txt', '/%2e%2e%2f%2e%2e%2foutside.txt', '/a%00.html']) {
      const { status, body } = await get(path);
      expect([403, 404]).toContain(status);
      expect(body).not.toContain('OUTSIDE');
    }
  });
});
