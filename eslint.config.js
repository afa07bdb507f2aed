// ESLint flat config: TypeScript and Svelte rules, plus the layer boundaries of STYLE.md.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const UI_LIBS = ['cytoscape', 'cytoscape-*', 'svelte', 'svelte/*'];

export default ts.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', 'test-results/', 'bench/results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
      // TypeScript checks names; no-undef does not know type-only globals such as BlobPart.
      'no-undef': 'off',
      // Sanitisers must name control characters to remove them.
      'no-control-regex': 'off',
      // Collections in state are replaced whole, never mutated in place, so plain Set/Map are right here.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The engine is plain TypeScript: no DOM, no Svelte, no Cytoscape, nothing from the layers above it.
    files: ['src/lib/graph/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBS, message: 'src/lib/graph is the pure engine: no Cytoscape or Svelte.' },
            {
              group: ['**/view/**', '**/state/**', '**/components/**', '**/cli/**'],
              message: 'src/lib/graph may not import the layers above it.',
            },
            { group: ['node:*'], message: 'src/lib/graph runs in the browser too: no Node built-ins (tests excepted).' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
  {
    files: ['src/lib/graph/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The view adapter maps data to Cytoscape; it must not depend on Svelte or app state.
    files: ['src/lib/view/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'src/lib/view is framework-free.' },
            { group: ['**/state/**', '**/components/**'], message: 'src/lib/view may not import app state or components.' },
          ],
        },
      ],
    },
  },
  {
    // The server's database layer runs in Node only: it answers through the engine and never imports the app's layers.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: UI_LIBS, message: 'src/server runs in Node: no Cytoscape or Svelte.' },
            { group: ['**/view/**', '**/state/**', '**/components/**'], message: 'src/server may not import the app layers.' },
          ],
        },
      ],
    },
  },
  {
    // Components and app state drive the canvas through src/lib/view's CanvasHandle; only src/lib/view holds Cytoscape.
    files: ['src/components/**', 'src/lib/state/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['cytoscape', 'cytoscape-*'],
              message: 'Only src/lib/view uses Cytoscape: add a method to CanvasHandle (src/lib/view/cy.ts) instead.',
            },
          ],
        },
      ],
    },
  },
);
