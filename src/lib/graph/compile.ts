// The compiler: graph-data files in, every problem found and (when there are no errors) a CompiledGraph out.
import type { Location, Problem } from './errors.ts';
import { didYouMean } from './errors.ts';
import type { Basis, CompiledGraph, Entity, Evidence, Modality, Relation, Source } from './types.ts';
import { BASES, MODALITIES } from './types.ts';
import { expressesNegation, holdsBackground, isQuestion, noteSaysInferred } from './fidelity.ts';
import type { Schema } from './compile-schema.ts';
import { readBilingual, readSchema } from './compile-schema.ts';
import { hiddenCharacters, isDate, isHttpUrl, MAGIC_KEYS, SLUG } from './text-checks.ts';
import { pinyinForms } from './pinyin.ts';
import type { YamlFile } from './yaml-reader.ts';
import { isMap, parseYaml, RecordReader, recordsOf } from './yaml-reader.ts';
import { normalizeForMatch } from './search.ts';

/** A file of graph-data, with its path relative to the data folder (`entities/companies.yaml`). */
export interface DataFile {
  path: string;
  text: string;
}

export interface CompileResult {
  /** Present only when there are no errors (warnings allowed). */
  compiled?: CompiledGraph;
  problems: Problem[];
}

interface Placed<T> {
  value: T;
  where: Location;
}

/** Compiles graph-data files. Pure and deterministic: the same files give byte-identical JSON. */
export function compile(files: readonly DataFile[]): CompileResult {
  const problems: Problem[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const yamlOf = (f: DataFile): YamlFile => parseYaml(f.path, f.text, problems);

  const schemaFile = sorted.find((f) => f.path === 'schema.yaml');
  const schema = schemaFile ? readSchema(yamlOf(schemaFile), problems) : undefined;
  if (!schemaFile)
    problems.push({ code: 'SCHEMA_MISSING', severity: 'error', message: 'graph-data has no schema.yaml', file: 'schema.yaml' });

  const texts = new Map(sorted.filter((f) => f.path.startsWith('sources/') && !f.path.endsWith('.yaml')).map((f) => [f.path, f.text]));
  const ids = new Map<string, Location>();
  const claimId = (id: string, where: Location, kind: string): boolean => {
    const earlier = ids.get(id);
    if (earlier) {
      problems.push({
        code: 'ID_DUPLICATE',
        severity: 'error',
        message: `${kind} id "${id}" is already used at ${earlier.file}:${earlier.line ?? 1}`,
        ...where,
      });
      return false;
    }
    ids.set(id, where);
    return true;
  };
  const checkId = (reader: RecordReader, kind: string): string | undefined => {
    const id = reader.string('id', true);
    if (id === undefined) return undefined;
    if (MAGIC_KEYS.has(id)) {
      // `constructor` and `prototype` are valid slugs but must never become ids (see MAGIC_KEYS).
      reader.problem('ID_NOT_SLUG', `${kind} id "${id}" is reserved: choose a more specific id`, 'id');
      return undefined;
    }
    if (!SLUG.test(id)) {
      const hidden = hiddenCharacters(id);
      const why = hidden.length ? ` (contains invisible ${hidden.map((h) => h.codePoint).join(', ')})` : '';
      const slug = id
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
      reader.problem(
        'ID_NOT_SLUG',
        `${kind} id "${id}" is not a slug${why}: use a-z, 0-9 and single hyphens`,
        'id',
        slug ? `try "${slug}"` : undefined,
      );
      return undefined;
    }
    return claimId(id, reader.at('id'), kind) ? id : undefined;
  };

  const sources = new Map<string, Placed<Source> & { text?: string }>();
  for (const f of sorted.filter((f) => f.path.startsWith('sources/') && f.path.endsWith('.yaml'))) {
    const file = yamlOf(f);
    if (!file.root) continue;
    if (!isMap(file.root)) {
      problems.push({ code: 'FIELD_TYPE', severity: 'error', message: 'a source file must be a mapping', ...file.at(file.root) });
      continue;
    }
    const r = new RecordReader(file, file.root, problems);
    r.onlyKeys(['id', 'title', 'descriptiveTitle', 'publisher', 'date', 'language', 'url', 'text']);
    const id = checkId(r, 'source');
    const title = r.string('title', true);
    const descriptiveTitle = r.boolean('descriptiveTitle') === true;
    const publisher = r.string('publisher', true);
    const date = readDate(r, true);
    const language = r.string('language', true);
    const url = readUrl(r);
    const textName = r.string('text', true);
    const textPath = textName !== undefined ? `sources/${textName}` : undefined;
    const text = textPath !== undefined ? texts.get(textPath) : undefined;
    if (textPath !== undefined && text === undefined) r.problem('SOURCE_TEXT_MISSING', `source text file "${textPath}" not found`, 'text');
    if (id && title !== undefined && publisher !== undefined && date !== undefined && language !== undefined) {
      sources.set(id, {
        value: { id, title, ...(descriptiveTitle ? { descriptiveTitle } : {}), publisher, date, language, ...(url ? { url } : {}) },
        where: r.at('id'),
        ...(text !== undefined ? { text } : {}),
      });
    }
  }

  const entities: Array<Placed<Entity>> = [];
  for (const f of sorted.filter((f) => f.path.startsWith('entities/') && f.path.endsWith('.yaml'))) {
    const file = yamlOf(f);
    for (const map of recordsOf(file, problems)) {
      const entity = readEntity(new RecordReader(file, map, problems), schema, checkId);
      if (entity) entities.push(entity);
    }
  }
  const entityIds = new Set(entities.map((e) => e.value.id));
  const relations: Array<Placed<Relation>> = [];
  for (const f of sorted.filter((f) => f.path.startsWith('relations/') && f.path.endsWith('.yaml'))) {
    const file = yamlOf(f);
    for (const map of recordsOf(file, problems)) {
      const relation = readRelation(new RecordReader(file, map, problems), schema, entityIds, sources, claimId);
      if (relation) relations.push(relation);
    }
  }

  checkAliases(entities, problems);
  checkRelationSet(relations, schema, entities, problems);

  const hasErrors = problems.some((p) => p.severity === 'error');
  problems.sort(compareProblems);
  if (hasErrors || !schema) return { problems };
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    problems,
    compiled: {
      format: 'kg-compiled',
      version: 1,
      title: schema.title,
      entityTypes: schema.entityTypes,
      relationTypes: schema.relationTypes,
      sources: [...sources.values()].map((s) => s.value).sort(byId),
      entities: entities.map((e) => e.value).sort(byId),
      relations: relations.map((r) => r.value).sort(byId),
    },
  };
}

