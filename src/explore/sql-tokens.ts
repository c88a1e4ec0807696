/**
 * Just enough of a SQL lexer to see a query's words: comments, string literals and quoted identifiers are skipped as
 * whole tokens, so a keyword inside `'…'`, `"…"`, `-- …` or `/* … *\/` is never mistaken for one. Used to keep the
 * workbench read-only (sql-guard.ts); DuckDB still parses and runs the query itself.
 */

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'semicolon' | 'other';
  /** The word as written (quoted identifiers without their quotes). */
  text: string;
  /** Offset of the token's first character in the query. */
  at: number;
}

export function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is the quote itself ('it''s', "a""b").
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= sql.length) break;
        if (sql[j] === c) {
          if (sql[j + 1] === c) {
            text += c;
            j += 2;
            continue;
          }
          break;
        }
        text += sql[j];
        j++;
      }
      out.push({ kind: c === "'" ? 'string' : 'quoted', text, at: i });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      out.push({ kind: 'word', text: sql.slice(i, j), at: i });
      i = j;
    } else if (c === ';') {
      out.push({ kind: 'semicolon', text: ';', at: i });
      i++;
    } else {
      out.push({ kind: 'other', text: c, at: i });
      i++;
    }
  }
  return out;
}
