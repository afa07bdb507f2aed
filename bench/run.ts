// `npm run bench [-- --quick] [--no-build] [--no-browser] [--no-db]`: runs every benchmark, prints the table, writes
// bench/results/latest.json. `--db-only` runs only the database section; `--db-long` only that section at 10^6 entities
// (both write bench/results/db*.json and leave docs/performance.md alone).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/harness.ts';
import { benchInteractions, benchLoad } from './browser-benches.ts';
import { benchBrowserImports } from './browser-import.ts';
import { benchLabelPlacement } from './browser-labels.ts';
import type { BrowserTargets } from './browser-page.ts';
import { benchBundle } from './bundle-size.ts';
import { benchDatabase } from './db-benches.ts';
import { benchCompile, benchImports, benchLenses, benchPathQueries, benchSearch, DATASET_FILES, DATASETS, ROOT } from './node-benches.ts';
import type { ResultRow } from './stats.ts';
import { measuredRow, unmeasuredRow } from './stats.ts';
import { markdownTable, printTable } from './table.ts';

const USAGE = 'usage: npm run bench [-- --quick] [--no-build] [--no-browser] [--no-db] [--db-only] [--db-long]';
const FLAGS = ['--quick', '--no-build', '--no-browser', '--no-db', '--db-only', '--db-long'] as const;
const RESULTS = join(ROOT, 'bench/results');
const BUILDS = { app: join(RESULTS, 'app-dist'), e2e: join(RESULTS, 'app-e2e-dist'), baseline: join(RESULTS, 'baseline-dist') };

interface Options {
  quick: boolean;
  build: boolean;
  browser: boolean;
  db: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  for (const arg of argv) {
    if (!(FLAGS as readonly string[]).includes(arg)) {
      console.error(`bench: unknown option "${arg}"\n${USAGE}`);
      process.exit(2);
    }
  }
  return {
    quick: argv.includes('--quick'),
    build: !argv.includes('--no-build'),
    browser: !argv.includes('--no-browser'),
    db: !argv.includes('--no-db'),
  };
}

const log = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