function compareProblems(a: Problem, b: Problem): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function readDate(r: RecordReader, required: boolean): string | undefined {
  const date = required ? r.string('date', true) : r.string('date');
  if (date !== undefined && !isDate(date)) {
    r.problem('FIELD_DATE', `date "${date}" must be YYYY, YYYY-MM, YYYY-MM-DD, a decade like 2000s, or a range like 2026/2027`, 'date');
    return undefined;
  }
  return date;
}

function readUrl(r: RecordReader): string | undefined {
  const url = r.string('url');
  if (url !== undefined && !isHttpUrl(url)) {
    r.problem('FIELD_URL', `url must be an absolute http(s) URL, got "${url.slice(0, 80)}"`, 'url');
    return undefined;
  }
  return url;
}

function warnHidden(r: RecordReader, key: string, text: string): void {
  for (const h of hiddenCharacters(text)) {
    r.problem('TEXT_HIDDEN_CHAR', `invisible or bidi control character ${h.codePoint} at index ${h.index}`, key, 'remove it', 'warning');
  }
}

function readEntity(
  r: RecordReader,
  schema: Schema | undefined,
  checkId: (r: RecordReader, kind: string) => string | undefined,
): Placed<Entity> | undefined {
  r.onlyKeys(['id', 'type', 'name', 'aliases', 'description', 'background', 'url', 'dates']);
  const id = checkId(r, 'entity');
  const reader = id ? r.withRecord(id) : r;
  const type = reader.string('type', true);
  if (type !== undefined && schema && !schema.entityTypes.some((t) => t.id === type)) {
    const allowed = schema.entityTypes.map((t) => t.id);
    const hint = didYouMean(type, allowed);
    reader.problem(
      'TYPE_UNKNOWN',
      `unknown entity type "${type}"; allowed: ${allowed.join(', ')}`,
      'type',
      hint && `did you mean "${hint}"?`,
    );
  }
  const name = readBilingual(reader, 'name', true);
  const description = readBilingual(reader, 'description', false);
  const background = reader.has('background') ? readBilingual(reader, 'background', false) : undefined;
  for (const lang of ['en', 'zh'] as const) {
    if (description && holdsBackground(description[lang]))
      reader.problem(
        'ENTITY_BACKGROUND_IN_DESCRIPTION',
        `description.${lang} holds background knowledge; the description says only what the sources say`,
        'description',
        'move it to "background", which the app shows as "Background (not from the source)"',
      );
  }
  const aliases = reader.strings('aliases');
  const url = readUrl(reader);
  const dates: Record<string, string> = {};
  for (const [key, node] of reader.entries('dates')) {
    if (MAGIC_KEYS.has(key)) {
      // `dates.__proto__ = "2020"` would be dropped silently by the assignment below; say so instead.
      reader.problem('FIELD_UNKNOWN', `dates key "${key}" is reserved: use a plain name such as "founded"`, 'dates');
      continue;
    }
    const value = node && 'value' in node ? node.value : undefined;
    if (typeof value !== 'string' || !isDate(value))
      reader.problem('FIELD_DATE', `dates.${key} must be a date string like "2023"`, 'dates');
    else dates[key] = value;
  }
  for (const [key, text] of [['name', name?.en], ['name', name?.zh], ...aliases.map((a) => ['aliases', a])] as const) {
    if (text) warnHidden(reader, key, text);
  }
  if (!id || type === undefined || !name || !description) return undefined;
  const pinyin = [...new Set([name.zh, ...aliases].flatMap(pinyinForms))];
  const entity: Entity = {
    id,
    type,
    name,
    aliases,
    description,
    ...(background ? { background } : {}),
    ...(url ? { url } : {}),
    ...(Object.keys(dates).length ? { dates } : {}),
    ...(pinyin.length ? { pinyin } : {}),
  };
  return { value: entity, where: reader.at('id') };
}

