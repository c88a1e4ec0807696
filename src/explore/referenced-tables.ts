/**
 * Which of the release's tables a query names, so the workbench loads only those (each is read whole). A name
 * counts as a bare or quoted identifier outside strings and comments (sql-tokens.ts), in any case. DuckDB cannot be
 * asked instead: its getTableNames binds the query, which fails while the tables are not loaded yet. A column that
 * shares a table's name loads that table needlessly: it costs bytes, never a wrong answer.
 */
import { tokens } from './sql-tokens.ts';

export function referencedTables(sql: string, tables: readonly string[]): string[] {
  const byLower = new Map(tables.map((t) => [t.toLowerCase(), t]));
  const found = new Set<string>();
  for (const t of tokens(sql)) {
    if (t.kind !== 'word' && t.kind !== 'quoted') continue;
    const name = byLower.get(t.text.toLowerCase());
    if (name) found.add(name);
  }
  return tables.filter((t) => found.has(t));
}
