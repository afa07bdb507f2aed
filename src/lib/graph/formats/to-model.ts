// Turns the format-neutral graph any reader produces into a CompiledGraph: the one mapping every format shares.
import type { CompiledGraph, Entity, Relation, Source } from '../types.ts';
import { MAX_NAME_LENGTH, ValueTally, capText } from './attribute-values.ts';
import { typeStyle } from './colors.ts';
import type { RawGraph, ResolvedImportOptions } from './import-types.ts';
import type { ProblemCollector } from './problems.ts';
import { toEntities } from './to-entities.ts';
import { toRelations } from './to-relations.ts';

/** The entity type of nodes added for missing endpoints. */
export const PLACEHOLDER_TYPE = 'placeholder';

/**
 * Maps raw nodes and edges to entities and relations (see `toEntities` and `toRelations`), then fails with
 * every error found, or returns the graph; notices stay in `problems`.
 */
export function toModel(raw: RawGraph, options: ResolvedImportOptions, problems: ProblemCollector): CompiledGraph {
  const tally = new ValueTally();
  const { entities, entityTypes, positions } = toEntities(raw.nodes, options, problems, tally);
  const { relations, relationTypes, placeholders } = toRelations(raw.edges, new Set(entities.map((e) => e.id)), options, problems, tally);
  if (placeholders.length > 0) {
    let typeId = PLACEHOLDER_TYPE;
    for (let k = 2; entityTypes.some((t) => t.id === typeId); k++) typeId = `${PLACEHOLDER_TYPE}-${k}`;
    entityTypes.push({ id: typeId, label: { en: typeId, zh: '' }, color: '#999999', shape: typeStyle(entityTypes.length).shape });
    for (const id of placeholders) entities.push(placeholder(id, typeId));
  }
  tally.flush(problems);
  problems.throwIfErrors();
  const graph: CompiledGraph = {
    format: 'kg-compiled',
    version: 1,
    title: capText(raw.title, MAX_NAME_LENGTH, 'title', tally),
    entityTypes,
    relationTypes,
    sources: sourcesFor(raw.sources ?? [], relations),
    entities,
    relations,
  };
  if (positions) graph.positions = positions;
  return graph;
}

/** The file's sources, then a bare record (title = id) for each other source that evidence names, in order of use. */
function sourcesFor(given: readonly Source[], relations: readonly Relation[]): Source[] {
  const sources = [...given];
  const known = new Set(given.map((s) => s.id));
  for (const relation of relations) {
    for (const { source } of relation.evidence) {
      if (known.has(source)) continue;
      known.add(source);
      sources.push({ id: source, title: source, publisher: '', date: '', language: '' });
    }
  }
  return sources;
}

function placeholder(id: string, type: string): Entity {
  return { id, type, name: { en: id, zh: '' }, aliases: [], description: { en: '', zh: '' } };
}
