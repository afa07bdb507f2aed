// The database schema of a knowledge graph (docs/database.md): one row per graph, entity, relation, evidence quote,
// source and search term, every table keyed by the graph's name so one database holds many graphs.
import type pg from 'pg';

/** Tables in dependency order; `kg db load --replace` deletes a graph's rows from each. */
export const TABLES = ['terms', 'evidence', 'relations', 'entities', 'sources', 'types', 'graphs'] as const;

export const SCHEMA_SQL = `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
CREATE TABLE IF NOT EXISTS graphs (
  name text PRIMARY KEY,
  title text NOT NULL,
  entity_types json NOT NULL,
  relation_types json NOT NULL,
  used_entity_types text[] NOT NULL,
  used_relation_types text[] NOT NULL,
  entity_count integer NOT NULL,
  relation_count integer NOT NULL,
  component_sizes integer[] NOT NULL,
  component_size_by_id integer[] NOT NULL,
  stats json NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS types (
  graph text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('entity', 'relation')),
  id text NOT NULL,
  record json NOT NULL,
  ord integer NOT NULL,
  PRIMARY KEY (graph, kind, id)
);
CREATE TABLE IF NOT EXISTS sources (
  graph text NOT NULL,
  id text NOT NULL,
  record json NOT NULL,
  ord integer NOT NULL,
  PRIMARY KEY (graph, id)
);
CREATE TABLE IF NOT EXISTS entities (
  graph text NOT NULL,
  id text NOT NULL,
  ord integer NOT NULL,
  type text NOT NULL,
  name_en text NOT NULL,
  name_zh text,
  aliases text[] NOT NULL,
  pinyin text[],
  description json NOT NULL,
  background json,
  url text,
  dates json,
  attributes jsonb,
  x double precision,
  y double precision,
  component integer NOT NULL,
  PRIMARY KEY (graph, id)
);
CREATE TABLE IF NOT EXISTS relations (
  graph text NOT NULL,
  id text NOT NULL,
  ord integer NOT NULL,
  source text NOT NULL,
  target text NOT NULL,
  type text NOT NULL,
  modality text NOT NULL,
  basis text,
  negated boolean NOT NULL,
  date text,
  note text,
  attributes jsonb,
  directed boolean NOT NULL,
  PRIMARY KEY (graph, id)
);
CREATE TABLE IF NOT EXISTS evidence (
  graph text NOT NULL,
  relation text NOT NULL,
  ord integer NOT NULL,
  source text NOT NULL,
  quote text NOT NULL,
  PRIMARY KEY (graph, relation, ord)
);
CREATE TABLE IF NOT EXISTS terms (
  graph text NOT NULL,
  entity text NOT NULL,
  ord integer NOT NULL,
  field text NOT NULL,
  text text NOT NULL,
  normalized text NOT NULL,
  compact text NOT NULL,
  -- The compact form's length in UTF-16 code units, the unit of the engine's edit distance (bounds the typo tier).
  units integer NOT NULL
);
CREATE INDEX IF NOT EXISTS relations_source ON relations (graph, source);
CREATE INDEX IF NOT EXISTS relations_target ON relations (graph, target);
CREATE INDEX IF NOT EXISTS entities_component ON entities (graph, component);
CREATE INDEX IF NOT EXISTS terms_normalized_trgm ON terms USING gin (normalized gin_trgm_ops);
CREATE INDEX IF NOT EXISTS terms_compact_trgm ON terms USING gin (compact gin_trgm_ops);
CREATE INDEX IF NOT EXISTS terms_normalized ON terms (graph, normalized text_pattern_ops);
CREATE INDEX IF NOT EXISTS terms_compact ON terms (graph, compact text_pattern_ops);
CREATE INDEX IF NOT EXISTS terms_units ON terms (graph, units);
`;

/** Creates the extension, tables and indexes if they are missing (idempotent). */
export async function ensureSchema(client: pg.ClientBase): Promise<void> {
  await client.query(SCHEMA_SQL);
}

/** A PostgreSQL identifier, quoted (for role names, which cannot be query parameters). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Creates (if missing) a login role that can only read the graph tables: what `kg serve` should connect as. Role
 * names cannot be parameters, so the name is quoted as an identifier.
 */
export async function ensureReaderRole(client: pg.ClientBase, role: string): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const quoted = quoteIdentifier(role);
  if (exists.rowCount === 0) await client.query(`CREATE ROLE ${quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0]!.db;
  await client.query(`GRANT CONNECT ON DATABASE ${quoteIdentifier(database)} TO ${quoted}`);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${quoted}`);
  await client.query(`GRANT SELECT ON ${TABLES.join(', ')} TO ${quoted}`);
}
