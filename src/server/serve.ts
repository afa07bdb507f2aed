// The HTTP server of `kg serve`: the built app's files and the JSON API (api.ts) on Node's `http`, with security headers
// on every answer. No request can stop it: each handler's failure becomes a 4xx or a 500 that names no internals.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GraphSource } from '../lib/graph/source.ts';
import { CONTENT_SECURITY_POLICY } from '../cli/vite-plugin-csp.ts';
import { staticFiles } from '../cli/static-server.ts';
import { answerApi, API_LIMITS, isApiPath, jsonBody, type ServerMode } from './api.ts';

export interface ServeOptions {
  source: GraphSource;
  /** The built app (dist/). */
  root: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** What /api/mode says; `partial` also marks index.html so the app opens in server mode. */
  mode: ServerMode;
  /** Where unexpected errors are reported (never to the client). */
  log?: (message: string) => void;
}

/**
 * Headers on every answer. The header CSP is the app's meta policy plus what only a header can say (no framing);
 * the rest stop content sniffing, referrer leaks and cross-origin embedding of the API's answers.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The marker index.html carries when the app should load the graph from the API a part at a time. */
export const SERVER_MODE_META = '<meta name="kg-source" content="/api">';

function send(res: ServerResponse, status: number, body: string, head: boolean, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': String(Buffer.byteLength(body)),
    ...extra,
  });
  res.end(head ? undefined : body);
}

const refusal = (code: string, message: string): string => jsonBody({ error: { code, message } });

/** Starts the server; resolves once it listens. `close` stops it and closes the source. */
export async function startServer(options: ServeOptions): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const { source, root, mode } = options;
  const log = options.log ?? (() => {});
  const files = staticFiles(root, {}, SECURITY_HEADERS);
  const index = async (): Promise<string> => {
    const html = await readFile(join(root, 'index.html'), 'utf8');
    return mode.partial ? html.replace('<head>', `<head>\n    ${SERVER_MODE_META}`) : html;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw = req.url ?? '/';
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, refusal('API_METHOD', `${String(req.method).slice(0, 20)} is not allowed; the server only answers GET`), false, {
        allow: 'GET, HEAD',
      });
      return;
    }
    if (raw.length > API_LIMITS.urlLength) {
      send(res, 414, refusal('API_URL_TOO_LONG', `the request URL is ${raw.length} characters, above ${API_LIMITS.urlLength}`), head);
      return;
    }
    let url: URL;
    try {
      // Origin-form only (`/path?query`): `//host/…` and absolute URLs would otherwise be read as another host.
      if (!raw.startsWith('/')) throw new URIError('not origin-form');
      url = new URL(`http://x${raw}`);
      // Each parameter is decoded here once, so bad percent-encoding is refused before any endpoint reads it.
      decodeURIComponent(url.pathname);
      decodeURIComponent(url.search.replace(/\+/g, ' '));
    } catch {
      send(res, 400, refusal('API_BAD_REQUEST', 'the request URL is not valid (bad percent-encoding?)'), head);
      return;
    }
    if (isApiPath(url.pathname)) {
      const answer = await answerApi(
        source,
        url,
        async () => mode,
        (error) =>
          log(`kg serve: unexpected error on ${url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
      send(res, answer.status, answer.body, head);
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const html = await index();
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(head ? undefined : html);
      return;
    }
    await files(req, res);
  };

  const server = createServer({ maxHeaderSize: 16 * 1024 }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`kg serve: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) send(res, 500, refusal('API_INTERNAL', 'the server could not answer this request'), false);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await source.close();
    },
  };
}
