// The explorer in server mode against a real `kg serve` (a child process): it starts from search, expands on
// double-click and by relation type, finds a path on the server and draws it with its neighbourhood, says what part of
// the graph is shown, and exports the picture. Screenshots at desktop and phone sizes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, doubleClick, evalKg, settled, shot } from './harness.ts';
import { main } from '../../src/cli/main.ts';
import { startPostgres, type ThrowawayPostgres } from '../support/postgres.ts';

let server: ChildProcess;
let base: string;
let browser: Browser;
const errors: string[] = [];

/** Starts `kg serve` on a free port and resolves to the URL it prints. */
async function startServe(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn('node_modules/.bin/tsx', ['src/cli/main.ts', 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`kg serve exited with ${code}`)));
    lines.on('line', (line) => {
      const found = /^kg serve: (http:\/\/\S+\/)/.exec(line);
      if (found) resolve(found[1]!);
    });
  });
  return { child, url };
}

beforeAll(async () => {
  ({ child: server, url: base } = await startServe(['--data', 'graph-data']));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  expect(errors).toEqual([]);
});

async function open(viewport: { width: number; height: number }, hash = '#source=/api', at = base): Promise<Page> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${at}${hash}`);
  // Attached, not necessarily visible: a phone carries the status line in the bottom sheet's bar instead.
  await page.getByTestId('server-status').waitFor({ state: 'attached' });
  return page;
}

const loaded = (page: Page): Promise<number> => evalKg<number>(page, 'cy.nodes().length');
const status = (page: Page): Promise<string | null> => page.getByTestId('server-status').textContent();

/** Types into a search box and clicks the first option whose text contains `option`, once the server's hits are listed. */
async function pick(page: Page, box: string, text: string, option: string): Promise<void> {
  await page.getByTestId(box).fill(text);
  const choice = page.getByTestId(`${box}-results`).getByRole('option', { name: option }).first();
  await choice.waitFor();
  await choice.click();
}

describe('the explorer on kg serve --data graph-data, in server mode', () => {
  it('starts from search, expands twice, finds a path on the server and exports the picture', async () => {
    const page = await open({ width: 1280, height: 800 });
    await page.getByTestId('server-start').waitFor();
    const total = JSON.parse(await page.evaluate(() => fetch('/api/mode').then((r) => r.text()))) as { entities: number };
    expect(await status(page)).toContain(`Showing 0 of ${total.entities} entities · server`);
    expect(await loaded(page)).toBe(0);
    expect(page.url()).toContain('source=/api');

    // Search answered by the server, then the entity's neighbourhood.
    await pick(page, 'search', 'DeepSeek', 'DeepSeek');
    await page.waitForFunction(() => (window as unknown as { __kg: { cy: { nodes(): unknown[] } } }).__kg.cy.nodes().length > 1);
    expect(await evalKg(page, 'explorer.entity')).toBe('deepseek');
    const first = await loaded(page);
    await expect.poll(() => status(page)).toContain(`Showing ${first} of ${total.entities} entities · server`);
    await settled(page);
    await shot(page, 'server-mode-search');

    // Double-click a neighbour: its neighbours arrive, and what was drawn stays where it was.
    const before = await evalKg<{ x: number; y: number }>(page, "cy.getElementById('deepseek').position()");
    await settled(page);
    const at = await evalKg<{ x: number; y: number }>(page, "cy.getElementById('open-source-ai').renderedPosition()");
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await doubleClick(page, box.x + at.x, box.y + at.y);
    await page.waitForFunction((n) => (window as unknown as { __kg: { cy: { nodes(): unknown[] } } }).__kg.cy.nodes().length > n, first);
    expect(await evalKg(page, 'explorer.entity')).toBe('open-source-ai');
    expect(await evalKg(page, "cy.getElementById('deepseek').position()")).toEqual(before);
    const second = await loaded(page);

    // Expand by one relation type from the panel: China's 'establishes' neighbours come, its other ones do not.
    await pick(page, 'search', 'China', 'China');
    await page.waitForFunction(() => (window as unknown as { __kg: { explorer: { entity: string } } }).__kg.explorer.entity === 'china');
    await page.getByTestId('server-expand-type').selectOption('establishes');
    await page.getByTestId('server-expand-load').click();
    await expect.poll(() => loaded(page)).toBeGreaterThan(second);
    expect(await evalKg(page, "cy.getElementById('big-fund').length")).toBe(1);
    expect(await evalKg(page, "cy.getElementById('apollo-go').length")).toBe(0);
    await settled(page);
    await shot(page, 'server-mode-expanded');

    // A path found on the server, drawn with its neighbourhood and highlighted.
    await pick(page, 'path-from', '幻方', 'High-Flyer');
    await pick(page, 'path-to', 'JD Cloud', 'JD Cloud');
    await page.getByTestId('path-find').click();
    await page.getByRole('list', { name: 'Path results' }).waitFor();
    expect(await page.getByTestId('path-result-0').textContent()).toBe(
      'High-Flyer —funds→ DeepSeek —releases→ DeepSeek-R1 ←deploys— JD Cloud',
    );
    await expect.poll(() => evalKg<number>(page, "cy.elements('.path').length")).toBe(7);
    await page.getByTestId('path-hop-0-2').click();
    await expect.poll(() => page.getByTestId('path-panel').textContent()).toContain('京东云已正式上线DeepSeek-R1和DeepSeek-V3模型');
    await settled(page);
    await shot(page, 'server-mode-path');

    // The picture of what is shown.
    await page.getByTestId('export-scope').selectOption('visible');
    await page.getByTestId('export-format').selectOption('png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');

    // The link restores the view in server mode.
    const link = page.url();
    const again = await open({ width: 1280, height: 800 }, new URL(link).hash);
    await again.getByRole('list', { name: 'Path results' }).waitFor();
    expect(await evalKg(again, 'explorer.entity')).toBe(await evalKg(page, 'explorer.entity'));
    await again.context().close();
    await page.context().close();
  });

  it('works on a phone', async () => {
    const page = await open({ width: 390, height: 844 });
    await pick(page, 'search', 'deepseek', 'DeepSeek');
    await expect.poll(() => loaded(page)).toBeGreaterThan(1);
    await settled(page);
    await shot(page, 'server-mode-phone');
    expect(await status(page)).toMatch(/Showing \d+ of \d+ entities · server/);
    // What the phone shows: the indicator in the sheet's bar under the canvas.
    await expect.poll(() => page.getByTestId('sheet-handle').textContent()).toMatch(/Showing \d+ of \d+ entities · server/);
    expect(await page.getByTestId('sheet-handle').isVisible()).toBe(true);
    await page.context().close();
  });
});

describe('the explorer on kg serve --db, a generated database of 100,000 entities and 500,000 relations', () => {
  let postgres: ThrowawayPostgres;
  let db: ChildProcess;
  let url: string;

  beforeAll(async () => {
    postgres = await startPostgres('kg');
    const args = ['db', 'generate', '--entities', '100000', '--relations', '500000', '--seed', '7', '--db', postgres.url, '--graph', 'big'];
    expect(await main(args)).toBe(0);
    ({ child: db, url } = await startServe(['--db', postgres.url, '--graph', 'big']));
  });

  afterAll(() => {
    db?.kill('SIGTERM');
    postgres?.stop();
  });

  it('opens in server mode by itself, searches, expands twice, finds a path and exports the picture', async () => {
    // No #source=/api: kg serve --db marks index.html, and the app starts from search.
    const page = await open({ width: 1280, height: 800 }, '', url);
    await page.getByTestId('server-start').waitFor();
    expect(await status(page)).toContain('Showing 0 of 100,000 entities · server');

    await pick(page, 'search', '12345', '12345');
    await expect.poll(() => loaded(page)).toBeGreaterThan(1);
    const seed = await evalKg<string>(page, 'explorer.entity');
    expect(seed).toBe('e12345');
    const first = await loaded(page);

    // Double-click the best-connected neighbour (a hub): at most one expansion's worth of its neighbours arrives.
    const hub = await evalKg<string>(
      page,
      `cy.nodes().filter(n => n.id() !== 'e12345').sort((a, b) => Number(a.id().slice(1)) - Number(b.id().slice(1)))[0].id()`,
    );
    await settled(page);
    const at = await evalKg<{ x: number; y: number }>(page, `cy.getElementById(${JSON.stringify(hub)}).renderedPosition()`);
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await doubleClick(page, box.x + at.x, box.y + at.y);
    await expect.poll(() => loaded(page)).toBeGreaterThan(first);
    expect(await evalKg(page, 'explorer.entity')).toBe(hub);
    const second = await loaded(page);
    expect(second).toBeLessThanOrEqual(500);
    await expect.poll(() => status(page)).toContain(`Showing ${second} of 100,000 entities · server`);
    await settled(page);
    await shot(page, 'server-mode-db-expanded');

    // A path from the first entity to one that is not loaded, found by the database.
    await page.getByTestId('search').fill('');
    const far = 'e54321';
    await pick(page, 'path-from', '12345', '12345');
    await pick(page, 'path-to', '54321', '54321');
    await page.getByTestId('path-find').click();
    await page.getByRole('list', { name: 'Path results' }).waitFor();
    const nodes = await evalKg<string[]>(page, 'explorer.pathAnswer.result.paths[0].nodes');
    expect(nodes[0]).toBe('e12345');
    expect(nodes.at(-1)).toBe(far);
    await expect.poll(() => evalKg<number>(page, "cy.nodes('.path').length")).toBe(nodes.length);
    await settled(page);
    await shot(page, 'server-mode-db-path');

    await page.getByTestId('export-scope').selectOption('visible');
    await page.getByTestId('export-format').selectOption('png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await page.context().close();
  });
});
