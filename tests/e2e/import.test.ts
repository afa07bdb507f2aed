// Bring your own graph, in Chromium: each format through the file picker, search and paths on the imported graph,
// a broken file that leaves the previous graph on screen, the URL naming the dataset, and the way back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Session } from './harness.ts';
import { evalKg, gates, settled, shot, startSession, waitForGraph } from './harness.ts';

const DATASETS = '../shared/datasets';
/** How many edges and nodes in view the canvas's bulk layer drew last (large graphs), as expressions for `evalKg`. */
const LAYER_EDGES = 'Number(document.querySelector(\'canvas[data-id="bulk-layer"]\')?.dataset.edges ?? 0)';
const LAYER_NODES = 'Number(document.querySelector(\'canvas[data-id="bulk-layer"]\')?.dataset.nodes ?? 0)';
/** Whether the bulk layer shows a drawing for the current camera (it draws a new camera in the background). */
const LAYER_SETTLED =
  '(() => { const c = document.querySelector(\'canvas[data-id="bulk-layer"]\'); return c.dataset.drawing === undefined && c.style.transform === ""; })()';
let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  await session?.close();
});

async function importFiles(page: Page, ...files: string[]): Promise<void> {
  await page.getByLabel('Import graph file').setInputFiles(files);
}

async function waitImported(page: Page, entities: number): Promise<void> {
  await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
  await expect.poll(() => evalKg<number>(page, 'cy.nodes().length'), { timeout: 60_000 }).toBe(entities);
}

