// Writes a compiled graph as our own JSON: canonical key order, 2-space indent, re-importable byte for byte.
import {
  basisOf,
  type CompiledGraph,
  type Entity,
  type EntityType,
  type Evidence,
  type Relation,
  type RelationType,
  type Source,
} from '../types.ts';
import { emptyRecord } from './attribute-values.ts';

/**
 * The kg-compiled JSON text of `compiled`, in the compiler's own form: optional fields only when they say something
 * (`basis` only when `inferred`, `negated` and `descriptiveTitle` only when true), so exporting a compiled graph gives
 * the compiler's JSON back. Keys follow the model's declared order whatever order the input objects had; attribute and date keys are sorted; positions follow entity order (JSON engines list
 * integer-like keys first); non-finite positions are left out. Same graph, same bytes.
 */
export function exportKgJson(compiled: CompiledGraph): string {
  const out: Record<string, unknown> = {
    format: 'kg-compiled',
    version: 1,
    title: compiled.title,
    entityTypes: compiled.entityTypes.map(entityType),
    relationTypes: compiled.relationTypes.map(relationType),
    sources: compiled.sources.map(source),
    entities: compiled.entities.map(entity),
    relations: compiled.relations.map(relation),
  };
  if (compiled.positions) out.positions = positions(compiled);
  return `${JSON.stringify(out, null, 2)}\n`;
}

const bilingual = (b: { en: string; zh: string }): { en: string; zh: string } => ({ en: b.en, zh: b.zh });

function entityType(t: EntityType): EntityType {
  return { id: t.id, label: bilingual(t.label), color: t.color, shape: t.shape };
}

function relationType(t: RelationType): RelationType {
  return { id: t.id, label: bilingual(t.label), reverse: bilingual(t.reverse), symmetric: t.symmetric, reflexive: t.reflexive };
}

function source(s: Source): Source {
  const out: Source = {
    id: s.id,
    title: s.title,
    ...(s.descriptiveTitle ? { descriptiveTitle: true } : {}),
    publisher: s.publisher,
    date: s.date,
    language: s.language,
  };
  if (s.url !== undefined) out.url = s.url;
  return out;
}

function entity(e: Entity): Entity {
  const out: Entity = { id: e.id, type: e.type, name: bilingual(e.name), aliases: [...e.aliases], description: bilingual(e.description) };
  if (e.background !== undefined) out.background = bilingual(e.background);
  if (e.url !== undefined) out.url = e.url;
  if (e.dates !== undefined) out.dates = sorted(e.dates);
  if (e.pinyin !== undefined) out.pinyin = [...e.pinyin];
  if (e.attributes !== undefined) out.attributes = sorted(e.attributes);
  return out;
}

function relation(r: Relation): Relation {
  return {
    id: r.id,
    source: r.source,
    target: r.target,
    type: r.type,
    modality: r.modality,
    ...(basisOf(r) === 'inferred' ? { basis: 'inferred' } : {}),
    ...(r.negated ? { negated: true } : {}),
    ...(r.date !== undefined ? { date: r.date } : {}),
    evidence: r.evidence.map((ev): Evidence => ({ source: ev.source, quote: ev.quote })),
    ...(r.note !== undefined ? { note: r.note } : {}),
    ...(r.attributes !== undefined ? { attributes: sorted(r.attributes) } : {}),
  };
}

/** A copy with keys in code-point order, prototype-free so a `__proto__` key stays a key. */
function sorted<T>(record: Record<string, T>): Record<string, T> {
  const out = emptyRecord<T>();
  for (const key of Object.keys(record).sort()) out[key] = record[key]!;
  return out;
}

function positions(compiled: CompiledGraph): Record<string, { x: number; y: number }> {
  const source = compiled.positions ?? {};
  const out = emptyRecord<{ x: number; y: number }>();
  const ordered = [...compiled.entities.map((e) => e.id), ...Object.keys(source).sort()];
  for (const id of ordered) {
    if (!Object.hasOwn(source, id) || Object.hasOwn(out, id)) continue;
    const p = source[id]!;
    if (Number.isFinite(p.x) && Number.isFinite(p.y)) out[id] = { x: p.x, y: p.y };
  }
  return out;
}
