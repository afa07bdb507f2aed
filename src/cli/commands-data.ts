// `kg compile` and `kg validate`: a graph-data folder compiled into the app's artifact, or only checked.
import { formatProblem } from '../lib/graph/errors.ts';
import type { Command } from './args.ts';
import { ARTIFACT, buildArtifact } from './build-artifact.ts';
import { compileFolder, DEFAULT_DATA } from './data-folder.ts';
import { err, out } from './terminal.ts';

export const DATA_COMMANDS: Record<string, Command> = {
  async compile(_args, values) {
    const result = buildArtifact(
      typeof values.data === 'string' ? values.data : DEFAULT_DATA,
      typeof values.output === 'string' ? values.output : ARTIFACT,
    );
    for (const p of result.problems) err(formatProblem(p));
    if (!result.ok) {
      err(`kg compile: ${result.problems.filter((p) => p.severity === 'error').length} error(s); the previous artifact was kept`);
      return 1;
    }
    out(
      `kg compile: ${result.compiled!.entities.length} entities, ${result.compiled!.relations.length} relations → ${typeof values.output === 'string' ? values.output : ARTIFACT}`,
    );
    return 0;
  },

  async validate(_args, values) {
    const { compiled, problems } = compileFolder(typeof values.data === 'string' ? values.data : DEFAULT_DATA);
    if (values.json) out(JSON.stringify({ ok: Boolean(compiled), problems }, null, 2));
    else {
      for (const p of problems) out(formatProblem(p));
      const errors = problems.filter((p) => p.severity === 'error').length;
      out(
        compiled
          ? `ok: ${compiled.entities.length} entities, ${compiled.relations.length} relations, ${problems.length} warning(s)`
          : `${errors} error(s)`,
      );
    }
    return compiled ? 0 : 1;
  },
};
