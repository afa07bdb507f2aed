// `kg stats`, `kg search` and `kg neighbors`: thin shells over the engine's counts, name search and neighbourhoods.
import { KgError } from '../lib/graph/errors.ts';
import { memorySource } from '../lib/graph/source.ts';
import { integer } from './args.ts';
import type { Command } from './args.ts';
import { loadGraph } from './load-data.ts';
import { out } from './terminal.ts';

export const QUERY_COMMANDS: Record<string, Command> = {
  async stats(_args, values) {
    const stats = await memorySource(await loadGraph(values)).stats();
    if (values.json) {
      out(JSON.stringify(stats, null, 2));
      return 0;
    }
    out(`${stats.title}: ${stats.entities} entities, ${stats.relations} relations, ${stats.sources} source(s)`);
    out(
      `components: ${stats.components.count} (sizes ${stats.components.sizes.slice(0, 10).join(', ')}${stats.components.count > 10 ? ', …' : ''})`,
    );
    for (const [title, counts] of [
      ['entities by type', stats.entitiesByType],
      ['relations by type', stats.relationsByType],
      ['relations by modality', stats.relationsByModality],
    ] as const) {
      out(`${title}:`);
      for (const [k, v] of Object.entries(counts)) out(`  ${k.padEnd(20)} ${v}`);
    }
    return 0;
  },

  async search(args, values) {
    const query = args.join(' ');
    if (!query) throw new KgError({ code: 'CLI_USAGE', severity: 'error', message: 'kg search needs a QUERY' });
    const limit = integer(values, 'limit', 10, 1, 1000);
    const answer = await memorySource(await loadGraph(values)).search(query, limit);
    if (values.json) out(JSON.stringify(answer, null, 2));
    else if (answer.hits.length === 0) out(`no match for "${query}"`);
    else
      for (const r of answer.hits)
        out(`${r.id.padEnd(28)} ${r.name.en}${r.name.zh ? ` / ${r.name.zh}` : ''}  [${r.type}]  (${r.field}: ${r.matched})`);
    return 0;
  },

  async neighbors(args, values) {
    if (!args[0]) throw new KgError({ code: 'CLI_USAGE', severity: 'error', message: 'kg neighbors needs an ENTITY' });
    const depth = integer(values, 'depth', 1, 1, 10);
    const source = memorySource(await loadGraph(values));
    const answer = await source.neighbours(await source.resolve(args.join(' ')), depth);
    if (values.json) out(JSON.stringify(answer, null, 2));
    else {
      out(`${answer.entity.name.en} — ${answer.neighbours.length} entities within ${depth} hop(s)`);
      for (const n of answer.neighbours)
        out(`  ${'·'.repeat(n.distance)} ${n.id} (${n.name.en}${n.name.zh ? ` / ${n.name.zh}` : ''}) [${n.type}]`);
    }
    return 0;
  },
};
