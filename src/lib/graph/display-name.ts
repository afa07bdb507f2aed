// An entity's display name in a language: the one rule the canvas, panels, path sentences, exports and CLI share.
import type { Bilingual } from './types.ts';
import { neutraliseHidden } from './text-checks.ts';

/** Anything with an id and a bilingual name: an entity, or a graph node's attributes with its id. */
export interface Named {
  readonly id: string;
  readonly name: Readonly<Bilingual>;
}

/**
 * The name in `lang`, falling back to the other language, then to the id, exactly as stored. For data written out
 * for other tools (export labels, file names) and for places that escape text themselves.
 */
export function rawDisplayName(entity: Named, lang: keyof Bilingual): string {
  const { en, zh } = entity.name;
  return (lang === 'zh' ? zh || en : en || zh) || entity.id;
}

/**
 * `rawDisplayName` with bidi controls and invisible characters shown as `<U+202E>` markers, so "evil\u202Egpj.exe"
 * cannot pass for "evilexe.jpg" on the canvas, in a panel or in a path sentence.
 */
export function displayName(entity: Named, lang: keyof Bilingual): string {
  return neutraliseHidden(rawDisplayName(entity, lang));
}