describe('importing through the UI', () => {
  const cases: Array<[string, string[], number, number]> = [
    ['GEXF', [`${DATASETS}/les_miserables.gexf`], 77, 254],
    ['GraphML', [`${DATASETS}/miserables.graphml`], 77, 254],
    ['graphology JSON', [`${DATASETS}/euroSIS.json`], 1285, 7524],
    ['CSV with a node table', ['tests/fixtures/people-edges.csv', 'tests/fixtures/people-nodes.csv'], 4, 3],
  ];
  for (const [format, files, nodes, edges] of cases) {
    it(`imports ${format}, then searches and finds a path in it`, async () => {
      const page = await session.newPage();
      await importFiles(page, ...files);
      await waitImported(page, nodes);
      expect(await evalKg<number>(page, 'explorer.compiled.relations.length')).toBe(edges);
      // Large graphs go onto the canvas chunk by chunk; in the end every relation is there.
      await page.getByTestId('drawing').waitFor({ state: 'detached', timeout: 60_000 });
      expect(await evalKg<number>(page, 'cy.edges().length')).toBe(edges);
      expect(page.url()).toContain('data=file');
      // Search works on the imported names.
      const first = await evalKg<{ id: string; name: string }>(
        page,
        '({ id: explorer.compiled.entities[0].id, name: explorer.compiled.entities[0].name.en })',
      );
      const box = page.getByRole('combobox', { name: 'Search entities' });
      await box.fill(first.name);
      await page.getByRole('listbox').first().waitFor();
      await box.press('Enter');
      expect(await evalKg(page, 'explorer.entity')).toBe(first.id);
      // A path between two connected entities.
      const ends = await evalKg<[string, string]>(
        page,
        '[explorer.compiled.relations[0].source, explorer.compiled.relations[explorer.compiled.relations.length - 1].target]',
      );
      await evalKg(
        page,
        `explorer.setPath({ from: ${JSON.stringify(ends[0])}, to: ${JSON.stringify(ends[1])}, options: {}, selected: 0 })`,
      );
      await expect
        .poll(() =>
          evalKg<number>(
            page,
            "explorer.pathAnswer?.kind === 'ok' ? explorer.pathAnswer.result.paths.length + (explorer.pathAnswer.result.reason ? 1 : 0) : -1",
          ),
        )
        .toBeGreaterThan(0);
      await settled(page);
      await shot(page, `import-${format.replace(/\W+/g, '-').toLowerCase()}`);
      await page.close();
    });
  }

  it('draws a graph of thousands chunk by chunk, and the view set meanwhile reaches the elements added later', async () => {
    const page = await session.newPage();
    // The drawing is held after its first chunk, so what follows happens mid-drawing however fast the machine is.
    await gates.hold(page, 'draw-chunk');
    await importFiles(page, `${DATASETS}/euroSIS.json`);
    // The first chunk is on screen with its progress shown while the rest is still to come.
    await page.getByTestId('drawing').waitFor({ timeout: 60_000 });
    await gates.waiting(page, 'draw-chunk');
    const drawnThen = await evalKg<number>(page, 'cy.elements().length');
    expect(drawnThen).toBeGreaterThan(0);
    expect(drawnThen).toBeLessThan(1285 + 7524);
    // Focus on the best-connected entity now: its relations are mostly still to be added.
    const hub = await evalKg<string>(page, 'cy.nodes().max((n) => n.data("degree")).ele.id()');
    await evalKg(page, `explorer.focus(${JSON.stringify(hub)}, 1)`);
    // And select the file's last relation, which is not on the canvas yet: it must come in selected.
    const last = await evalKg<string>(page, 'explorer.compiled.relations.at(-1).id');
    await evalKg(page, `explorer.selectRelation(${JSON.stringify(last)})`);
    expect(await evalKg<boolean>(page, `cy.hasElementWithId(${JSON.stringify(last)})`)).toBe(false);
    await gates.release(page, 'draw-chunk');
    await page.getByTestId('drawing').waitFor({ state: 'detached', timeout: 60_000 });
    expect(await evalKg<boolean>(page, `cy.getElementById(${JSON.stringify(last)}).hasClass('selected')`)).toBe(true);
    expect(await evalKg<number>(page, 'cy.elements().length')).toBe(1285 + 7524);
    // The canvas's bulk layer draws every shown relation and entity in view (Cytoscape draws those set apart over
    // it): with all of them in view, as many as the explorer shows.
    await evalKg(page, "void cy.stop(true, true).fit(cy.elements(':visible'), 40)");
    await evalKg(page, 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await expect.poll(() => evalKg<boolean>(page, LAYER_SETTLED)).toBe(true);
    const shown = await evalKg<[number, number, number, number, number]>(
      page,
      `[cy.nodes(':visible').length, ${LAYER_NODES}, ${LAYER_EDGES}, explorer.visible.nodes.size, explorer.visible.edges.size]`,
    );
    expect(shown[0]).toBe(shown[3]);
    expect(shown[1]).toBe(shown[3]);
    expect(shown[2]).toBe(shown[4]);
    expect(shown[2]).toBeGreaterThan(0);
    expect(shown[0]).toBeLessThan(1285);
    await shot(page, 'import-eurosis-focus-while-drawing');
    await page.close();
  });

  it('draws a large graph in one layer under Cytoscape: clicks, hover and exports work as before', async () => {
    const page = await session.newPage();
    await importFiles(page, `${DATASETS}/euroSIS.json`);
    await waitImported(page, 1285);
    await page.getByTestId('drawing').waitFor({ state: 'detached', timeout: 60_000 });
    // Every relation and entity is drawn by the layer; Cytoscape's stylesheet displays no relation, none being set apart.
    await expect.poll(() => evalKg<number>(page, LAYER_EDGES)).toBe(7524);
    expect(await evalKg<number>(page, LAYER_NODES)).toBe(1285);
    expect(await evalKg<number>(page, "cy.edges(':visible').length")).toBe(0);
    // Zoomed in so that entities are several pixels wide, at the centre of each with no label at this zoom: its colour
    // on the layer, and nothing on Cytoscape's own canvas (a neighbour's label may cross a few of them).
    await evalKg(page, 'void cy.zoom({ level: 0.45, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } })');
    await evalKg(page, 'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await expect.poll(() => evalKg<boolean>(page, LAYER_SETTLED)).toBe(true);
    const pixels = await evalKg<{ nodes: number; layerColour: number; cytoscapeEmpty: number }>(
      page,
      `(() => {
        const read = (selector, x, y) => {
          const canvas = document.querySelector(selector);
          const ratio = canvas.width / cy.width();
          return canvas.getContext('2d').getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
        };
        const result = { nodes: 0, layerColour: 0, cytoscapeEmpty: 0 };
        for (const n of cy.nodes()) {
          const p = n.renderedPosition();
          if (cy.renderer().eleTextBiggerThanMin(n) || p.x < 0 || p.y < 0 || p.x >= cy.width() || p.y >= cy.height()) continue;
          result.nodes++;
          const [r, g, b] = n.pstyle('background-color').value;
          const layer = read('canvas[data-id="bulk-layer"]', p.x, p.y);
          if (Math.abs(layer[0] - r) + Math.abs(layer[1] - g) + Math.abs(layer[2] - b) < 30 && layer[3] > 200) result.layerColour++;
          if (read('canvas[data-id="layer2-node"]', p.x, p.y)[3] === 0) result.cytoscapeEmpty++;
        }
        return result;
      })()`,
    );
    expect(pixels.nodes).toBeGreaterThan(100);
    expect(pixels.layerColour / pixels.nodes).toBeGreaterThan(0.9);
    expect(pixels.cytoscapeEmpty / pixels.nodes).toBeGreaterThan(0.9);
    await evalKg(page, 'void cy.fit(undefined, 40)');
    await expect.poll(() => evalKg<boolean>(page, LAYER_SETTLED)).toBe(true);
    // Cytoscape still hit-tests the entities: hovering one sets it and its neighbourhood apart, drawn on its canvas.
    const box = (await page.getByTestId('graph-canvas').boundingBox())!;
    const hub = await evalKg<{ id: string; x: number; y: number }>(
      page,
      '(() => { const n = cy.nodes().max((n) => n.degree()).ele; return { id: n.id(), ...n.renderedPosition() }; })()',
    );
    await page.mouse.move(box.x + hub.x, box.y + hub.y);
    await expect.poll(() => evalKg<string | undefined>(page, 'explorer.hover')).toBe(hub.id);
    const emphasised = await evalKg<number>(page, 'cy.edges().filter((e) => explorer.hoverSet.has(e.id())).length');
    expect(emphasised).toBeGreaterThan(100);
    await expect.poll(() => evalKg<number>(page, "cy.edges(':visible').length")).toBe(emphasised);
    await expect
      .poll(() =>
        evalKg<number>(
          page,
          `(() => { const c = document.querySelector('canvas[data-id="layer2-node"]'); const ratio = c.width / cy.width(); return c.getContext('2d').getImageData(Math.round(${hub.x} * ratio), Math.round(${hub.y} * ratio), 1, 1).data[3]; })()`,
        ),
      )
      .toBeGreaterThan(200);
    await shot(page, 'import-eurosis-bulk-layer-hover');
    await page.mouse.move(box.x + 5, box.y + 5);
    await expect.poll(() => evalKg<number>(page, "cy.edges(':visible').length")).toBe(0);
    // A point in the middle of a long relation, away from every entity.
    const target = await evalKg<{ x: number; y: number } | null>(
      page,
      `(() => {
        const nodes = cy.nodes().map((n) => n.renderedPosition());
        for (const e of cy.edges()) {
          const a = e.source().renderedPosition(), b = e.target().renderedPosition();
          const x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
          if (Math.hypot(b.x - a.x, b.y - a.y) < 60 || x < 40 || y < 40 || x > cy.width() - 40 || y > cy.height() - 40) continue;
          if (nodes.every((p) => Math.hypot(p.x - x, p.y - y) > 15)) return { x, y };
        }
        return null;
      })()`,
    );
    expect(target).not.toBeNull();
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    // The relation clicked is one whose line passes within the pick radius of the click.
    const relation = await evalKg<string | undefined>(page, 'explorer.relation');
    expect(relation).toBeDefined();
    const distance = await evalKg<number>(
      page,
      `(() => {
        const e = cy.getElementById(${JSON.stringify(relation)});
        const a = e.source().renderedPosition(), b = e.target().renderedPosition(), p = ${JSON.stringify(target)};
        const dx = b.x - a.x, dy = b.y - a.y;
        const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
      })()`,
    );
    expect(distance).toBeLessThanOrEqual(6);
    await expect
      .poll(() => page.getByTestId('details').textContent())
      .toContain(await evalKg<string>(page, `explorer.compiled.relations.find((r) => r.id === ${JSON.stringify(relation)}).type`));
    // Selected, Cytoscape draws it too, over the layer's line.
    await expect.poll(() => evalKg<number>(page, "cy.edges(':visible').length")).toBe(1);
    expect(await evalKg<number>(page, LAYER_EDGES)).toBe(7524);
    await shot(page, 'import-eurosis-bulk-layer-click');
    // Panning moves the layer's drawing by a CSS transform, and draws it again at the end.
    const layer = page.locator('canvas[data-id="bulk-layer"]');
    await page.mouse.move(box.x + 30, box.y + box.height - 30);
    await page.mouse.down();
    for (let step = 1; step <= 8; step++) await page.mouse.move(box.x + 30 + step * 20, box.y + box.height - 30 - step * 10);
    await expect
      .poll(() => layer.evaluate((c) => c.style.transform))
      .toMatch(/^matrix\(1, 0, 0, 1, 1[0-9]{2}(\.\d+)?, -[0-9]{2}(\.\d+)?\)$/);
    await page.mouse.up();
    await expect.poll(() => layer.evaluate((c) => c.style.transform)).toBe('');
    // (It draws what is in view: a few relations have left it.)
    const inView = await evalKg<number>(page, LAYER_EDGES);
    expect(inView).toBeGreaterThan(7000);
    // An SVG of the whole graph has every relation and entity in it: the picture is Cytoscape's alone.
    await evalKg(page, 'explorer.selectRelation(undefined)');
    await page.getByTestId('export-scope').selectOption('all');
    await page.getByTestId('export-format').selectOption('svg');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    const edgePaths = svg.match(/stroke="rgb\(148,163,184\)"|stroke="#94a3b8"/gi)?.length ?? 0;
    expect(edgePaths).toBeGreaterThanOrEqual(7524);
    const nodeFills = svg.match(/<path [^>]*fill="rgb\((?!148,163,184\))[^"]*"/gi)?.length ?? 0;
    expect(nodeFills).toBeGreaterThanOrEqual(1285);
    // And the canvas is back as it was.
    await expect.poll(() => evalKg<number>(page, LAYER_EDGES)).toBe(inView);
    expect(await evalKg<number>(page, "cy.edges(':visible').length")).toBe(0);
    await page.close();
  });

  it('asks which CSV columns are which when the header names leave it open, then imports with the chosen ones', async () => {
    const page = await session.newPage('#e=deepseek');
    const url = page.url();
    await importFiles(page, 'tests/fixtures/ambiguous-columns.csv');
    const dialog = page.getByTestId('import-columns');
    await dialog.waitFor();
    // The preview shows the header (a hostile one as plain text) and the first rows.
    expect(await dialog.locator('th').allTextContents()).toEqual(['investor', 'company', 'type', 'label', '<img src=x onerror=alert(1)>']);
    expect(await dialog.locator('tbody tr').count()).toBe(3);
    expect(await dialog.locator('img').count()).toBe(0);
    // Nothing is imported until the user chooses: the graph and the link are as they were.
    expect(await evalKg(page, 'explorer.entity')).toBe('deepseek');
    expect(page.url()).toBe(url);
    const go = page.getByTestId('import-columns-go');
    expect(await go.isDisabled()).toBe(true);
    // By name "type" was the guess for the relation type; the user takes "label" instead.
    expect(await page.getByTestId('import-column-type').inputValue()).toBe('2');
    await page.getByTestId('import-column-source').selectOption({ label: 'investor' });
    await page.getByTestId('import-column-target').selectOption({ label: 'company' });
    await page.getByTestId('import-column-type').selectOption({ label: 'label' });
    await shot(page, 'import-csv-columns');
    await go.click();
    await waitImported(page, 4);
    const relations = await evalKg<[string, string, string][]>(
      page,
      'explorer.compiled.relations.map((r) => [r.source, r.target, r.type])',
    );
    expect(relations).toEqual([
      ['High-Flyer', 'DeepSeek', 'funds'],
      ['DeepSeek', 'DeepSeek-R1', 'releases'],
      ['JD Cloud', 'DeepSeek-R1', 'deploys'],
    ]);
    // The other columns are kept as attributes, the unused "type" one included.
    expect(await evalKg(page, 'explorer.compiled.relations[0].attributes')).toEqual({
      'type (column 3)': 'fund',
      '<img src=x onerror=alert(1)>': '2023',
    });
    await page.close();
  });

  /** Whether the nodes still sit on the quick grid (multiples of its 90-unit spacing) rather than a layout. */
  const onGrid = (page: Page): Promise<boolean> =>
    evalKg<boolean>(page, 'cy.nodes().every((n) => n.position().x % 90 === 0 && n.position().y % 90 === 0)');

  it('lays out a graph that has no positions in a worker: a draft first, then the refined layout', async () => {
    const page = await session.newPage();
    // The refined layout is held until the draft has been looked at.
    await gates.hold(page, 'layout-final');
    await importFiles(page, `${DATASETS}/celegans.gexf`);
    await waitImported(page, 306);
    // The draft is on screen while the worker refines it.
    await page.locator('[data-testid="layout-running"][data-phase="refining"]').waitFor({ timeout: 60_000 });
    await settled(page);
    expect(await onGrid(page)).toBe(false);
    const draft = await evalKg<number[]>(page, 'cy.nodes().map((n) => n.position().x)');
    await shot(page, 'import-celegans-draft');
    await gates.release(page, 'layout-final');
    await page.getByTestId('layout-running').waitFor({ state: 'detached', timeout: 60_000 });
    await settled(page);
    const spread = await evalKg<number>(page, 'cy.nodes().boundingBox().w');
    expect(spread).toBeGreaterThan(100);
    // The refined layout replaced the draft.
    expect(await evalKg<number[]>(page, 'cy.nodes().map((n) => n.position().x)')).not.toEqual(draft);
    await shot(page, 'import-celegans-laid-out');
    await page.close();
  });

  it('stops refining on request and keeps the draft layout', async () => {
    const page = await session.newPage();
    // The worker's refined result is held as it arrives: Stop is pressed with the result already there, the latest
    // moment a stop can come, and the test never depends on how long refining takes.
    await gates.hold(page, 'layout-final');
    await importFiles(page, `${DATASETS}/celegans.gexf`);
    await waitImported(page, 306);
    const running = page.locator('[data-testid="layout-running"][data-phase="refining"]');
    await running.waitFor({ timeout: 60_000 });
    await gates.waiting(page, 'layout-final');
    await settled(page);
    const draft = await evalKg<number[]>(page, 'cy.nodes().map((n) => n.position().x)');
    await page.getByTestId('layout-stop').click();
    await page.getByTestId('layout-running').waitFor({ state: 'detached' });
    // Released after the stop, the refined result is dropped, not applied.
    await gates.release(page, 'layout-final');
    await settled(page);
    expect(await evalKg<number[]>(page, 'cy.nodes().map((n) => n.position().x)')).toEqual(draft);
    expect(await onGrid(page)).toBe(false);
    await page.close();
  });

  it('shows every problem of a broken file and keeps the previous graph, selection and URL', async () => {
    const page = await session.newPage('#e=deepseek&d=1');
    const url = page.url();
    const before = await evalKg<number>(page, 'cy.nodes().length');
    await importFiles(page, 'tests/fixtures/broken.gexf');
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-error').textContent()).toMatch(/IMPORT_XML_MALFORMED.*line/s);
    expect(await page.getByTestId('import-error-banner').textContent()).toContain('IMPORT_XML_MALFORMED');
    expect(await evalKg<number>(page, 'cy.nodes().length')).toBe(before);
    expect(await evalKg(page, 'explorer.entity')).toBe('deepseek');
    expect(page.url()).toBe(url);
    await shot(page, 'import-broken-file');
    await page.close();
  });

  it('opens a same-origin dataset named in the link, and goes back to the bundled graph', async () => {
    const page = await session.newPage('#data=/datasets/arctic.gexf');
    await waitImported(page, 1715);
    await settled(page);
    await shot(page, 'import-arctic-by-link');
    await page.getByTestId('back-to-bundled').click();
    await expect.poll(() => evalKg<number>(page, 'cy.nodes().length')).toBe(await evalKg<number>(page, 'explorer.bundled.entities.length'));
    await page.close();
  });
});

void waitForGraph;
