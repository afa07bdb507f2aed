// fast-check generators of valid compiled graphs with hostile text (XML specials, CJK, emoji, magic keys), for round trips.
import fc from 'fast-check';
import { MODALITIES, NODE_SHAPES, type CompiledGraph, type Entity, type Evidence, type Relation } from '../../types.ts';

const MAGIC = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const SPECIAL = ['&', '<', '>', '"', "'", '中', '文', '图', '😀', '🚀', 'é', ' ', 'a', 'b', 'Z', '1', '-', '_', '.', '|'];
const WHITESPACE = ['\t', '\n', '\r', '\u0085', '\u2028', '\u2029'];

/** Text of any of the characters exports must escape or keep, including tab/CR/LF inside. */
export const richText = (maxLength = 12): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...SPECIAL, ...WHITESPACE), maxLength });

/** Text with no surrounding whitespace and no `|` (ids, type names, aliases are trimmed/split by importers). */
export const trimmedText = (minLength = 1, maxLength = 10): fc.Arbitrary<string> =>
  fc
    .string({ unit: fc.constantFrom(...SPECIAL.filter((c) => c !== '|')), minLength, maxLength })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** Ids: ordinary, magic (`__proto__`…), or full of XML specials and CJK. */
export const idText: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...MAGIC), trimmedText(1, 8));

const urlArb = fc.string({ unit: fc.constantFrom(...'abcxyz0189-_'), maxLength: 8 }).map((path) => `https://example.org/${path}`);
const hexColor = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((n) => !Object.is(n, -0));

/** Extra attributes: each key always has the same value type, as typed formats (GEXF, GraphML) require. */
const ATTRIBUTE_KINDS: ReadonlyArray<readonly [string, fc.Arbitrary<string | number | boolean>]> = [
  ['score', finite],
  // Weights are kept only when finite and not negative (weights.ts); the others are dropped with a notice on import.
  ['weight', finite.map(Math.abs)],
  ['flag', fc.boolean()],
  ['remark', richText()],
  ['__proto__', richText()],
  ['constructor', fc.integer({ min: -1000, max: 1000 })],
];

const attributesArb: fc.Arbitrary<Record<string, string | number | boolean> | undefined> = fc
  .subarray([...ATTRIBUTE_KINDS])
  .chain((kinds) => fc.tuple(...kinds.map(([key, value]) => value.map((v) => [key, v] as const))))
  .map((pairs) => {
    if (pairs.length === 0) return undefined;
    // Prototype-free, as the importers build them, so "__proto__" is an ordinary key.
    const out: Record<string, string | number | boolean> = Object.create(null);
    for (const [k, v] of pairs) out[k] = v;
    return out;
  });

export interface GraphArbitraryOptions {
  /** Include sources and evidence (only the kg JSON format carries them in full). */
  evidence?: boolean;
}

/** A valid CompiledGraph: unique ids, every reference resolving, optional positions. */
export function compiledGraphArb(options: GraphArbitraryOptions = {}): fc.Arbitrary<CompiledGraph> {
  const typeIds = fc.uniqueArray(trimmedText(1, 6), { minLength: 1, maxLength: 4 });
  return fc
    .record({
      title: trimmedText(1, 12),
      entityTypeIds: typeIds,
      relationTypeIds: typeIds,
      entityIds: fc.uniqueArray(idText, { minLength: 1, maxLength: 10 }),
      // Entity and relation ids share one namespace in the model; relation ids are kept apart by a prefix.
      relationIds: fc.uniqueArray(idText, { maxLength: 12 }).map((ids) => ids.map((id) => `r:${id}`)),
      sourceIds: options.evidence ? fc.uniqueArray(idText, { maxLength: 3 }) : fc.constant<string[]>([]),
    })
    .chain(({ title, entityTypeIds, relationTypeIds, entityIds, relationIds, sourceIds }) =>
      fc.record({
        title: fc.constant(title),
        entityTypes: fc.tuple(
          ...entityTypeIds.map((id) =>
            fc.record({ id: fc.constant(id), label: bilingual(), color: hexColor, shape: fc.constantFrom(...NODE_SHAPES) }),
          ),
        ),
        relationTypes: fc.tuple(
          ...relationTypeIds.map((id) =>
            fc.boolean().chain((symmetric) => bilingual().map((label) => ({ id, label, reverse: label, symmetric, reflexive: true }))),
          ),
        ),
        sources: fc.tuple(
          ...sourceIds.map((id) =>
            fc.record({
              id: fc.constant(id),
              title: richText(),
              publisher: richText(),
              date: fc.constantFrom('2024', '2024-05', '2024-05-01'),
              language: fc.constantFrom('en', 'zh'),
              descriptiveTitle: fc.option(fc.constant(true as const), { nil: undefined }),
            }),
          ),
        ),
        entities: fc.tuple(...entityIds.map((id) => entityArb(id, entityTypeIds))),
        relations: fc.tuple(...relationIds.map((id) => relationArb(id, entityIds, relationTypeIds, sourceIds))),
        positions: fc.option(
          fc.tuple(...entityIds.map((id) => fc.option(fc.record({ x: finite, y: finite }).map((p) => [id, p] as const)))),
          {
            nil: undefined,
          },
        ),
      }),
    )
    .map(({ title, entityTypes, relationTypes, sources: drawn, entities, relations, positions }) => {
      // The model leaves descriptiveTitle out unless it is true, as the compiler writes it.
      const sources = drawn.map(({ descriptiveTitle, ...source }) => (descriptiveTitle ? { ...source, descriptiveTitle } : source));
      const graph: CompiledGraph = { format: 'kg-compiled', version: 1, title, entityTypes, relationTypes, sources, entities, relations };
      if (positions) {
        const record: Record<string, { x: number; y: number }> = Object.create(null);
        for (const entry of positions) if (entry) record[entry[0]] = entry[1];
        graph.positions = record;
      }
      return graph;
    });
}

