// The kg CLI as a real process against hostile inputs: terminal escapes in labels, special files, sizes, bad options.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadData } from '../../src/cli/load-data.ts';
import { neutralise } from '../../src/cli/terminal.ts';
import { KgError } from '../../src/lib/graph/errors.ts';

// Each test starts real processes on a shared, busy machine.
vi.setConfig({ testTimeout: 180_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `kg` as its own process, as a user's shell would. */
function kg(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, [MAIN, ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

// ESC ] 52 ; c ; … BEL writes the clipboard, ESC ] 0 ; … BEL sets the window title, U+009B is a one-byte CSI and
// U+202E reverses what follows.
const OSC52 = '\u001b]52;c;ZXZpbA==\u0007';
const OSC0 = '\u001b]0;pwned\u0007';
const HOSTILE = `A${OSC52} ${OSC0} \u009b31m \u202eevil`;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let dir: string;
let graphFile: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-hostile-'));
  graphFile = join(dir, 'hostile.json');
  writeFileSync(
    graphFile,
    JSON.stringify({
      attributes: { title: `T${OSC0}` },
      nodes: [
        { key: 'a', attributes: { label: HOSTILE, type: `k${OSC0}` } },
        { key: 'b', attributes: { label: 'B' } },
        { key: 'c', attributes: { label: 'C' } },
      ],
      edges: [
        { source: 'a', target: 'b', attributes: { type: `r${OSC52}` } },
        { source: 'b', target: 'c' },
      ],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a terminal must never receive, and what the user must still see: the escapes written out. */
function expectNeutral(run: Run): void {
  expect(run.stdout + run.stderr).not.toMatch(CONTROL);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

/** The one-line refusal the CLI promises: `kg <command>: CODE message`, exit 1, no stack trace. */
function expectRefusal(run: Run, command: string, code: string): void {
  expect(run.code).toBe(1);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^kg ${command}: (\\S+ )?${code} `));
  expectNeutral(run);
}

describe('kg output', () => {
  it('neutralises ESC, C1 and bidi controls as visible \\u escapes', () => {
    expect(neutralise(HOSTILE)).toBe('A\\u001b]52;c;ZXZpbA==\\u0007 \\u001b]0;pwned\\u0007 \\u009b31m \\u202eevil');
    expect(neutralise('tab\tand\nnewline stay')).toBe('tab\tand\nnewline stay');
  });

  it('never prints ESC from a label in stats', async () => {
    const run = await kg('stats', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
    expect(run.stdout).toContain('k\\u001b]0;pwned\\u0007');
  });

  it('never prints ESC from a label in search', async () => {
    const run = await kg('search', 'A', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
    expect(run.stdout).toContain('\\u001b]52;c;ZXZpbA==\\u0007');
  });

  it('never prints ESC from a label in neighbors', async () => {
    const run = await kg('neighbors', 'b', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
    expect(run.stdout).toContain('\\u202eevil');
  });

  it('never prints ESC from a label in path', async () => {
    const run = await kg('path', 'a', 'c', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
  });

  it('never prints ESC from a label in rank', async () => {
    const run = await kg('rank', '--metric', 'degree', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
    expect(run.stdout).toContain('\\u001b]0;pwned\\u0007');
  });

  it('never prints ESC from a label in communities', async () => {
    const run = await kg('communities', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
    expect(run.stdout).toContain('\\u001b]52;c');
  });

  it('never prints ESC from a label in validate', async () => {
    const folder = join(dir, 'validate-data');
    mkdirSync(join(folder, 'entities'), { recursive: true });
    writeFileSync(join(folder, 'schema.yaml'), `version: 1\ntitle: "t${OSC0}"\n`);
    writeFileSync(join(folder, 'entities', 'a.yaml'), `- id: a\n  type: "x${OSC52}"\n  name: { en: "${HOSTILE}" }\n`);
    const run = await kg('validate', '--data', folder);
    expect(run.code).toBe(1);
    expectNeutral(run);
  });

  it('never prints ESC from an argument quoted in an error', async () => {
    const run = await kg('neighbors', OSC0, '--data', graphFile);
    expectRefusal(run, 'neighbors', 'ENTITY_UNKNOWN');
    expect(run.stderr).toContain('\\u001b]0;pwned\\u0007');
  });

  it('keeps --json valid JSON with the label intact', async () => {
    const run = await kg('search', 'A', '--json', '--data', graphFile);
    expect(run.code).toBe(0);
    expectNeutral(run);
    const { hits } = JSON.parse(run.stdout) as { hits: Array<{ name: { en: string } }> };
    expect(hits[0]?.name.en).toBe(HOSTILE);
  });

  it('writes to stdout and stderr only through the filter', () => {
    const cli = join(ROOT, 'src', 'cli');
    const writers = readdirSync(cli)
      .filter((f) => f.endsWith('.ts') && f !== 'terminal.ts')
      .filter((f) => /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)/.test(readFileSync(join(cli, f), 'utf8')));
    expect(writers).toEqual([]);
  });
});

describe('kg data folder', () => {
  const schema = 'version: 1\ntitle: t\nentityTypes:\n  company: { label: { en: C, zh: 公司 }, color: "#000000", shape: ellipse }\n';

  it('refuses a symlink without quoting its target', async () => {
    const folder = join(dir, 'linked');
    mkdirSync(join(folder, 'entities'), { recursive: true });
    writeFileSync(join(folder, 'schema.yaml'), schema);
    const secret = join(dir, 'credentials');
    writeFileSync(secret, 'aws_secret_access_key: SECRET-KEY-123\n: : not yaml [\n');
    symlinkSync(secret, join(folder, 'entities', 'keys.yaml'));
    const run = await kg('validate', '--data', folder);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/entities\/keys\.yaml DATA_FILE_REFUSED a symbolic link/);
    expect(run.stdout + run.stderr).not.toContain('SECRET-KEY-123');
    expectNeutral(run);
  });

  it('refuses a symlink loop and a broken link with one line, never exit 70', async () => {
    for (const [name, make] of [
      ['loop', (f: string) => symlinkSync(join(f, 'entities', 'loop.yaml'), join(f, 'entities', 'loop.yaml'))],
      ['broken', (f: string) => symlinkSync(join(f, 'nowhere.yaml'), join(f, 'entities', 'broken.yaml'))],
      ['device', (f: string) => symlinkSync('/dev/zero', join(f, 'entities', 'zero.yaml'))],
    ] as const) {
      const folder = join(dir, `folder-${name}`);
      mkdirSync(join(folder, 'entities'), { recursive: true });
      writeFileSync(join(folder, 'schema.yaml'), schema);
      make(folder);
      const run = await kg('stats', '--data', folder);
      expectRefusal(run, 'stats', 'DATA_FILE_REFUSED');
    }
  });
});

describe('kg --data file', () => {
  it('refuses /dev/zero, a device as --csv-nodes and a missing file before reading', async () => {
    expectRefusal(await kg('stats', '--data', '/dev/zero'), 'stats', 'CLI_NOT_A_FILE');
    expectRefusal(await kg('stats', '--data', join(dir, 'missing.json')), 'stats', 'CLI_NO_FILE');
    expectRefusal(await kg('stats', '--data', graphFile, '--csv-nodes', '/dev/null'), 'stats', 'CLI_NOT_A_FILE');
  });

  it('refuses a FIFO without hanging', async () => {
    const fifo = join(dir, 'pipe.csv');
    await new Promise<void>((done, fail) => execFile('mkfifo', [fifo], (error) => (error ? fail(error) : done())));
    expectRefusal(await kg('stats', '--data', fifo), 'stats', 'CLI_NOT_A_FILE');
  });

  it('asks for --confirm-large above the confirm size and refuses above the hard cap', async () => {
    const limits = { confirm: 100, max: 1000 };
    const big = join(dir, 'big.csv');
    writeFileSync(big, `source,target\n${Array.from({ length: 30 }, (_, i) => `n${i},n${i + 1}`).join('\n')}\n`);
    await expect(loadData({ data: big }, limits)).rejects.toSatisfy(
      (e: unknown) =>
        e instanceof KgError && e.code === 'CLI_FILE_LARGE' && e.problems[0]?.hint === 'add --confirm-large to import it anyway',
    );
    expect((await loadData({ data: big, 'confirm-large': true }, limits)).entities).toHaveLength(31);
    await expect(loadData({ data: big, 'confirm-large': true }, { confirm: 100, max: 200 })).rejects.toSatisfy(
      (e: unknown) => e instanceof KgError && e.code === 'CLI_FILE_TOO_LARGE',
    );
  });

  it('knows the --confirm-large flag its hint names', async () => {
    const run = await kg('stats', '--data', graphFile, '--confirm-large');
    expect(run.code).toBe(0);
  });
});

describe('kg usage errors', () => {
  it('refuses -o into a directory or an unwritable path with one line', async () => {
    expectRefusal(await kg('export', '--format', 'json', '--data', graphFile, '-o', dir), 'export', 'CLI_FILE_ERROR');
    expectRefusal(
      await kg('export', '--format', 'json', '--data', graphFile, '-o', join(dir, 'no', 'such', 'folder', 'x.json')),
      'export',
      'CLI_FILE_ERROR',
    );
    expectRefusal(await kg('export', '--format', 'json', '--data', graphFile, '-o', '/proc/version'), 'export', 'CLI_FILE_ERROR');
  });

  it('rejects numbers that are not plain whole numbers in range', async () => {
    for (const depth of ['0x2', '1.5', '1e1', '0', ' 2', '', '-1']) {
      expectRefusal(await kg('neighbors', 'b', `--depth=${depth}`, '--data', graphFile), 'neighbors', 'CLI_BAD_OPTION');
    }
    expectRefusal(await kg('neighbors', 'b', '--depth', '-1', '--data', graphFile), 'neighbors', 'CLI_USAGE');
    expectRefusal(await kg('search', 'A', '--limit', '0x10', '--data', graphFile), 'search', 'CLI_BAD_OPTION');
    expectRefusal(await kg('rank', '--top', '2.5', '--data', graphFile), 'rank', 'CLI_BAD_OPTION');
    expectRefusal(await kg('export', '--format', 'svg', '--scale', '9', '--data', graphFile), 'export', 'CLI_BAD_OPTION');
    expectRefusal(
      await kg('export', '--format', 'json', '--focus', 'a', '--depth', '0x2', '--data', graphFile),
      'export',
      'CLI_BAD_OPTION',
    );
    expectRefusal(await kg('path', 'a', 'c', '--k', '0x2', '--data', graphFile), 'path', 'PATH_BAD_OPTION');
    expectRefusal(await kg('path', 'a', 'c', '--max-hops', '1.5', '--data', graphFile), 'path', 'PATH_BAD_OPTION');
  });

  it('refuses an unknown command or option with one line', async () => {
    expectRefusal(await kg('stats', '--bogus', '--data', graphFile), 'stats', 'CLI_USAGE');
    const run = await kg(`x${OSC0}`);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^kg: CLI_USAGE unknown command "x\\u001b\]0;pwned\\u0007" — see kg --help\n$/);
  });

  it('rejects an unknown --lang and a date that is not on the calendar', async () => {
    expectRefusal(await kg('path', 'a', 'c', '--lang', 'xx', '--data', graphFile), 'path', 'CLI_BAD_OPTION');
    expectRefusal(await kg('export', '--format', 'json', '--lang', 'xx', '--data', graphFile), 'export', 'CLI_BAD_OPTION');
    expectRefusal(await kg('rank', '--as-of', '2023-02-30', '--data', graphFile), 'rank', 'CLI_BAD_OPTION');
    expectRefusal(await kg('communities', '--as-of', '2023-13', '--data', graphFile), 'communities', 'CLI_BAD_OPTION');
    expect((await kg('rank', '--as-of', '2024-02-29', '--data', graphFile)).code).toBe(0);
  });
});
