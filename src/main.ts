// Entry point: fetches the bundled compiled graph (preloaded by index.html), or connects to `kg serve`'s API when the
// page is in server mode, and mounts the explorer.
import { mount } from 'svelte';
import App from './components/App.svelte';
import { Explorer } from './lib/state/explorer.svelte.ts';
import { serverBaseOf } from './lib/state/server-path.ts';
import type { CompiledGraph } from './lib/graph/types.ts';
import graphUrl from '../generated/graph.json?url';
import './app.css';

const target = document.getElementById('app')!;

try {
  const base = serverBaseOf(location.hash, document.querySelector('meta[name="kg-source"]')?.getAttribute('content'));
  if (base) {
    // Server mode: the graph is too large to send whole; it is loaded a part at a time from the API.
    const { ServerGraph } = await import('./lib/state/server-graph.svelte.ts');
    const server = await ServerGraph.connect(base);
    const explorer = new Explorer(server.compiled());
    server.attach(explorer);
    await server.restore(location.hash);
    mount(App, { target, props: { explorer, server } });
  } else {
    // Data is fetched as JSON rather than bundled as JavaScript: it parses faster and keeps the initial JS small.
    const response = await fetch(graphUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const explorer = new Explorer((await response.json()) as CompiledGraph);
    mount(App, { target, props: { explorer } });
  }
} catch (error) {
  const message = document.createElement('p');
  message.className = 'load-error';
  message.textContent = `The graph could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
  target.replaceChildren(message);
}
