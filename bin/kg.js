#!/usr/bin/env node
// The `kg` executable: runs the TypeScript CLI through tsx, so there is no separate build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
process.exitCode = await main(process.argv.slice(2));
