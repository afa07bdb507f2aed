// Spreadsheet formula neutralisation for CSV cells (OWASP "CSV injection"), and its exact inverse for our importer.

/**
 * Characters that make a spreadsheet read a cell as a formula (`= + - @`, TAB, CR), plus the apostrophe itself so
 * the prefix is unambiguous: every cell we write that starts with `'` had one added, and only one is ever removed.
 */
const NEEDS_PREFIX = /^[=+\-@\t\r']/;
/** A cell carrying our prefix: an apostrophe followed by one of the characters above. */
const HAS_PREFIX = /^'[=+\-@\t\r']/;

/**
 * The cell as written to a CSV file: a value starting with `=`, `+`, `-`, `@`, TAB, CR or `'` gets a leading `'`,
 * so Excel, LibreOffice and Google Sheets show it as text and never evaluate it. Every other value is unchanged.
 */
export function neutralizeCell(value: string): string {
  return NEEDS_PREFIX.test(value) ? `'${value}` : value;
}

/** Undoes `neutralizeCell`: removes the one `'` it adds, and nothing from any other value. */
export function restoreCell(value: string): string {
  return HAS_PREFIX.test(value) ? value.slice(1) : value;
}

/** Whether a cell needed neutralising (the writer also quotes such cells, as OWASP recommends). */
export function isNeutralized(cell: string): boolean {
  return HAS_PREFIX.test(cell);
}
