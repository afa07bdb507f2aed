// A throwaway PostgreSQL server for tests and the bench: initdb into a temporary folder, start it on a free loopback
// port with its socket in that folder, and stop and remove it afterwards. Nothing depends on a system service.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian puts PostgreSQL's server programs; `PG_BIN` overrides. */
export function postgresBin(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(root, versions[0], 'bin');
}

export interface ThrowawayPostgres {
  /** `postgres://` URL of the database created for the caller (superuser, trust authentication on loopback). */
  url: string;
  /** URL of the same server's `postgres` maintenance database. */
  adminUrl: (database: string, user?: string) => string;
  /** The server's data folder (its postmaster.pid names the server process). */
  dataDir: string;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts a fresh server and creates `database`. As root, initdb and the server run as the `postgres` user (initdb
 * refuses root) in a folder handed to that user; otherwise as the current user.
 */
export async function startPostgres(database = 'kg'): Promise<ThrowawayPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('postgres: no PostgreSQL server programs found; run `node tests/support/ensure-postgres.mjs`');
  const isRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'kg-pg-'));
  const data = join(dir, 'data');
  const run = (program: string, args: string[]): void => {
    const command = isRoot ? 'runuser' : join(bin, program);
    const argv = isRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args;
    execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
  };
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']);
      } catch {
        // Already stopped (or never fully started): removing the folder below is all that is left to do.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // C collation keeps ORDER BY in code-unit order like the engine's compareIds; a UTF-8 ctype lets pg_trgm treat
    // Chinese characters as word characters, so Chinese names get trigrams too.
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--lc-collate=C', '--lc-ctype=C.UTF-8', '--no-sync']);
    const port = await freePort();
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['start', '-D', data, '-w', '-l', join(dir, 'server.log'), '-o', options]);
    started = true;
    const adminUrl = (db: string, user = 'postgres'): string => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${db}`;
    const created = spawnSync(isRoot ? 'runuser' : join(bin, 'createdb'), [
      ...(isRoot ? ['-u', 'postgres', '--', join(bin, 'createdb')] : []),
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      database,
    ]);
    if (created.status !== 0) throw new Error(`postgres: createdb failed: ${created.stderr.toString()}`);
    return { url: adminUrl(database), adminUrl, dataDir: data, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
