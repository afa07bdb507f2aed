// Vite builds the app; the kgData plugin compiles graph-data/ into the artifact the app imports.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { kgData } from './src/cli/vite-plugin-kg-data.ts';
import { csp } from './src/cli/vite-plugin-csp.ts';

export default defineConfig({
  // Under Vitest the artifact is already compiled by `npm run compile`; unit tests call the compiler directly.
  plugins: [...(process.env.VITEST ? [] : [kgData(), csp()]), svelte()],
  // ES-module workers can split: the import worker loads the pinyin dictionary only for graphs with Chinese names.
  worker: { format: 'es' },
  build: {
    // index.html is the app; render.html is the page `kg export` draws pictures with.
    rollupOptions: { input: { main: 'index.html', render: 'render.html' } },
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        // The svelte plugin, so rune classes (*.svelte.ts) run under unit tests too.
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          // Vitest's 5 s default is a timing assertion in disguise: tests that run networkx, the CLI or a 100,000-deep
          // XML file took 6–12 s beside other work. Timings belong in `npm run bench`; this only catches a hang.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Against a real, throwaway PostgreSQL started once by the global setup (tests/support/postgres.ts).
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Scenarios wait on conditions, never on time, so these are ceilings for a hang, not budgets: a machine busy
          // with other work may take several times as long as a quiet one (`npm run test:e2e:stress`).
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll's default of 1 s is a budget in disguise: a state reached in 1.5 s on a busy machine is right.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
