// Benchmark baseline: plain Cytoscape.js drawing the app's bundled elements with its stylesheet, and nothing else.
import cytoscape from 'cytoscape';
import type { CompiledGraph } from '../../src/lib/graph/types.ts';
import { toElements } from '../../src/lib/view/elements.ts';
import { stylesheet } from '../../src/lib/view/style.ts';
import { fcoseOptions, loadFcose } from '../../src/lib/view/layouts.ts';
import graphUrl from '../../generated/graph.json?url';

const container = document.getElementById('graph')!;
// The bench passes the app's canvas size (?w=&h=), so both draw the same number of pixels.
const params = new URLSearchParams(location.search);
for (const [param, property] of [
  ['w', 'width'],
  ['h', 'height'],
] as const) {
  const value = Number(params.get(param));
  if (value > 0) container.style[property] = `${value}px`;
}

// Fetched as JSON like the app does (and preloaded the same way), so both pay the same for the data.
const response = await fetch(graphUrl);
const graph = (await response.json()) as CompiledGraph;
const cy = cytoscape({
  container,
  elements: toElements(graph, 'en'),
  style: stylesheet(),
  layout: { name: 'preset', fit: true, padding: 30 },
});
cy.one('render', () => {
  performance.mark('kg:drawn');
  // ?fcose: then lay the graph out with fcose as the build does (the cost the precomputed layout saves at load),
  // measured as kg:fcose (layout run) and kg:fcose-drawn (from the first frame to the laid-out frame, chunk load included).
  if (params.has('fcose')) setTimeout(() => void runFcose(), 0);
});

async function runFcose(): Promise<void> {
  await loadFcose();
  const layout = cy.layout(fcoseOptions(cy.nodes().length));
  layout.one('layoutstop', () => {
    performance.measure('kg:fcose', 'kg:fcose-start');
    cy.one('render', () => performance.measure('kg:fcose-drawn', 'kg:drawn'));
  });
  performance.mark('kg:fcose-start');
  layout.run();
}
