/**
 * Plain-text aligned tables for terminal reports: a title, a header row, a rule
 * and rows; the first column left-aligned, the others right-aligned.
 */

export interface TextTable {
  title: string;
  header: string[];
  rows: string[][];
  /** Optional line printed under the table (units, notes). */
  note?: string;
}

export function formatTable(table: TextTable): string {
  const all = [table.header, ...table.rows];
  const width = table.header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 ? (cell ?? '').padEnd(width[c]) : (cell ?? '').padStart(width[c])))
      .join('  ')
      .trimEnd();
  const out = [line(table.header), width.map((w) => '-'.repeat(w)).join('  ')];
  if (table.title) out.unshift(table.title);
  for (const r of table.rows) out.push(line(r));
  if (table.note) out.push(table.note);
  return out.join('\n') + '\n';
}
