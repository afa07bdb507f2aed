// Lists inside one text value (aliases, evidence): `|`-separated, with `\|` and `\\` so any item survives the trip.

/** Separator of list items inside one text value. */
export const LIST_SEPARATOR = '|';

/** Joins items with `|`, writing a `|` or `\` inside an item as `\|` or `\\`. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|]/g, (c) => `\\${c}`)).join(LIST_SEPARATOR);
}

/**
 * Splits a `joinList` value back into its items. `\|` and `\\` are a literal `|` and `\`; a `\` before anything else
 * is kept as written, so lists from other tools (which never escape) split as they always did.
 */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\' && (next === '|' || next === '\\')) {
      item += next;
      i++;
    } else if (c === LIST_SEPARATOR) {
      items.push(item);
      item = '';
    } else item += c;
  }
  items.push(item);
  return items;
}