function readRelation(
  r: RecordReader,
  schema: Schema | undefined,
  entityIds: Set<string>,
  sources: Map<string, { value: Source; text?: string }>,
  claimId: (id: string, where: Location, kind: string) => boolean,
): Placed<Relation> | undefined {
  r.onlyKeys(['id', 'source', 'target', 'type', 'modality', 'basis', 'negated', 'date', 'evidence', 'note']);
  const source = r.string('source', true);
  const target = r.string('target', true);
  const type = r.string('type', true);
  let id = r.string('id');
  const explicitId = id !== undefined;
  if (id !== undefined && (!SLUG.test(id) || MAGIC_KEYS.has(id))) {
    r.problem('ID_NOT_SLUG', `relation id "${id}" is not a slug: use a-z, 0-9 and single hyphens`, 'id');
    id = undefined;
  } else if (id === undefined && source !== undefined && type !== undefined && target !== undefined) {
    id = `${source}--${type}--${target}`;
  }
  const reader = id ? r.withRecord(id) : r;
  let ok = id !== undefined;
  for (const [key, ref] of [
    ['source', source],
    ['target', target],
  ] as const) {
    if (ref !== undefined && !entityIds.has(ref)) {
      const hint = didYouMean(ref, entityIds);
      reader.problem('REL_DANGLING', `${key} "${ref}" is not a known entity`, key, hint && `did you mean "${hint}"?`);
      ok = false;
    }
  }
  const relationType = schema?.relationTypes.find((t) => t.id === type);
  if (type !== undefined && schema && !relationType) {
    const allowed = schema.relationTypes.map((t) => t.id);
    const hint = didYouMean(type, allowed);
    reader.problem(
      'TYPE_UNKNOWN',
      `unknown relation type "${type}"; allowed: ${allowed.join(', ')}`,
      'type',
      hint && `did you mean "${hint}"?`,
    );
    ok = false;
  }
  if (relationType && source !== undefined && source === target && !relationType.reflexive) {
    reader.problem('REL_SELF_LOOP', `"${source}" relates to itself, but relation type "${type}" is not reflexive`, 'target');
    ok = false;
  }
  const modality = reader.string('modality', true);
  const validModality = MODALITIES.find((m) => m === modality);
  if (modality !== undefined && !validModality) {
    reader.problem(
      'FIELD_MODALITY',
      `modality "${modality}" must be one of ${MODALITIES.join(', ')}`,
      'modality',
      didYouMean(modality, MODALITIES) && `did you mean "${didYouMean(modality, MODALITIES)}"?`,
    );
  }
  const basis = reader.string('basis');
  const validBasis = BASES.find((b) => b === basis);
  if (basis !== undefined && !validBasis)
    reader.problem('FIELD_BASIS', `basis "${basis}" must be one of ${BASES.join(', ')}`, 'basis', 'say "inferred" and why in "note"');
  const negatedValue = reader.boolean('negated');
  if (negatedValue === false) reader.problem('FIELD_NEGATED', '"negated" is either true or left out', 'negated');
  const negated = negatedValue === true;
  const date = readDate(reader, false);
  const note = reader.string('note');
  const evidence: Evidence[] = [];
  const items = reader.list('evidence', true);
  if (reader.has('evidence') && items.length === 0)
    reader.problem('EVIDENCE_MISSING', 'a relation needs at least one evidence item', 'evidence');
  items.forEach((node, i) => {
    const item = reader.item('evidence', i, node);
    if (!item) return;
    item.onlyKeys(['source', 'quote']);
    const sourceId = item.string('source', true);
    const quote = item.string('quote', true);
    const src = sourceId !== undefined ? sources.get(sourceId) : undefined;
    if (sourceId !== undefined && !src) {
      const hint = didYouMean(sourceId, sources.keys());
      item.problem('EVIDENCE_UNKNOWN_SOURCE', `evidence names unknown source "${sourceId}"`, 'source', hint && `did you mean "${hint}"?`);
    }
    if (quote !== undefined && quote.trim() === '') item.problem('EVIDENCE_EMPTY_QUOTE', 'evidence quote is empty', 'quote');
    else if (quote !== undefined && src?.text !== undefined && !src.text.includes(quote)) {
      item.problem(
        'EVIDENCE_NOT_VERBATIM',
        `quote not found verbatim in source "${sourceId}": "${quote.slice(0, 40)}${quote.length > 40 ? '…' : ''}"`,
        'quote',
        nearMissHint(quote, src.text),
      );
    }
    if (quote !== undefined) warnHidden(item, 'quote', quote);
    if (sourceId !== undefined && quote !== undefined && quote.trim() !== '') evidence.push({ source: sourceId, quote });
  });
  checkFidelity(reader, { modality: validModality, basis: validBasis ?? 'stated', negated, note, evidence }, sources);
  if (!ok || !id || source === undefined || target === undefined || type === undefined || !validModality) return undefined;
  // A derived id ("a--funds--b") cannot clash with a slug id; two equal ones are the same statement twice,
  // which checkRelationSet reports as REL_DUPLICATE rather than as a confusing duplicate id nobody wrote.
  if (explicitId && !claimId(id, reader.at('id'), 'relation')) return undefined;
  const relation: Relation = {
    id,
    source,
    target,
    type,
    modality: validModality as Modality,
    ...(validBasis === 'inferred' ? { basis: validBasis } : {}),
    ...(negated ? { negated: true } : {}),
    ...(date ? { date } : {}),
    evidence,
    ...(note ? { note } : {}),
  };
  return { value: relation, where: reader.at() };
}

