/**
 * DuckDB's error text, put in plain words with the place in the query it points at. DuckDB writes errors as
 * "Parser Error: syntax error at or near "FORM"" or "Binder Error: Referenced column "x" not found … LINE 1: select x
 * from t" followed by a caret line; some carry only a character offset in "at position N" or the word in quotes.
 */

export interface QueryError {
  /** DuckDB's kind, e.g. "Parser", "Binder", "Catalog", "Conversion", "Out of Memory"; "Error" if it gave none. */
  kind: string;
  /** The message without the kind prefix and without the LINE/caret lines. */
  message: string;
  /** 1-based line and column in the query, when DuckDB said where. */
  line: number | null;
  column: number | null;
}

/** 1-based line and column of an offset. */
export function lineColumn(sql: string, offset: number): { line: number; column: number } {
  const before = sql.slice(0, Math.max(0, Math.min(offset, sql.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

/** DuckDB-WASM sometimes sends its error as JSON: {"exception_type", "exception_message", "position" (0-based)}. */
function fromJson(raw: string): { text: string; position: number | null } | null {
  const start = raw.indexOf('{');
  if (start < 0) return null;
  try {
    const e = JSON.parse(raw.slice(start)) as { exception_type?: string; exception_message?: string; position?: string };
    if (typeof e.exception_message !== 'string') return null;
    return { text: `${e.exception_type ?? ''} Error: ${e.exception_message}`, position: e.position === undefined ? null : Number(e.position) };
  } catch {
    return null;
  }
}

export function queryErrorOf(raw: string, sql: string): QueryError {
  const json = fromJson(raw);
  const text = (json ? json.text : raw).replace(/^Error:\s*/, '').trim();
  const head = /^([A-Z][A-Za-z ]*?) Error:\s*/.exec(text);
  const kind = head ? head[1]! : 'Error';
  let rest = head ? text.slice(head[0].length) : text;
  // "LINE n: <query text>" and a caret line under it: the caret's column in the echoed text gives the place.
  let line: number | null = null;
  let column: number | null = null;
  const lineMatch = /\n?LINE (\d+):(.*)\n(\s*)\^/.exec(rest);
  if (lineMatch) {
    const echoed = lineMatch[2]!;
    const caretCol = lineMatch[3]!.length - 'LINE '.length - lineMatch[1]!.length - 1; // under the echoed text
    line = Number(lineMatch[1]);
    // DuckDB may trim the echoed line with "..." at the front; find the echoed text in that query line instead.
    const queryLine = sql.split('\n')[line - 1] ?? '';
    const shown = echoed.replace(/^ /, '');
    const trimmed = shown.startsWith('...') ? shown.slice(3) : shown;
    const where = queryLine.indexOf(trimmed.trimEnd());
    const caretInShown = caretCol - (echoed.length - shown.length);
    const offsetInShown = shown.startsWith('...') ? caretInShown - 3 : caretInShown;
    column = where >= 0 ? where + Math.max(0, offsetInShown) + 1 : Math.max(1, offsetInShown + 1);
    rest = rest.slice(0, lineMatch.index).trim();
  } else if (json?.position != null && Number.isFinite(json.position)) {
    ({ line, column } = lineColumn(sql, json.position));
  } else {
    const pos = /at position (\d+)/.exec(rest);
    if (pos) ({ line, column } = lineColumn(sql, Number(pos[1])));
    else {
      const near = /at or near "([^"]+)"/.exec(rest);
      const at = near ? sql.indexOf(near[1]!) : -1;
      if (at >= 0) ({ line, column } = lineColumn(sql, at));
    }
  }
  return { kind, message: rest.trim(), line, column };
}
