// The render page behind `kg export` images: draws a given graph with the app's own styles and export code.
import cytoscape from 'cytoscape';
import type { CompiledGraph } from './lib/graph/types.ts';
import { spreadPositions, toElements } from './lib/view/elements.ts';
import type { Lang } from './lib/view/elements.ts';
import { stylesheet, styleForSize } from './lib/view/style.ts';
import { exportImage } from './lib/view/export-image.ts';
import type { ImageExportOptions } from './lib/view/export-image.ts';
import { fcoseOptions, loadFcose, seededRandom } from './lib/view/layouts.ts';
import { positionOf } from './lib/graph/with-positions.ts';
import { VIEW_CLASS } from './lib/view/classes.ts';

export interface RenderRequest {
  graph: CompiledGraph;
  lang: Lang;
  image: ImageExportOptions;
  /** Keep the path highlight on these ids (path exports). */
  highlight?: string[];
}

async function render(request: RenderRequest): Promise<string> {
  const { graph, lang, image } = request;
  const elements = toElements(graph, lang);
  // File layouts too dense to tell nodes apart are spread out, as on the app's canvas, so pictures match it.
  spreadPositions(elements);
  const maxDegree = Math.max(0, ...elements.map((e) => Number(e.data['degree'] ?? 0)));
  const cy = cytoscape({
    container: document.getElementById('cy'),
    elements,
    style: stylesheet(styleForSize(graph.entities.length, graph.relations.length, maxDegree)),
    layout: { name: 'preset' },
  });
  if (graph.entities.some((e) => !positionOf(graph, e.id))) {
    await loadFcose();
    const random = Math.random;
    Math.random = seededRandom(42);
    try {
      cy.layout(fcoseOptions(graph.entities.length)).run();
    } finally {
      Math.random = random;
    }
  }
  for (const id of request.highlight ?? []) cy.getElementById(id).addClass(VIEW_CLASS.path);
  const selection = { nodes: new Set(graph.entities.map((e) => e.id)), edges: new Set(graph.relations.map((r) => r.id)) };
  const blob = await exportImage(cy, graph, selection, image);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  cy.destroy();
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

(window as unknown as { kgRender: typeof render }).kgRender = render;
