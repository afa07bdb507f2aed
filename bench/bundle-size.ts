// Bundle sizes of a production build: what index.html loads up front (JS, CSS, preloaded graph data) and each lazy chunk.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ResultRow } from './stats.ts';
import { measuredRow } from './stats.ts';

/** Budget on the initial JavaScript, gzip; kB are 1000 bytes, as Vite prints them. */
export const INITIAL_JS_BUDGET_KB = 250;

/** What index.html references, by kind (paths as written, e.g. `/assets/index-abc.js`). */
export interface EntryAssets {
  scripts: string[];
  modulePreloads: string[];
  stylesheets: string[];
  dataPreloads: string[];
}

/** Reads the entry script, module preloads, stylesheets and fetch preloads from an index.html. */
export function entryAssets(html: string): EntryAssets {
  const assets: EntryAssets = { scripts: [], modulePreloads: [], stylesheets: [], dataPreloads: [] };
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const attr = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const rel = attr('rel');
    if (tag.startsWith('<script') && attr('src')) assets.scripts.push(attr('src')!);
    else if (rel === 'modulepreload') assets.modulePreloads.push(attr('href')!);
    else if (rel === 'stylesheet') assets.stylesheets.push(attr('href')!);
    else if (rel === 'preload' && attr('as') === 'fetch') assets.dataPreloads.push(attr('href')!);
  }
  return assets;
}

const kB = (bytes: number): number => Math.round(bytes / 10) / 100;

/** Gzip size (zlib's default level, like Vite's report) and raw size of files in a build, in kB. */
export function sizes(dist: string, paths: readonly string[]): { gzip: number; raw: number } {
  let gzip = 0;
  let raw = 0;
  for (const path of paths) {
    const bytes = readFileSync(join(dist, path.replace(/^\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { gzip: kB(gzip), raw: kB(raw) };
}

const single = (value: number): { median: number; min: number; max: number; runs: number } => ({
  median: value,
  min: value,
  max: value,
  runs: 1,
});

/** 7. Size rows for the production build in `dist`: initial JS (budgeted), CSS, preloaded graph JSON and every lazy chunk. */
export function benchBundle(dist: string): ResultRow[] {
  const group = 'bundle (gzip)';
  const assets = entryAssets(readFileSync(join(dist, 'index.html'), 'utf8'));
  const initialJs = [...assets.scripts, ...assets.modulePreloads];
  const rows: ResultRow[] = [];
  const add = (name: string, paths: readonly string[], budgetKb?: number): void => {
    const { gzip, raw } = sizes(dist, paths);
    const budget = budgetKb === undefined ? undefined : { limit: budgetKb, strict: false };
    rows.push(
      measuredRow(group, name, 'kB', single(gzip), budget, `${raw} kB raw: ${paths.map((p) => p.replace(/^.*\//, '')).join(', ')}`),
    );
  };
  add('initial JS (entry + modulepreloads)', initialJs, INITIAL_JS_BUDGET_KB);
  add('initial CSS', assets.stylesheets);
  add('preloaded graph JSON', assets.dataPreloads);
  const initial = new Set(initialJs.map((p) => p.replace(/^.*\//, '')));
  const lazy = readdirSync(join(dist, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(name))
    .sort();
  for (const name of lazy) add(`lazy chunk ${name.replace(/-[\w-]{8}\.js$/, '')}`, [`assets/${name}`]);
  return rows;
}
