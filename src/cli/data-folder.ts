// Reads a graph-data folder from disk and compiles it, for the CLI and the build.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CompileResult, DataFile } from '../lib/graph/compile.ts';
import { compile } from '../lib/graph/compile.ts';
import { KgError } from '../lib/graph/errors.ts';

export const DEFAULT_DATA = 'graph-data';

/** A data file larger than this is refused before it is read: curated YAML is kilobytes, never this. */
export const MAX_DATA_FILE_BYTES = 16 * 1024 * 1024;

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Every file under a graph-data folder, with paths relative to it (always `/`-separated). Entries are examined with
 * `lstat` and never followed: a symbolic link, pipe, socket or device anywhere in the folder is refused with its path
 * (never its target or contents), and so is a file above `MAX_DATA_FILE_BYTES`, before anything is read.
 */
export function readDataFolder(folder: string): DataFile[] {
  const files: DataFile[] = [];
  const refuse = (full: string, message: string, hint: string): never => {
    throw new KgError({ code: 'DATA_FILE_REFUSED', severity: 'error', file: full, message, hint });
  };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const stats = lstatSync(full);
      if (stats.isDirectory()) walk(full);
      else if (!stats.isFile())
        refuse(full, `${kindOf(stats)} in the data folder`, 'graph-data holds plain files only; copy the file in instead of linking it');
      else if (/\.(ya?ml|txt|md)$/.test(name) && name !== 'README.md') {
        if (stats.size > MAX_DATA_FILE_BYTES)
          refuse(
            full,
            `the file is ${stats.size} bytes, above the ${MAX_DATA_FILE_BYTES} byte limit for a data file`,
            'split it into smaller files',
          );
        files.push({ path: relative(folder, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(folder);
  return files;
}

/** Compiles a graph-data folder. Problem locations are prefixed with the folder, so editors can jump to them. */
export function compileFolder(folder: string): CompileResult {
  let files: DataFile[];
  try {
    files = readDataFolder(folder);
  } catch (error) {
    if (error instanceof KgError) return { problems: error.problems };
    throw error;
  }
  const result = compile(files);
  for (const p of result.problems) if (p.file !== undefined) p.file = join(folder, p.file);
  return result;
}
