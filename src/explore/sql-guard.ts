/**
 * The workbench answers questions; it does not change the release. A query is one statement that only reads: it
 * starts with a reading keyword and names no statement that writes, loads or reconfigures anywhere in it (a CTE can
 * wrap an INSERT). Stricter than DuckDB needs — a column called `set` must be written "set" — and said so in words.
 */
import { tokens, type Token } from './sql-tokens.ts';

const READING_START = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'EXPLAIN', '(']);

/** Words that begin a statement which writes, loads code or data, or changes settings. */
const WRITING = new Set([
  'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE', 'COPY', 'EXPORT', 'IMPORT',
  'ATTACH', 'DETACH', 'INSTALL', 'LOAD', 'SET', 'RESET', 'PRAGMA', 'CALL', 'CHECKPOINT', 'VACUUM', 'BEGIN', 'COMMIT',
  'ROLLBACK', 'USE', 'GRANT', 'REVOKE', 'PREPARE', 'EXECUTE', 'DEALLOCATE',
]);

export type GuardProblem =
  | { reason: 'empty' }
  | { reason: 'several-statements'; at: number }
  | { reason: 'not-a-query'; word: string; at: number }
  | { reason: 'writes'; word: string; at: number };

/** Null when the query may run; otherwise why not, with the offset of the word that decided it. */
export function readOnlyProblem(sql: string): GuardProblem | null {
  const all = tokens(sql);
  // Trailing semicolons end the one statement; any token after a semicolon starts another.
  let last = all.length;
  while (last > 0 && all[last - 1]!.kind === 'semicolon') last--;
  const body: Token[] = all.slice(0, last);
  if (body.length === 0) return { reason: 'empty' };
  const split = body.find((t) => t.kind === 'semicolon');
  if (split) return { reason: 'several-statements', at: split.at };
  const first = body[0]!;
  const start = first.kind === 'word' ? first.text.toUpperCase() : first.text;
  if (!READING_START.has(start)) return { reason: 'not-a-query', word: first.text, at: first.at };
  const writer = body.find((t) => t.kind === 'word' && WRITING.has(t.text.toUpperCase()));
  if (writer) return { reason: 'writes', word: writer.text, at: writer.at };
  return null;
}
