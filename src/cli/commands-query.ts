// `kg stats`, `kg search` and `kg neighbors`: thin shells over the engine's counts, name search and neighbourhoods.
import { KgError } from '../lib/graph/errors.ts';
import type { KnowledgeGraph } from '../lib/graph/model.ts';
import { neighbourhood } from '../lib/graph/neighbourhood.ts';
import { resolveEntity } from '../lib/graph/resolve-entity.ts';
import { buildSearchIndex, search } from '../lib/graph/search.ts';
import { graphStats } from '../lib/graph/stats.ts';
import { integer } from './args.ts';
import type { Command } from './args.ts';
import { loadGraph } from './load-data.ts';
import { out } from './terminal.ts';

function describe(graph: KnowledgeGraph, id: string): { id: string; type: string; name: { en: string; zh: string } } {
  const e = graph.getNodeAttributes(id);
  return { id, type: e.type, name: e.name };
}

export const QUERY_COMMANDS: Record<string, Command> = {
  async stats(_args, values) {
    const stats = graphStats(await loadGraph(values));
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
    const graph = await loadGraph(values);
    const hits = search(buildSearchIndex(graph.mapNodes((_, e) => e)), query, { limit });
    const rows = hits.map((h) => ({ ...describe(graph, h.id), score: h.score, matched: h.matched, field: h.field }));
    if (values.json) out(JSON.stringify({ query, hits: rows }, null, 2));
    else if (rows.length === 0) out(`no match for "${query}"`);
    else
      for (const r of rows)
        out(`${r.id.padEnd(28)} ${r.name.en}${r.name.zh ? ` / ${r.name.zh}` : ''}  [${r.type}]  (${r.field}: ${r.matched})`);
    return 0;
  },

  async neighbors(args, values) {
    if (!args[0]) throw new KgError({ code: 'CLI_USAGE', severity: 'error', message: 'kg neighbors needs an ENTITY' });
    const depth = integer(values, 'depth', 1, 1, 10);
    const graph = await loadGraph(values);
    const id = resolveEntity(graph, args.join(' '));
    const { distances, relations } = neighbourhood(graph, id, depth);
    const neighbours = [...distances]
      .filter(([n]) => n !== id)
      .sort(([a, da], [b, db]) => da - db || a.localeCompare(b))
      .map(([n, d]) => ({ ...describe(graph, n), distance: d }));
    const rels = relations.map((r) => {
      const a = graph.getEdgeAttributes(r);
      return { id: r, source: a.source, target: a.target, type: a.type, modality: a.modality };
    });
    if (values.json) out(JSON.stringify({ entity: describe(graph, id), depth, neighbours, relations: rels }, null, 2));
    else {
      out(`${graph.getNodeAttributes(id).name.en} — ${neighbours.length} entities within ${depth} hop(s)`);
      for (const n of neighbours)
        out(`  ${'·'.repeat(n.distance)} ${n.id} (${n.name.en}${n.name.zh ? ` / ${n.name.zh}` : ''}) [${n.type}]`);
    }
    return 0;
  },
};
