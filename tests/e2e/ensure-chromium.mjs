// Makes sure Debian's Chromium (and a Chinese font, so screenshots show 中文) is there for the end-to-end tests:
// installs them as root, or says exactly how.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function hasChineseFont() {
  try {
    return execSync('fc-list :lang=zh', { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium');
if (!hasChineseFont()) missing.push('fonts-wqy-microhei');

if (missing.length) {
  if (!isRoot) {
    console.error(
      `e2e: missing ${missing.join(', ')}. Install, then run the tests again:\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`e2e: installing ${missing.join(', ')} with apt-get (once per machine)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (!existsSync(CHROMIUM)) {
    console.error(`e2e: apt-get finished but ${CHROMIUM} is still missing`);
    process.exit(1);
  }
}
console.log(`e2e: using ${CHROMIUM}`);
