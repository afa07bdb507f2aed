// `kg path`: a thin shell over the path engine.
import { KgError } from '../lib/graph/errors.ts';
import { resolveEntity } from '../lib/graph/resolve-entity.ts';
import { pathAnswer } from '../lib/graph/answers.ts';
import { entityName, findPaths, pathCitations, pathOptionsFromFlags, pathSentence } from '../lib/graph/paths/index.ts';
import { flagsOf, langOf } from './args.ts';
import type { Command } from './args.ts';
import { loadGraph } from './load-data.ts';
import { out } from './terminal.ts';

export const PATH_COMMANDS: Record<string, Command> = {
  async path(args, values) {
    if (args.length !== 2)
      throw new KgError({ code: 'CLI_USAGE', severity: 'error', message: 'kg path needs FROM and TO (quote names with spaces)' });
    const lang = langOf(values);
    const graph = await loadGraph(values);
    const from = resolveEntity(graph, args[0]!);
    const to = resolveEntity(graph, args[1]!);
    const options = pathOptionsFromFlags(flagsOf(values));
    if (options.avoid) options.avoid = options.avoid.map((a) => resolveEntity(graph, a));
    if (values.json) {
      out(JSON.stringify(pathAnswer(graph, from, to, options, lang), null, 2));
      return 0;
    }
    const result = findPaths(graph, from, to, options);
    if (result.paths.length === 0) {
      out(result.reason?.sentence ?? 'no path');
      return 0;
    }
    result.paths.forEach((p, i) => {
      out(`${i + 1}. ${pathSentence(graph, p, lang)}`);
    });
    if (values.mode === undefined || result.paths.length === 1) {
      out('');
      out(pathCitations(graph, result.paths[0]!, lang));
    }
    if (result.common.length) out(`\ncommon neighbours: ${result.common.map((id) => entityName(graph, id, lang)).join(', ')}`);
    return 0;
  },
};
