// Prints result rows as a plain-text table grouped by section, with notes as numbered footnotes.
import type { Budget, ResultRow, Unit } from './stats.ts';

/** A figure with its unit, at a precision that suits its size. */
export function formatValue(value: number | undefined, unit: Unit, floor?: number): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (floor !== undefined && value === 0) return `<${floor} ${unit}`;
  const digits = unit === '×' ? 2 : Math.abs(value) < 1 ? 3 : Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return unit === '×' ? `${value.toFixed(digits)}×` : `${value.toFixed(digits)} ${unit}`;
}

export function formatBudget(budget: Budget | undefined, unit: Unit): string {
  if (!budget) return '';
  return `${budget.strict ? '<' : '≤'} ${unit === '×' ? `${budget.limit}×` : `${budget.limit} ${unit}`}`;
}

const HEADERS = ['name', 'median', 'min', 'max', 'p95', 'budget (median)', 'met / not met'] as const;

interface Table {
  cells: Array<{ group: string; cells: string[] }>;
  notes: string[];
}

/** Each row's cells (name with its note number and run count, figures, budget, status) and the notes, numbered. */
function tableOf(rows: readonly ResultRow[]): Table {
  const notes: string[] = [];
  const cells = rows.map((r) => {
    let name = r.name;
    if (r.note) {
      if (!notes.includes(r.note)) notes.push(r.note);
      name += ` [${notes.indexOf(r.note) + 1}]`;
    }
    const n = r.runs === undefined ? '' : ` (n=${r.runs})`;
    return {
      group: r.group,
      cells: [
        name + n,
        formatValue(r.median, r.unit, r.floor),
        formatValue(r.min, r.unit, r.floor),
        formatValue(r.max, r.unit, r.floor),
        r.p95 === undefined ? '' : formatValue(r.p95, r.unit, r.floor),
        formatBudget(r.budget, r.unit),
        r.status === 'no budget' ? '' : r.status,
      ],
    };
  });
  return { cells, notes };
}

/** Prints the table to stdout. */
export function printTable(rows: readonly ResultRow[]): void {
  const { cells, notes } = tableOf(rows);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c.cells[i]!.length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => (i === 0 || i >= 5 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!)))
      .join(' | ')
      .trimEnd();
  console.log(line(HEADERS));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  let group: string | undefined;
  for (const c of cells) {
    if (c.group !== group) {
      group = c.group;
      console.log(`[${group}]`);
    }
    console.log(line(c.cells));
  }
  if (notes.length > 0) console.log(`\n${notes.map((note, i) => `[${i + 1}] ${note}`).join('\n')}`);
}

/** The same table as Markdown: one table per section, then the notes. `|` inside a cell is escaped. */
export function markdownTable(rows: readonly ResultRow[]): string {
  const { cells, notes } = tableOf(rows);
  const line = (values: readonly string[]): string => `| ${values.map((v) => v.replace(/\|/g, '\\|')).join(' | ')} |`;
  const out: string[] = [];
  let group: string | undefined;
  for (const c of cells) {
    if (c.group !== group) {
      group = c.group;
      out.push('', `### ${group}`, '', line(HEADERS), line(HEADERS.map(() => '---')));
    }
    out.push(line(c.cells));
  }
  if (notes.length > 0) out.push('', ...notes.map((note, i) => `${i + 1}. ${note}`));
  return out.join('\n');
}
