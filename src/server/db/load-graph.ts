// `kg db load`: writes a graph into the schema of schema.ts in ONE transaction with COPY, computing at load what
// queries must not recompute: search terms (normalised and compact forms), pinyin for Chinese names that lack it,
// connected components, and the stats answer.
import type pg from 'pg';
import { KgError } from '../../lib/graph/errors.ts';
import { hasHan } from '../../lib/graph/has-han.ts';
import type { KnowledgeGraph } from '../../lib/graph/model.ts';
import { pinyinForms } from '../../lib/graph/pinyin.ts';
import { compact, normalizeForMatch, type MatchField } from '../../lib/graph/search.ts';
import type { GraphStats } from '../../lib/graph/stats.ts';
import type { CompiledGraph, Entity, Position, Relation } from '../../lib/graph/types.ts';
import { UnionFind } from './components.ts';
import { copyRows, jsonCell, textArray, type Cell } from './copy-rows.ts';
import { ensureSchema, TABLES } from './schema.ts';

/** A graph to load, streamed: `entities` is read three times (ids, records with their component, search terms), `relations` twice. */
export interface GraphInput {
  title: string;
  entityTypes: CompiledGraph['entityTypes'];
  relationTypes: CompiledGraph['relationTypes'];
  sources: CompiledGraph['sources'];
  entities: () => Iterable<Entity>;
  relations: () => Iterable<{ relation: Relation; directed: boolean }>;
  positions?: (id: string) => Position | undefined;
}

export interface LoadOptions {
  /** The graph's name in the database (default `default`). */
  graph?: string;
  /** Replace a graph of that name; without it, loading a name twice is `DB_GRAPH_EXISTS`. */
  replace?: boolean;
}

export interface LoadReport {
  graph: string;
  entities: number;
  relations: number;
  evidence: number;
  terms: number;
  seconds: number;
}

