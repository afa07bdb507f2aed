// Hostile data in Chromium (bad-inputs cases 14, 16, 24, 25, 26, 29, and the CSP): a graph with a payload in every
// text field, imported through the file picker in each format, then selected, hovered, searched, walked as a path and
// exported. Nothing may become markup, run, open a dialog, load from another origin or freeze the tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import type { Page, Request } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, gates, settled, shot, startSession } from './harness.ts';
import { compile } from '../../src/lib/graph/compile.ts';
import { exportCsv, exportGexf, exportGraphml, exportKgJson } from '../../src/lib/graph/formats/index.ts';
import { neutraliseHidden } from '../../src/lib/graph/text-checks.ts';
import type { CompiledGraph } from '../../src/lib/graph/types.ts';
import { HIDDEN_PAYLOADS, HOSTILE_URLS, PAYLOADS, PAYLOAD_NAMES, type PayloadName } from '../fixtures/payloads.ts';
import { CHAIN, HOSTILE_IDS, HOSTILE_SOURCE, HOSTILE_TITLE, HUGE_ID, hostileGraphData, quoteOf } from '../fixtures/hostile-graph-data.ts';

let session: Session;
/** Every URL the browser asked for, in every page of the session. */
const requests: string[] = [];

/**
 * The hostile graph as the app would get it from a file: compiled from tests/fixtures/hostile-graph-data.ts, laid out
 * on a circle, and given what the compiler refuses but an imported file may carry (non-http URLs, odd attribute keys).
 */
function hostileGraph(): CompiledGraph {
  const { compiled } = compile(hostileGraphData());
  const graph = structuredClone(compiled!);
  graph.positions = Object.fromEntries(
    CHAIN.map((id, i) => [
      id,
      { x: Math.round(400 * Math.cos((2 * Math.PI * i) / CHAIN.length)), y: Math.round(400 * Math.sin((2 * Math.PI * i) / CHAIN.length)) },
    ]),
  );
  graph.entities.find((e) => e.id === HOSTILE_IDS.imgOnerror)!.url = HOSTILE_URLS[0];
  graph.entities.find((e) => e.id === HOSTILE_IDS.svgOnload)!.attributes = { onclick: PAYLOADS.javascriptUrl, '<b>': PAYLOADS.imgOnerror };
  graph.sources[0]!.url = PAYLOADS.dataUrl;
  return graph;
}

const GRAPH = hostileGraph();
const KG_JSON = exportKgJson(GRAPH);
const CSV = exportCsv(GRAPH);
const FILES: Record<string, Array<{ name: string; mimeType: string; buffer: Buffer }>> = {
  'kg JSON': [{ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(KG_JSON) }],
  GEXF: [{ name: 'hostile.gexf', mimeType: 'application/xml', buffer: Buffer.from(exportGexf(GRAPH)) }],
  GraphML: [{ name: 'hostile.graphml', mimeType: 'application/xml', buffer: Buffer.from(exportGraphml(GRAPH)) }],
  CSV: [
    { name: 'hostile-edges.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV.edges) },
    { name: 'hostile-nodes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV.nodes) },
  ],
};

beforeAll(async () => {
  session = await startSession();
  session.context.on('request', (r: Request) => requests.push(r.url()));
  // Records every element that could run script or load something, and every on* attribute, added after load.
  await session.context.addInitScript(() => {
    const w = window as unknown as { __suspicious: string[] };
    w.__suspicious = [];
    const DANGEROUS = new Set(['SCRIPT', 'IMG', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'svg']);
    // The app's own SVGs are the legend's line icons (FilterPanel): aria-hidden, nothing but <line>s inside.
    const ownIcon = (el: Element): boolean =>
      el.tagName === 'svg' && el.getAttribute('aria-hidden') === 'true' && Array.from(el.children).every((c) => c.tagName === 'line');
    const check = (el: Element): void => {
      if (DANGEROUS.has(el.tagName) && !ownIcon(el)) w.__suspicious.push(`<${el.tagName}> in <${el.parentElement?.tagName ?? '?'}>`);
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name) || /^\s*(javascript|data|vbscript):/i.test(a.value))
          w.__suspicious.push(`${el.tagName} ${a.name}="${a.value}"`);
      }
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes' && r.target instanceof Element) check(r.target);
        for (const node of Array.from(r.addedNodes)) {
          if (node instanceof Element) [node, ...Array.from(node.querySelectorAll('*'))].forEach(check);
        }
      }
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
});

afterAll(async () => {
  expect(session.errors).toEqual([]);
  const foreign = requests.filter((url) => !url.startsWith(session.baseUrl) && !/^(data|blob):/.test(url));
  expect(foreign).toEqual([]);
  await session?.close();
});

/** Starts watching for suspicious DOM additions from now on (the page's own bootstrap scripts are not counted). */
const resetWatch = (page: Page): Promise<void> =>
  page.evaluate(() => void ((window as unknown as { __suspicious: string[] }).__suspicious = []));
const suspicious = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __suspicious: string[] }).__suspicious);