/**
 * The rules that keep a relation honest about its source: an inferred relation says from what (its note), a
 * negated one quotes the denial, a fact or forecast is not made of questions, and a note that calls the relation
 * implied goes with `basis: inferred`.
 */
function checkFidelity(
  reader: RecordReader,
  r: { modality: Modality | undefined; basis: Basis; negated: boolean; note: string | undefined; evidence: Evidence[] },
  sources: Map<string, { text?: string }>,
): void {
  if (r.basis === 'inferred' && !r.note?.trim())
    reader.problem('REL_INFERRED_NO_NOTE', 'an inferred relation needs a "note" saying what it is inferred from', 'note');
  if (r.basis === 'stated' && r.note !== undefined && noteSaysInferred(r.note))
    reader.problem('REL_IMPLIED_AS_STATED', 'the note calls this relation implied or inferred', 'basis', 'add "basis: inferred"');
  if (r.evidence.length === 0) return;
  if (r.negated && !r.evidence.some((e) => expressesNegation(e.quote)))
    reader.problem(
      'REL_NEGATION_NOT_QUOTED',
      'a negated relation needs a quote that contains the denial (没有, 不, 未, 缺乏, no, not, …)',
      'evidence',
    );
  if ((r.modality === 'fact' || r.modality === 'prediction') && r.evidence.every((e) => isQuestion(e.quote, sources.get(e.source)?.text)))
    reader.problem(
      'REL_QUESTION_AS_CLAIM',
      `every quote of this ${r.modality} is a question; a question is neither a fact nor a forecast`,
      'modality',
      'use "modality: question" (the source asks), or quote a sentence that states it',
    );
}

