/**
 * What a new publisher's file changes in one released table, for the rows of one source. Rows are matched by the
 * table's key (an observation's identity, a population's country and year); tables with no key (event tables) are
 * compared as whole rows. Where a row comes from (`source_ref`) is not a value: a row whose values are unchanged but
 * which now comes from another row of the file is counted as moved, not changed.
 */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ChangedRow {
  before: Row;
  after: Row;
  /** The value columns that differ. */
  columns: string[];
}

export interface TableDiff {
  table: string;
  before: number;
  after: number;
  added: Row[];
  removed: Row[];
  /** Always empty for a table compared as whole rows: a changed row shows as one removed and one added. */
  changed: ChangedRow[];
  unchanged: number;
  /** Of the unchanged rows, those that now come from another row of the file. */
  moved: number;
}

const WHERE_FROM = new Set(['source', 'source_ref']);

function same(a: Cell | undefined, b: Cell | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

function valueColumns(rows: Row[]): string[] {
  const out = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) if (!WHERE_FROM.has(k)) out.add(k);
  return [...out];
}

/** Rows matched by key: added, removed, changed (naming the columns) and unchanged. */
export function diffByKey(table: string, before: Row[], after: Row[], key: (r: Row) => string): TableDiff {
  const old = new Map(before.map((r) => [key(r), r]));
  const columns = valueColumns([...before, ...after]);
  const diff: TableDiff = { table, before: before.length, after: after.length, added: [], removed: [], changed: [], unchanged: 0, moved: 0 };
  const seen = new Set<string>();
  for (const r of after) {
    const k = key(r);
    seen.add(k);
    const prior = old.get(k);
    if (!prior) {
      diff.added.push(r);
      continue;
    }
    const differs = columns.filter((c) => !same(prior[c], r[c]));
    if (differs.length > 0) diff.changed.push({ before: prior, after: r, columns: differs });
    else {
      diff.unchanged++;
      if (!same(prior['source_ref'], r['source_ref'])) diff.moved++;
    }
  }
  for (const [k, r] of old) if (!seen.has(k)) diff.removed.push(r);
  return diff;
}

function content(r: Row, columns: string[]): string {
  return JSON.stringify(columns.map((c) => r[c] ?? null));
}

/** Rows compared whole (every value column), as multisets: for tables without a key. */
export function diffWhole(table: string, before: Row[], after: Row[]): TableDiff {
  const columns = valueColumns([...before, ...after]).sort();
  const pool = new Map<string, Row[]>();
  for (const r of before) {
    const k = content(r, columns);
    const list = pool.get(k);
    if (list) list.push(r);
    else pool.set(k, [r]);
  }
  const diff: TableDiff = { table, before: before.length, after: after.length, added: [], removed: [], changed: [], unchanged: 0, moved: 0 };
  for (const r of after) {
    const match = pool.get(content(r, columns))?.shift();
    if (!match) diff.added.push(r);
    else {
      diff.unchanged++;
      if (!same(match['source_ref'], r['source_ref'])) diff.moved++;
    }
  }
  for (const rest of pool.values()) diff.removed.push(...rest);
  return diff;
}
