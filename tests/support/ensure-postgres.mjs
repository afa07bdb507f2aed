// Makes sure Debian's PostgreSQL server programs are there for the database tests: installs them as root, or says
// exactly how. The tests start their own throwaway server; no system service is used.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasServer = () =>
  process.env.PG_BIN !== undefined || (existsSync(ROOT) && readdirSync(ROOT).some((v) => existsSync(join(ROOT, v, 'bin/initdb'))));

if (!hasServer()) {
  if (!isRoot) {
    console.error(
      'db: PostgreSQL is missing. Install, then run the tests again:\n  sudo apt-get update && sudo apt-get install -y postgresql',
    );
    process.exit(1);
  }
  console.log('db: installing postgresql with apt-get (once per machine)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: 'inherit', env });
  if (!hasServer()) {
    console.error(`db: apt-get finished but no ${ROOT}/*/bin/initdb`);
    process.exit(1);
  }
}
console.log('db: PostgreSQL server programs found');