/** Runs one section; a failure becomes a `failed` row and the other sections still run. */
async function section(rows: ResultRow[], name: string, run: () => ResultRow[] | Promise<ResultRow[]>): Promise<void> {
  log(`${name}…`);
  const start = performance.now();
  try {
    rows.push(...(await run()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    rows.push(unmeasuredRow(name, name, 'failed', message.split('\n')[0]!.slice(0, 300)));
    log(`${name} failed: ${message}`);
  }
  log(`${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** `vite build` in a child process (so the bench's own timings run in an undisturbed process); returns seconds taken. */
function viteBuild(args: readonly string[]): number {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error', ...args], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`vite build ${args.join(' ')} failed\n${stderr}`, { cause: error });
  }
  return performance.now() - start;
}

const hasIndex = (dir: string): boolean => existsSync(join(dir, 'index.html'));
const bundleText = (dir: string): string =>
  readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(dir, 'assets', f), 'utf8'))
    .join('\n');

/**
 * Builds the production app, its e2e copy and the baseline page into bench/results/ — never into dist/, which the
 * e2e tests build and serve (a production build there would break a test run going on beside the bench).
 * With --no-build, reuses those builds, or dist/ from `npm start` when it is a production build.
 */
function prepareBuilds(options: Options, rows: ResultRow[]): BrowserTargets {
  if (options.build) {
    const single = (ms: number): { median: number; min: number; max: number; runs: number } => ({ median: ms, min: ms, max: ms, runs: 1 });
    const builds: [string, string[]][] = [
      ['vite build (production)', ['--outDir', BUILDS.app]],
      ['vite build --mode e2e', ['--mode', 'e2e', '--outDir', BUILDS.e2e]],
      ['vite build (baseline page)', ['--config', join(ROOT, 'bench/vite.baseline.config.ts')]],
    ];
    for (const [name, args] of builds) {
      log(`${name}…`);
      rows.push(measuredRow('build', name, 'ms', single(viteBuild(args)), undefined, 'one run, child process'));
    }
  }
  let app = BUILDS.app;
  if (!hasIndex(app)) {
    const dist = join(ROOT, 'dist');
    if (!hasIndex(dist)) throw new Error('no build to measure: run `npm run bench` without --no-build, or `npm start` first');
    if (bundleText(dist).includes('__kg')) throw new Error('dist/ is an e2e build (`--mode e2e`); run `npm start` or drop --no-build');
    app = dist;
  }
  return {
    app,
    e2e: hasIndex(BUILDS.e2e) ? BUILDS.e2e : undefined,
    baseline: hasIndex(BUILDS.baseline) ? BUILDS.baseline : undefined,
    appMarksDrawn: bundleText(app).includes('kg:drawn'),
  };
}

function gitCommit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return undefined;
  }
}

/** The database section at 10^5 entities / 5·10^5 relations (default), or 10^6 / 5·10^6 (`--db-long`, about 15 minutes). */
function databaseSection(long: boolean, quick: boolean): Promise<ResultRow[]> {
  return long
    ? benchDatabase({ entities: 1_000_000, relations: 5_000_000, queries: 50, group: 'database 10^6', log })
    : benchDatabase({ entities: 100_000, relations: 500_000, queries: quick ? 20 : 50, group: 'database 10^5', log });
}

/** `--db-only` / `--db-long`: the database section alone, written to bench/results/db.json or db-long.json. */
async function databaseOnly(long: boolean, quick: boolean): Promise<void> {
  const rows: ResultRow[] = [];
  await section(rows, long ? 'database 10^6' : 'database 10^5', () => databaseSection(long, quick));
  mkdirSync(RESULTS, { recursive: true });
  const out = join(RESULTS, long ? 'db-long.json' : 'db.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), commit: gitCommit(), cpus: cpus().length, rows }, null, 2)}\n`);
  printTable(rows);
  console.log(`Written to ${out}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseArgs(argv);
  if (argv.includes('--db-only') || argv.includes('--db-long')) return databaseOnly(argv.includes('--db-long'), options.quick);
  const started = new Date();
  const loadBefore = loadavg();
  const rows: ResultRow[] = [];
  const node = { quick: options.quick };

  await section(rows, 'compile', () => benchCompile(node));
  await section(rows, 'search', () => benchSearch(node));
  await section(rows, 'paths', () => benchPathQueries(node));
  await section(rows, 'lenses', () => benchLenses(node));
  await section(rows, 'import (Node)', () => benchImports(node));
  if (options.db) await section(rows, 'database 10^5', () => databaseSection(false, options.quick));
  else rows.push(unmeasuredRow('database 10^5', 'database benchmarks', 'skipped', '--no-db'));

  let targets: BrowserTargets | undefined;
  await section(rows, 'build', () => {
    const buildRows: ResultRow[] = [];
    targets = prepareBuilds(options, buildRows);
    return buildRows;
  });
  if (targets) {
    const built = targets;
    await section(rows, 'bundle', () => benchBundle(built.app));
  }

  let chromiumVersion: string | undefined;
  if (!options.browser || !existsSync(CHROMIUM) || !targets) {
    const why = !options.browser ? '--no-browser' : !targets ? 'no build' : `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`;
    rows.push(unmeasuredRow('browser', 'browser benchmarks', 'skipped', why));
  } else {
    const built = targets;
    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    try {
      chromiumVersion = browser.version();
      await section(rows, 'load', () => benchLoad(browser, built, node));
      await section(rows, 'interactions', () => benchInteractions(browser, built, node));
      await section(rows, 'label placement', () => benchLabelPlacement(browser, built, DATASETS, node));
      const files = DATASET_FILES.map((f) => join(DATASETS, f));
      await section(rows, 'import (browser)', () => benchBrowserImports(browser, built, files, node));
    } finally {
      await browser.close();
    }
  }

  const machine = {
    date: started.toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    platform: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion ?? 'not run',
    commit: gitCommit() ?? 'unknown',
    loadAverageBefore: loadBefore.map((l) => Math.round(l * 100) / 100),
    loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
  };
  const durationSeconds = Math.round((Date.now() - started.getTime()) / 1000);
  mkdirSync(RESULTS, { recursive: true });
  const out = join(RESULTS, 'latest.json');
  writeFileSync(out, `${JSON.stringify({ machine, options, durationSeconds, rows }, null, 2)}\n`);

  const report = join(ROOT, 'docs/performance.md');
  writeFileSync(report, performanceReport(rows, machine, options.quick, durationSeconds));

  printTable(rows);
  console.log(
    `\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, node ${machine.node}, Chromium ${machine.chromium}, ` +
      `commit ${machine.commit}, ${machine.date}; load average ${machine.loadAverageBefore[0]} → ${machine.loadAverageAfter[0]}` +
      ` (other work on the machine skews figures); ${options.quick ? 'quick' : 'full'} run in ${durationSeconds} s.\nWritten to ${out} and ${report}`,
  );
}

/**
 * docs/performance.md, rewritten whole from this run (never appended): how to run the bench, the machine, and every
 * row with its budget. What a figure means and how it is taken is in each row's note.
 */
function performanceReport(
  rows: readonly ResultRow[],
  machine: {
    date: string;
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    chromium: string;
    commit: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  },
  quick: boolean,
  seconds: number,
): string {
  return [
    '# Performance',
    '',
    '<!-- Written by `npm run bench` from its latest run; edits here are overwritten. -->',
    '',
    '```sh',
    'npm run bench                  # everything (about 5–6 minutes on 2 cores); rewrites this file',
    'npm run bench -- --quick       # fewer runs, no exact betweenness, two imports in the browser',
    'npm run bench -- --no-build    # reuse the builds in bench/results/',
    'npm run bench -- --no-browser  # engine only (Node)',
    'npm run bench -- --db-only     # only the PostgreSQL section (10^5 entities); --db-long: 10^6 (docs/database.md)',
    '```',
    '',
    `Latest run: ${quick ? 'quick' : 'full'}, ${seconds} s, ${machine.date.slice(0, 10)}, commit ${machine.commit}. ` +
      `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, Chromium ${machine.chromium}; ` +
      `load average ${machine.loadAverageBefore[0]} before and ${machine.loadAverageAfter[0]} after (other work on the machine skews figures). ` +
      'Budgets are on the median; the raw rows are in `bench/results/latest.json`.',
    markdownTable(rows),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
