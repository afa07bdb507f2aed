// Reads a graph-data folder from disk and compiles it, for the CLI and the build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CompileResult, DataFile } from '../lib/graph/compile.ts';
import { compile } from '../lib/graph/compile.ts';

export const DEFAULT_DATA = 'graph-data';

/** Every file under a graph-data folder, with paths relative to it (always `/`-separated). */
export function readDataFolder(folder: string): DataFile[] {
  const files: DataFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|txt|md)$/.test(name) && name !== 'README.md') {
        files.push({ path: relative(folder, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(folder);
  return files;
}

/** Compiles a graph-data folder. Problem locations are prefixed with the folder, so editors can jump to them. */
export function compileFolder(folder: string): CompileResult {
  const result = compile(readDataFolder(folder));
  for (const p of result.problems) if (p.file !== undefined) p.file = join(folder, p.file);
  return result;
}