/** The page answers within 2 s: no frozen tab. */
/**
 * The page still answers: a payload that froze the main thread (a runaway regular expression, say) never lets it. The
 * bound is far above any answer on a busy machine, so only a freeze, not load, can fail it.
 */
async function expectResponsive(page: Page): Promise<void> {
  const answer = await Promise.race([page.evaluate(() => 1), new Promise((resolve) => setTimeout(() => resolve('frozen'), 20_000))]);
  expect(answer).toBe(1);
}

/** Every link in the page leads to an http(s) URL. */
async function expectOnlyHttpLinks(page: Page): Promise<void> {
  const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => !/^https?:\/\//i.test(h))).toEqual([]);
}

async function importHostile(page: Page, format: string): Promise<void> {
  await page.getByLabel('Import graph file').setInputFiles(FILES[format]!);
  await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
  await expect.poll(() => evalKg<number>(page, 'cy.nodes().length'), { timeout: 60_000 }).toBe(CHAIN.length);
}

/** What the details panel must show for a payload: the literal text, with hidden characters made visible. */
const shown = (name: PayloadName): string => neutraliseHidden(PAYLOADS[name]);

async function selectEntity(page: Page, id: string): Promise<string> {
  await evalKg(page, `explorer.selectEntity(${JSON.stringify(id)})`);
  await expect.poll(() => evalKg(page, 'explorer.entity')).toBe(id);
  return (await page.getByTestId('details').textContent()) ?? '';
}

