// A minimal static file server for the built app (dist/), on loopback only: for the CLI image export, e2e tests and benchmarks.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** A Map, so that an extension such as `.constructor` is an unknown type rather than an Object member. */
const TYPES = new Map<string, string>(
  Object.entries({
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.gexf': 'application/xml; charset=utf-8',
    '.graphml': 'application/xml; charset=utf-8',
    '.csv': 'text/csv; charset=utf-8',
  }),
);

/** Whether `file` is `dir` itself or inside it (a bare prefix test would let `dist` reach `dist-secret`). */
function isInside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Answers one request for a file of the app. */
export type FileHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * Answers requests from the files under `root`; extra folders can be mounted under a prefix (e.g. test fixtures).
 * Never serves a file outside its folders (403), answers a malformed request path with 400, and no request can
 * make it throw. `headers` are added to every file it serves.
 */
export function staticFiles(root: string, mounts: Record<string, string> = {}, headers: Record<string, string> = {}): FileHandler {
  const base = resolve(root);
  return async (req, res) => {
    let path: string;
    try {
      // Origin-form only: resolved against a base, `//name` would be read as a host and its path dropped.
      const raw = req.url ?? '/';
      if (!raw.startsWith('/')) throw new URIError('not origin-form');
      path = decodeURIComponent(new URL(`http://x${raw}`).pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let dir = base;
    let rel = path;
    for (const [prefix, folder] of Object.entries(mounts)) {
      const bare = prefix.replace(/\/+$/, '');
      if (path === bare || path.startsWith(`${bare}/`)) {
        dir = resolve(folder);
        rel = path.slice(bare.length);
      }
    }
    const file = normalize(join(dir, rel === '/' || rel === '' ? 'index.html' : rel));
    if (!isInside(file, dir) || path.includes('\0')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES.get(extname(file)) ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  };
}

/** Serves `root` (and `mounts`, see `staticFiles`) on 127.0.0.1 at a free port; no request can stop the server. */
export async function serveStatic(root: string, mounts: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const files = staticFiles(root, mounts);
  const server = createServer((req, res) => {
    files(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}
