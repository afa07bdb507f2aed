// Loads `--data` for the CLI: a graph-data folder, a compiled artifact, or a graph file another tool wrote.
import { readFileSync, statSync } from 'node:fs';
import { KgError } from '../lib/graph/errors.ts';
import type { CompiledGraph } from '../lib/graph/types.ts';
import { compileFolder } from './data-folder.ts';

export { DEFAULT_DATA } from './data-folder.ts';

/** Loads `--data`: a graph-data folder, a compiled artifact, or a graph file another tool wrote. */
export async function loadData(path: string): Promise<CompiledGraph> {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
    const { compiled, problems } = compileFolder(path);
    if (!compiled) throw new KgError(problems.filter((p) => p.severity === 'error'));
    return compiled;
  }
  const bytes = readFileSync(path);
  const { decodeText, importGraph } = await import('../lib/graph/formats/index.ts');
  const { graph } = importGraph(decodeText(new Uint8Array(bytes), path).text, { fileName: path });
  return graph;
}