/** A compiled graph as load input; relations of a symmetric type are undirected, as in `buildGraph`. */
export function compiledInput(compiled: CompiledGraph): GraphInput {
  const symmetric = new Set(compiled.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
  return {
    title: compiled.title,
    entityTypes: compiled.entityTypes,
    relationTypes: compiled.relationTypes,
    sources: compiled.sources,
    entities: () => compiled.entities,
    relations: () => compiled.relations.map((relation) => ({ relation, directed: !symmetric.has(relation.type) })),
    positions: (id) => compiled.positions?.[id],
  };
}

/** A graphology knowledge graph as load input, each edge keeping its own directedness. */
export function graphInput(graph: KnowledgeGraph): GraphInput {
  const { title, entityTypes, relationTypes, sources } = graph.getAttributes();
  return {
    title,
    entityTypes,
    relationTypes,
    sources,
    entities: () => graph.mapNodes((_, e) => e),
    relations: () => graph.mapEdges((key, relation) => ({ relation, directed: graph.isDirected(key) })),
  };
}

function countBy(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

const bump = (counts: Map<string, number>, key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);

/** The search terms of an entity exactly as `buildSearchIndex` lists them (field, text, normalised, compact). */
function searchTerms(e: Entity): Array<[MatchField, string, string, string]> {
  const terms: Array<[MatchField, string, string, string]> = [];
  const add = (text: string, field: MatchField): void => {
    const normalized = normalizeForMatch(text);
    if (normalized) terms.push([field, text, normalized, compact(normalized)]);
  };
  add(e.name.en, 'name');
  if (e.name.zh) add(e.name.zh, 'name');
  for (const a of e.aliases) add(a, 'alias');
  for (const p of e.pinyin ?? []) add(p, 'pinyin');
  add(e.id, 'id');
  return terms;
}

/** The entity with pinyin for its Chinese names when it has none (as the app's importer adds it). */
function withPinyin(e: Entity): Entity {
  if (e.pinyin !== undefined || !(hasHan(e.name.en) || hasHan(e.name.zh) || e.aliases.some(hasHan))) return e;
  const forms = [...new Set([e.name.en, e.name.zh, ...e.aliases].flatMap(pinyinForms))];
  return forms.length ? { ...e, pinyin: forms } : e;
}

/**
 * Loads `input` as graph `options.graph` in one transaction: a failure anywhere (a bad row, a name already taken, a
 * lost connection) rolls back and leaves the database as it was.
 */
export async function loadGraph(client: pg.ClientBase, input: GraphInput, options: LoadOptions = {}): Promise<LoadReport> {
  const graph = options.graph ?? 'default';
  const start = performance.now();
  await client.query('BEGIN');
  try {
    await ensureSchema(client);
    // Serialises concurrent loads of the same name; released at COMMIT or ROLLBACK.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [graph]);
    const existing = await client.query('SELECT 1 FROM graphs WHERE name = $1', [graph]);
    if (existing.rowCount) {
      if (!options.replace)
        throw new KgError({
          code: 'DB_GRAPH_EXISTS',
          severity: 'error',
          message: `db: the database already holds a graph named "${graph}"`,
          hint: 'add --replace to replace it, or --graph NAME to load beside it',
        });
      for (const table of TABLES) await client.query(`DELETE FROM ${table} WHERE ${table === 'graphs' ? 'name' : 'graph'} = $1`, [graph]);
    }

    const index = new Map<string, number>();
    const entitiesByType = new Map<string, number>();
    for (const e of input.entities()) {
      if (!index.has(e.id)) index.set(e.id, index.size);
      bump(entitiesByType, e.type);
    }
    const sets = new UnionFind(index.size);
    const relationsByType = new Map<string, number>();
    const relationsByModality = new Map<string, number>();
    const relationCount = await copyRows(
      client,
      'relations',
      ['graph', 'id', 'ord', 'source', 'target', 'type', 'modality', 'basis', 'negated', 'date', 'note', 'attributes', 'directed'],
      (function* () {
        let ord = 0;
        for (const { relation: r, directed } of input.relations()) {
          const s = index.get(r.source);
          const t = index.get(r.target);
          if (s !== undefined && t !== undefined) sets.union(s, t);
          bump(relationsByType, r.type);
          bump(relationsByModality, r.modality);
          yield [
            graph,
            r.id,
            ord++,
            r.source,
            r.target,
            r.type,
            r.modality,
            r.basis,
            r.negated === true,
            r.date,
            r.note,
            jsonCell(r.attributes),
            directed,
          ];
        }
      })(),
    );
    // A second pass rather than a buffer: only one COPY runs on a connection at a time, and memory stays flat.
    const evidenceCount = await copyRows(
      client,
      'evidence',
      ['graph', 'relation', 'ord', 'source', 'quote'],
      (function* () {
        for (const { relation: r } of input.relations())
          for (const [i, ev] of r.evidence.entries()) yield [graph, r.id, i, ev.source, ev.quote];
      })(),
    );

    const { component, sizes, sizeById } = sets.components();
    const entityCount = await copyRows(
      client,
      'entities',
      [
        'graph',
        'id',
        'ord',
        'type',
        'name_en',
        'name_zh',
        'aliases',
        'pinyin',
        'description',
        'background',
        'url',
        'dates',
        'attributes',
        'x',
        'y',
        'component',
      ],
      (function* () {
        let ord = 0;
        for (const raw of input.entities()) {
          const e = withPinyin(raw);
          const at = input.positions?.(e.id);
          yield [
            graph,
            e.id,
            ord++,
            e.type,
            e.name.en,
            e.name.zh,
            textArray(e.aliases),
            e.pinyin ? textArray(e.pinyin) : null,
            JSON.stringify(e.description),
            jsonCell(e.background),
            e.url,
            jsonCell(e.dates),
            jsonCell(e.attributes),
            at?.x,
            at?.y,
            component[index.get(e.id)!],
          ];
        }
      })(),
    );
    const termCount = await copyRows(
      client,
      'terms',
      ['graph', 'entity', 'ord', 'field', 'text', 'normalized', 'compact', 'units'],
      (function* () {
        for (const raw of input.entities())
          for (const [i, [field, text, normalized, compactForm]] of searchTerms(withPinyin(raw)).entries())
            yield [graph, raw.id, i, field, text, normalized, compactForm, compactForm.length];
      })(),
    );

    await copyRows(
      client,
      'types',
      ['graph', 'kind', 'id', 'record', 'ord'],
      [
        ...input.entityTypes.map((t, i): Cell[] => [graph, 'entity', t.id, JSON.stringify(t), i]),
        ...input.relationTypes.map((t, i): Cell[] => [graph, 'relation', t.id, JSON.stringify(t), i]),
      ],
    );
    await copyRows(
      client,
      'sources',
      ['graph', 'id', 'record', 'ord'],
      input.sources.map((s, i): Cell[] => [graph, s.id, JSON.stringify(s), i]),
    );
    const stats: GraphStats = {
      title: input.title,
      entities: entityCount,
      relations: relationCount,
      entitiesByType: countBy(entitiesByType),
      relationsByType: countBy(relationsByType),
      relationsByModality: countBy(relationsByModality),
      sources: input.sources.length,
      components: { count: sizes.length, sizes },
    };
    await client.query(
      `INSERT INTO graphs (name, title, entity_types, relation_types, used_entity_types, used_relation_types,
         entity_count, relation_count, component_sizes, component_size_by_id, stats)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        graph,
        input.title,
        JSON.stringify(input.entityTypes),
        JSON.stringify(input.relationTypes),
        [...entitiesByType.keys()].sort(),
        [...relationsByType.keys()].sort(),
        entityCount,
        relationCount,
        sizes,
        sizeById,
        JSON.stringify(stats),
      ],
    );
    await client.query('COMMIT');
    // Fresh statistics so the planner picks the adjacency and trigram indexes at once.
    await client.query('ANALYZE relations, entities, terms, evidence');
    return {
      graph,
      entities: entityCount,
      relations: relationCount,
      evidence: evidenceCount,
      terms: termCount,
      seconds: (performance.now() - start) / 1000,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
