// The built app opens in headless Chromium and draws the bundled graph: elements rendered, pixels on the canvas, no errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from './harness.ts';
import { evalKg, shot, startSession } from './harness.ts';

let session: Session;

beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the explorer on the bundled data', () => {
  it('draws every entity and relation at precomputed positions, with no console errors', async () => {
    const page = await session.newPage();
    const counts = await evalKg<{ nodes: number; edges: number; compiledNodes: number; compiledEdges: number }>(
      page,
      '({ nodes: cy.nodes().length, edges: cy.edges().length, compiledNodes: explorer.compiled.entities.length, compiledEdges: explorer.compiled.relations.length })',
    );
    expect(counts.nodes).toBe(counts.compiledNodes);
    expect(counts.edges).toBe(counts.compiledEdges);
    // Positions come from the artifact: no layout ran on load.
    const spread = await evalKg<{ w: number; h: number }>(page, '({ w: cy.nodes().boundingBox().w, h: cy.nodes().boundingBox().h })');
    expect(spread.w).toBeGreaterThan(200);
    expect(spread.h).toBeGreaterThan(200);
    // The canvas really has pixels that are not background.
    const inked = await page.evaluate(() => {
      const canvases = [...document.querySelectorAll('[data-testid="graph-canvas"] canvas')] as HTMLCanvasElement[];
      let count = 0;
      for (const c of canvases) {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0) continue;
        const data = ctx.getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < data.length; i += 16)
          if (data[i + 3]! > 0 && (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240)) count++;
      }
      return count;
    });
    expect(inked).toBeGreaterThan(1000);
    await shot(page, 'app-default-view');
    expect(session.errors).toEqual([]);
    await page.close();
  });
});
