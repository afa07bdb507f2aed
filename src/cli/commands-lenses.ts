// `kg rank` and `kg communities`: thin shells over the analysis lenses (who matters most, which clusters form).
import { KgError } from '../lib/graph/errors.ts';
import type { KnowledgeGraph } from '../lib/graph/model.ts';
import { asOfEdgeFilter, lensById, ranking, relationsAsOf, runLens, SIZE_LENS_IDS, type LensScope } from '../lib/graph/lenses/index.ts';
import { asOfDate, integer } from './args.ts';
import type { Command, Values } from './args.ts';
import { loadGraph } from './load-data.ts';
import { out } from './terminal.ts';

/** The lenses `kg rank --metric` takes: every lens that gives a number per entity, as the registry lists them. */
export const RANK_METRICS = SIZE_LENS_IDS;

function usage(message: string): KgError {
  return new KgError({ code: 'CLI_BAD_OPTION', severity: 'error', message });
}

/** The `--as-of` time slice (undated relations kept), or the whole graph; also a line saying what was kept. */
function scopeOf(graph: KnowledgeGraph, values: Values): { asOf?: string; scope: LensScope; note?: string } {
  const asOf = asOfDate(values);
  if (asOf === undefined) return { scope: {} };
  const kept = relationsAsOf(graph, asOf).size;
  const dated = relationsAsOf(graph, asOf, { includeUndated: false }).size;
  return {
    asOf,
    scope: { edgeFilter: asOfEdgeFilter(graph, asOf) },
    note: `as of ${asOf}: ${kept} of ${graph.size} relations (${dated} dated by then, ${kept - dated} undated, kept)`,
  };
}

function name(graph: KnowledgeGraph, id: string): string {
  const { en, zh } = graph.getNodeAttribute(id, 'name');
  return zh && zh !== en ? `${en} / ${zh}` : en || id;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4);
}

export const LENS_COMMANDS: Record<string, Command> = {
  async rank(_args, values) {
    const metric = typeof values.metric === 'string' ? values.metric : 'pagerank';
    const lens = lensById(metric);
    if (!RANK_METRICS.some((m) => m === lens.id)) {
      throw usage(
        `--metric ${metric} does not rank entities (it is a ${lens.kind} lens); use ${RANK_METRICS.join(', ')} — or kg communities`,
      );
    }
    const top = integer(values, 'top', 20, 1, 100_000);
    asOfDate(values);
    const graph = await loadGraph(values);
    const { asOf, scope, note } = scopeOf(graph, values);
    const rows = ranking(runLens(graph, lens.id, {}, scope).values, top).map(({ id, value }) => {
      const entity = graph.getNodeAttributes(id);
      return { id, name: entity.name, type: entity.type, value };
    });
    if (values.json) {
      out(JSON.stringify({ metric: lens.id, ...(asOf !== undefined ? { asOf } : {}), ranking: rows }, null, 2));
      return 0;
    }
    out(`${lens.label.en} — top ${rows.length} of ${graph.order} entities${note ? `; ${note}` : ''}`);
    const width = Math.max(0, ...rows.map((r) => formatValue(r.value).length));
    rows.forEach((r, i) => {
      out(`${String(i + 1).padStart(3)}. ${formatValue(r.value).padStart(width)}  ${r.id.padEnd(28)} ${name(graph, r.id)}  [${r.type}]`);
    });
    return 0;
  },

  async communities(_args, values) {
    asOfDate(values);
    const graph = await loadGraph(values);
    const { asOf, scope, note } = scopeOf(graph, values);
    const result = runLens(graph, 'louvain', {}, scope);
    if (result.kind !== 'colour') throw new Error('kg communities: the louvain lens must colour entities');
    if (values.json) {
      const communities = result.communities.map(({ id, label, size, members }) => ({ id, label, size, members }));
      out(JSON.stringify({ ...(asOf !== undefined ? { asOf } : {}), modularity: result.modularity, communities }, null, 2));
      return 0;
    }
    out(`${result.communities.length} communities, modularity ${result.modularity.toFixed(3)}${note ? `; ${note}` : ''}`);
    for (const c of result.communities) {
      const shown = c.members.slice(0, 8).map((id) => name(graph, id));
      out(`${String(c.id).padStart(3)}. ${c.label} (${c.size}): ${shown.join(', ')}${c.size > shown.length ? ', …' : ''}`);
    }
    return 0;
  },
};
