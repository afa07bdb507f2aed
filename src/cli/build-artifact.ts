// Compiles graph-data, adds the precomputed layout, and writes the app's artifact only when compile succeeds.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Problem } from '../lib/graph/errors.ts';
import type { CompiledGraph } from '../lib/graph/types.ts';
import { computePositions } from '../lib/view/precompute-layout.ts';
import { compileFolder } from './data-folder.ts';

export const ARTIFACT = 'generated/graph.json';

export interface BuildResult {
  ok: boolean;
  problems: Problem[];
  compiled?: CompiledGraph;
}

/** Serialises an artifact: stable key order comes from the compiler, so the bytes are deterministic. */
export function serialise(compiled: CompiledGraph): string {
  return `${JSON.stringify(compiled, null, 1)}\n`;
}

/** Builds the artifact. On errors the previous artifact stays untouched (written to a temp file, then renamed). */
export function buildArtifact(dataFolder: string, out = ARTIFACT): BuildResult {
  const { compiled, problems } = compileFolder(dataFolder);
  if (!compiled) return { ok: false, problems };
  const withLayout: CompiledGraph = { ...compiled, positions: computePositions(compiled) };
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, serialise(withLayout));
  renameSync(tmp, out);
  return { ok: true, problems, compiled: withLayout };
}