describe('a graph with a payload in every text field', () => {
  it('imported as kg JSON: panels, hover, search, path and SVG export show every payload as literal text', async () => {
    const page = await session.newPage();
    await resetWatch(page);
    await importHostile(page, 'kg JSON');

    // Details: each payload entity's names, aliases and description as text; hidden characters made visible.
    for (const name of PAYLOAD_NAMES) {
      const details = await selectEntity(page, HOSTILE_IDS[name]);
      expect(details).toContain(shown(name));
      if (HIDDEN_PAYLOADS.includes(name)) {
        expect(await page.getByTestId('details-name').textContent()).toBe(shown(name));
        // Names and aliases (where the compiler warns) never carry the raw character; descriptions are prose, kept as is.
        const names = await page.getByTestId('details').locator('header, .aliases').allTextContents();
        expect(names.join(' ')).not.toContain(PAYLOADS[name]);
        expect(names.join(' ')).toContain(`alias ${shown(name)}`);
        expect(await evalKg(page, `cy.getElementById(${JSON.stringify(HOSTILE_IDS[name])}).data('label')`)).toBe(shown(name));
      }
    }
    const img = await selectEntity(page, HOSTILE_IDS.imgOnerror);
    expect(await page.getByTestId('details-name').textContent()).toBe(PAYLOADS.imgOnerror);
    expect(img).toContain(`About ${PAYLOADS.imgOnerror}`);
    // The entity's javascript: url is carried as data but never becomes a link.
    expect(await page.getByTestId('details').locator('a').count()).toBe(0);
    const withAttributes = await selectEntity(page, HOSTILE_IDS.svgOnload);
    expect(withAttributes).toContain('onclick');
    expect(withAttributes).toContain(PAYLOADS.javascriptUrl);

    // Evidence: the quote verbatim, the source title and publisher as text, and its data: URL not a link.
    await evalKg(
      page,
      `explorer.selectRelation(explorer.compiled.relations.find(r => r.target === ${JSON.stringify(HOSTILE_IDS.script)}).id)`,
    );
    await expect.poll(() => page.getByTestId('details').textContent()).toContain(quoteOf('script'));
    const evidence = (await page.getByTestId('details').textContent()) ?? '';
    expect(evidence).toContain(HOSTILE_SOURCE.title);
    expect(evidence).toContain(HOSTILE_SOURCE.publisher);
    await expectOnlyHttpLinks(page);
    await settled(page);
    await shot(page, 'hostile-evidence');

    // The 1 MB label arrives capped, with a notice, and its panel still renders.
    const huge = await selectEntity(page, HUGE_ID);
    expect(huge.length).toBeLessThan(20_000);
    expect(await page.getByTestId('import-done').textContent()).toMatch(/notice/);
    expect([...(await evalKg<string>(page, `cy.getElementById(${JSON.stringify(HUGE_ID)}).data('label')`))].length).toBeLessThanOrEqual(28);
    await shot(page, 'hostile-huge-label');

    // Hover with the real mouse over a payload node.
    await selectEntity(page, HOSTILE_IDS.svgScript);
    const pos = await evalKg<{ x: number; y: number }>(
      page,
      `cy.getElementById(${JSON.stringify(HOSTILE_IDS.svgScript)}).renderedPosition()`,
    );
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    await page.mouse.move(box.x + pos.x, box.y + pos.y);
    await expect.poll(() => evalKg(page, 'explorer.hover')).toBe(HOSTILE_IDS.svgScript);
    await shot(page, 'hostile-hover');

    // Search: payloads typed into the box are matched literally and listed as text.
    const search = page.getByRole('combobox', { name: 'Search entities' });
    for (const name of ['imgOnerror', 'svgOnload', 'templateLiteral', 'svelteHtml', 'closeScript'] as const) {
      await search.fill(PAYLOADS[name]);
      const list = page.getByRole('listbox').first();
      await list.waitFor();
      await expect.poll(() => list.textContent()).toContain(PAYLOADS[name]);
    }
    await shot(page, 'hostile-search');
    await search.fill('');

    // A path through payload entities reads as a sentence of literal names.
    await evalKg(
      page,
      `explorer.setPath({ from: ${JSON.stringify(HOSTILE_IDS.imgOnerror)}, to: ${JSON.stringify(HOSTILE_IDS.iframe)}, options: {}, selected: 0 })`,
    );
    const sentence = page.getByTestId('path-result-0');
    await sentence.waitFor();
    const text = (await sentence.textContent()) ?? '';
    for (const name of ['imgOnerror', 'svgOnload', 'script', 'closeScript', 'svgScript', 'iframe'] as const)
      expect(text).toContain(PAYLOADS[name]);
    await page.getByTestId('path-hop-0-0').click();
    await expect.poll(() => page.getByTestId('path-panel').textContent()).toContain(quoteOf('svgOnload'));
    await settled(page);
    await shot(page, 'hostile-path');

    // SVG export of the whole graph: XML, no script, no event attributes, no javascript: links, payloads as text.
    await page.getByTestId('export-scope').selectOption('all');
    await page.getByTestId('export-format').selectOption('svg');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    const svg = readFileSync(await download.path(), 'utf8');
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(message) }).parseFromString(
      svg,
      'image/svg+xml',
    );
    expect(errors).toEqual([]);
    for (const tag of ['script', 'img', 'iframe', 'foreignObject', 'a']) expect(doc.getElementsByTagName(tag).length, tag).toBe(0);
    // Payload text such as "onerror=alert(1)" is in the file as escaped text; no element may carry it as an attribute.
    const all = Array.from(doc.getElementsByTagName('*'));
    const attributes = all.flatMap((el) => Array.from(el.attributes, (a) => `${a.name}=${a.value}`));
    expect(attributes.filter((a) => /^on/i.test(a) || /=\s*(javascript|data|vbscript):/i.test(a))).toEqual([]);
    const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '').join('\n');
    expect(texts).toContain(HOSTILE_TITLE);
    expect(texts).toContain(PAYLOADS.imgOnerror);

    expect(await suspicious(page)).toEqual([]);
    await expectOnlyHttpLinks(page);
    await expectResponsive(page);
    await page.close();
  });

  for (const format of ['GEXF', 'GraphML', 'CSV']) {
    it(`imported as ${format}: every payload name is literal text in the details panel`, async () => {
      const page = await session.newPage();
      await resetWatch(page);
      await importHostile(page, format);
      for (const name of PAYLOAD_NAMES) expect(await selectEntity(page, HOSTILE_IDS[name])).toContain(shown(name));
      await selectEntity(page, HOSTILE_IDS.imgOnerror);
      await settled(page);
      await shot(page, `hostile-${format.toLowerCase()}`);
      expect(await suspicious(page)).toEqual([]);
      await expectOnlyHttpLinks(page);
      await expectResponsive(page);
      await page.close();
    });
  }
});

