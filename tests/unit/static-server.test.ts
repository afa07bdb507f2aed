// The static server used by image export, e2e tests and the bench, against hostile request paths: it stays inside its
// folders, answers malformed paths with 400, and keeps serving afterwards.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/cli/static-server.ts';

let root: string;
let server: Server;
let url: string;

/** A raw GET (no client-side normalisation of the path, unlike fetch), with the status and body. */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kg-static-'));
  mkdirSync(join(root, 'dist'));
  mkdirSync(join(root, 'dist-secret'));
  mkdirSync(join(root, 'fixtures'));
  mkdirSync(join(root, 'fixtures-secret'));
  writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html>app');
  writeFileSync(join(root, 'dist', 'edges.constructor'), 'a,b');
  writeFileSync(join(root, 'dist-secret', 'secret.txt'), 'TOP SECRET');
  writeFileSync(join(root, 'fixtures', 'a.csv'), 'source,target');
  writeFileSync(join(root, 'fixtures-secret', 'secret.txt'), 'TOP SECRET');
  ({ url, server } = await serveStatic(join(root, 'dist'), { '/fixtures': join(root, 'fixtures') }));
});

afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

describe('static server', () => {
  it('answers malformed percent-encoding with 400 and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/%ZZ', '/a%ED%A0%80']) expect((await get(path)).status).toBe(400);
    expect(await get('/')).toEqual({ status: 200, body: '<!doctype html>app' });
  });

  it('never serves a sibling folder whose name starts like its own', async () => {
    for (const path of [
      '/..%2Fdist-secret%2Fsecret.txt',
      '/%2E%2E/dist-secret/secret.txt',
      '/fixtures/..%2Ffixtures-secret%2Fsecret.txt',
      '/fixtures-secret/secret.txt',
    ]) {
      const { status, body } = await get(path);
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect(body).not.toContain('TOP SECRET');
    }
    expect((await get('/fixtures/a.csv')).body).toBe('source,target');
  });

  it('serves a file whose extension is an Object member as unknown content', async () => {
    expect(await get('/edges.constructor')).toEqual({ status: 200, body: 'a,b' });
    expect((await get('/x.__proto__')).status).toBe(404);
  });
});
