// Benchmark baseline: plain Cytoscape.js drawing the app's bundled elements with its stylesheet, and nothing else.
import cytoscape from 'cytoscape';
import type { CompiledGraph } from '../../src/lib/graph/types.ts';
import { toElements } from '../../src/lib/view/elements.ts';
import { stylesheet } from '../../src/lib/view/style.ts';
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
cy.one('render', () => performance.mark('kg:drawn'));