describe('hostile files', () => {
  it('refuses a GEXF with a DOCTYPE and an external entity before parsing, fetching nothing, keeping the graph', async () => {
    const page = await session.newPage('#e=deepseek');
    const before = requests.length;
    const gexf = `<?xml version="1.0"?>\n<!DOCTYPE gexf [<!ENTITY xxe SYSTEM "http://evil.example/xxe">]>\n<gexf version="1.3"><graph><nodes><node id="a" label="&xxe;"/></nodes></graph></gexf>\n`;
    await page.getByLabel('Import graph file').setInputFiles({ name: 'xxe.gexf', mimeType: 'application/xml', buffer: Buffer.from(gexf) });
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toContain('IMPORT_XML_DOCTYPE');
    expect(requests.slice(before).filter((url) => url.includes('evil.example'))).toEqual([]);
    expect(await evalKg(page, 'explorer.entity')).toBe('deepseek');
    await page.getByTestId('import-error').scrollIntoViewIfNeeded();
    await shot(page, 'hostile-doctype');
    await page.close();
  });

  it('asks before importing a file above 20 MB, and both Cancel and cancelling the running import keep the graph', async () => {
    const page = await session.newPage('#e=deepseek');
    const nodes = await evalKg<number>(page, 'cy.nodes().length');
    // About 23 MB of edge list: large enough to ask first and to take a while to parse.
    const rows = Array.from({ length: 900_000 }, (_, i) => `n-${i % 50_000}-abcd,n-${(i * 7) % 50_000}-efgh`);
    const big = { name: 'big-edges.csv', mimeType: 'text/csv', buffer: Buffer.from(`source,target\n${rows.join('\n')}\n`) };
    const picker = page.getByLabel('Import graph file');
    await picker.setInputFiles(big);
    await page.getByTestId('import-confirm').waitFor();
    await page.getByTestId('import-confirm').scrollIntoViewIfNeeded();
    await shot(page, 'hostile-large-confirm');
    await page.getByTestId('import-confirm').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('import-confirm').waitFor({ state: 'detached' });
    // The parsed graph is held back, so the import is still running when Cancel is pressed on any machine.
    await gates.hold(page, 'import-result');
    await picker.setInputFiles(big);
    await page.getByTestId('import-confirm').getByRole('button', { name: 'Import' }).click();
    await page.getByTestId('import-progress').waitFor();
    await expectResponsive(page);
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached' });
    // A result that arrived before the cancel is dropped once let through.
    await gates.release(page, 'import-result');
    await settled(page);
    expect(await evalKg<number>(page, 'cy.nodes().length')).toBe(nodes);
    expect(await evalKg(page, 'explorer.entity')).toBe('deepseek');
    await expectResponsive(page);
    await page.close();
  });
});

describe('the Content-Security-Policy', () => {
  it("is a meta tag with script-src 'self' and no unsafe-eval, and stops an injected inline script", async () => {
    const html = await (await fetch(session.baseUrl)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const policy = meta
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);

    const page = await session.newPage();
    // The browser reads the same policy from the page it loaded.
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'))).toBe(
      policy,
    );
    await resetWatch(page);
    const before = session.errors.length;
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.append(s);
    });
    // The harness reports the violation as a console error; Chromium also logs its own "violates the … directive" error.
    await expect.poll(() => session.errors.slice(before).some((e) => e.startsWith('CSP violation: script-src'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // The watcher saw the injected element: it would see one coming from data too.
    expect(await suspicious(page)).toEqual(['<SCRIPT> in <BODY>']);
    // This one deliberate violation is expected; remove exactly its messages so afterAll still checks everything else.
    const caused = session.errors.slice(before);
    expect(
      caused.every((e) => /^CSP violation: script-src|Content Security Policy directive 'script-src/.test(e)),
      caused.join('\n'),
    ).toBe(true);
    session.errors.splice(before, caused.length);
    await page.close();
  });
});
