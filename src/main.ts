// Entry point: fetches the bundled compiled graph (preloaded by index.html) and mounts the explorer.
import { mount } from 'svelte';
import App from './components/App.svelte';
import { Explorer } from './lib/state/explorer.svelte.ts';
import type { CompiledGraph } from './lib/graph/types.ts';
import graphUrl from '../generated/graph.json?url';
import './app.css';

const target = document.getElementById('app')!;

try {
  // Data is fetched as JSON rather than bundled as JavaScript: it parses faster and keeps the initial JS small.
  const response = await fetch(graphUrl);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const explorer = new Explorer((await response.json()) as CompiledGraph);
  mount(App, { target, props: { explorer } });
} catch (error) {
  const message = document.createElement('p');
  message.className = 'load-error';
  message.textContent = `The graph could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
  target.replaceChildren(message);
}