/** Points at the likeliest cause of a non-verbatim quote: punctuation width or spacing. */
function nearMissHint(quote: string, text: string): string | undefined {
  const loose = (s: string): string => normalizeForMatch(s).replace(/[\s\p{P}]/gu, '');
  if (text.includes(quote.trim())) return 'remove leading or trailing spaces';
  if (loose(text).includes(loose(quote)))
    return 'the words match but punctuation or spacing differs (full-width vs half-width?); copy the quote from the source';
  return undefined;
}

function checkAliases(entities: Array<Placed<Entity>>, problems: Problem[]): void {
  const owner = new Map<string, { id: string; where: Location }>();
  for (const { value: e, where } of entities) {
    const names = new Set([e.name.en, e.name.zh, ...e.aliases].filter((n) => n.trim() !== '').map(normalizeForMatch));
    for (const key of names) {
      const other = owner.get(key);
      if (other && other.id !== e.id) {
        problems.push({
          code: 'ALIAS_CONFLICT',
          severity: 'error',
          message: `name or alias "${key}" is used by both "${other.id}" and "${e.id}"`,
          ...where,
          record: e.id,
          field: 'aliases',
        });
      } else owner.set(key, { id: e.id, where });
    }
    for (const alias of e.aliases) {
      if (alias === e.name.en || alias === e.name.zh) {
        problems.push({
          code: 'ALIAS_REDUNDANT',
          severity: 'warning',
          message: `alias "${alias}" repeats the entity's own name`,
          ...where,
          record: e.id,
          field: 'aliases',
        });
      }
    }
  }
}

function checkRelationSet(
  relations: Array<Placed<Relation>>,
  schema: Schema | undefined,
  entities: Array<Placed<Entity>>,
  problems: Problem[],
): void {
  const symmetric = new Set(schema?.relationTypes.filter((t) => t.symmetric).map((t) => t.id));
  const seen = new Map<string, Location>();
  const ids = new Map<string, Location>();
  const related = new Set<string>();
  for (const { value: r, where } of relations) {
    const ends = symmetric.has(r.type) && r.target < r.source ? [r.target, r.source] : [r.source, r.target];
    // One statement is its ends, type, modality, polarity and date: an opinion and a forecast about the same pair
    // differ, and so do support in the 2000s and support today.
    const key = [...ends, r.type, r.modality, r.negated ? 'not' : '', r.date ?? ''].join('\u0000');
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        code: 'REL_DUPLICATE',
        severity: 'error',
        message: `"${r.source} ${r.type} ${r.target}" (${[r.modality, r.negated && 'negated', r.date].filter(Boolean).join(', ')}) is already stated at ${earlier.file}:${earlier.line ?? 1}`,
        ...where,
        record: r.id,
        hint: 'merge the evidence into one relation',
      });
    } else {
      seen.set(key, where);
      const sameId = ids.get(r.id);
      if (sameId)
        problems.push({
          code: 'REL_ID_TAKEN',
          severity: 'error',
          message: `relation id "${r.id}" is already used at ${sameId.file}:${sameId.line ?? 1}`,
          ...where,
          record: r.id,
          hint: 'two statements about the same pair and type need their own "id"',
        });
      else ids.set(r.id, where);
    }
    related.add(r.source).add(r.target);
  }
  for (const { value: e, where } of entities) {
    if (!related.has(e.id))
      problems.push({
        code: 'ENTITY_ISOLATED',
        severity: 'error',
        message: `entity "${e.id}" has no relation; add one backed by a source, or remove it`,
        ...where,
        record: e.id,
      });
  }
}
