// Vite config for the benchmark baseline page (bench/baseline): plain Cytoscape.js, built into bench/results/baseline-dist.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { kgData } from '../src/cli/vite-plugin-kg-data.ts';

// Only the app plugin's HTML hook: the same graph-data preload tag as the app, without recompiling graph-data.
const { transformIndexHtml } = kgData();

export default defineConfig({
  root: fileURLToPath(new URL('./baseline', import.meta.url)),
  plugins: [{ name: 'kg-data-preload', transformIndexHtml }],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: fileURLToPath(new URL('./results/baseline-dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
});