function bilingual(): fc.Arbitrary<{ en: string; zh: string }> {
  return fc.record({ en: trimmedText(1, 10), zh: fc.oneof(fc.constant(''), trimmedText(1, 6)) });
}

function entityArb(id: string, typeIds: readonly string[]): fc.Arbitrary<Entity> {
  return fc
    .record({
      type: fc.constantFrom(...typeIds),
      name: fc.record({ en: richText().filter((s) => s.trim() !== ''), zh: fc.oneof(fc.constant(''), richText()) }),
      aliases: fc.array(trimmedText(1, 6), { maxLength: 3 }),
      description: fc.record({ en: richText(20), zh: richText(20) }),
      // Flat formats write no empty text, so a background always says something in one language at least.
      background: fc.option(
        fc.record({ en: richText(20), zh: richText(20) }).filter((b) => b.en !== '' || b.zh !== ''),
        { nil: undefined },
      ),
      url: fc.option(urlArb, { nil: undefined }),
      attributes: attributesArb,
    })
    .map(({ background, url, attributes, ...rest }) => {
      const entity: Entity = { id, ...rest };
      if (background !== undefined) entity.background = background;
      if (url !== undefined) entity.url = url;
      if (attributes !== undefined) entity.attributes = attributes;
      return entity;
    });
}

function relationArb(
  id: string,
  entityIds: readonly string[],
  typeIds: readonly string[],
  sourceIds: readonly string[],
): fc.Arbitrary<Relation> {
  const evidence: fc.Arbitrary<Evidence[]> =
    sourceIds.length === 0
      ? fc.constant([])
      : fc.array(fc.record({ source: fc.constantFrom(...sourceIds), quote: richText(20) }), { maxLength: 2 });
  return fc
    .record({
      source: fc.constantFrom(...entityIds),
      target: fc.constantFrom(...entityIds),
      type: fc.constantFrom(...typeIds),
      modality: fc.constantFrom(...MODALITIES),
      // Absent means stated, and negated is true or absent, as the compiler writes them.
      basis: fc.option(fc.constant('inferred' as const), { nil: undefined }),
      negated: fc.option(fc.constant(true as const), { nil: undefined }),
      date: fc.option(fc.constantFrom('2023', '2024-01', '2025-12-31', '2026/2027', '2020s/2030s'), { nil: undefined }),
      evidence,
      note: fc.option(richText(), { nil: undefined }),
      attributes: attributesArb,
    })
    .map(({ basis, negated, date, note, attributes, ...rest }) => {
      const relation: Relation = { id, ...rest };
      if (basis !== undefined) relation.basis = basis;
      if (negated !== undefined) relation.negated = negated;
      if (date !== undefined) relation.date = date;
      if (note !== undefined) relation.note = note;
      if (attributes !== undefined) relation.attributes = attributes;
      return relation;
    });
}
