// Entry point: loads the bundled compiled graph and mounts the explorer.
import { mount } from 'svelte';
import App from './components/App.svelte';
import { Explorer } from './lib/state/explorer.svelte.ts';
import type { CompiledGraph } from './lib/graph/types.ts';
import bundled from '../generated/graph.json';
import './app.css';

const explorer = new Explorer(bundled as CompiledGraph);
explorer.applyHash(location.hash);
mount(App, { target: document.getElementById('app')!, props: { explorer } });
