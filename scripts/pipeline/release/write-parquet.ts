import { DuckDBInstance, dateValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnDef } from '../model.ts';
import type { ReleaseTable } from './tables.ts';

const DAY_MS = 86_400_000;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function appendCell(app: DuckDBAppender, col: ColumnDef, v: string | number | boolean | null, table: string): void {
  if (v === null || v === undefined) return app.appendNull();
  switch (col.type) {
    case 'VARCHAR':
      return app.appendVarchar(String(v));
    case 'DOUBLE':
      if (typeof v !== 'number') throw new Error(`${table}.${col.name}: expected a number, got ${JSON.stringify(v)}`);
      return app.appendDouble(v);
    case 'INTEGER':
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error(`${table}.${col.name}: expected an integer, got ${JSON.stringify(v)}`);
      return app.appendInteger(v);
    case 'BOOLEAN':
      if (typeof v !== 'boolean') throw new Error(`${table}.${col.name}: expected a boolean, got ${JSON.stringify(v)}`);
      return app.appendBoolean(v);
    case 'DATE': {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`${table}.${col.name}: expected YYYY-MM-DD, got ${JSON.stringify(v)}`);
      return app.appendDate(dateValue(Math.round(Date.parse(`${v}T00:00:00Z`) / DAY_MS)));
    }
  }
}

async function load(conn: DuckDBConnection, t: ReleaseTable): Promise<void> {
  const cols = t.columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
  await conn.run(`CREATE TABLE ${quoteIdent(t.name)} (${cols})`);
  const app = await conn.createAppender(t.name);
  for (const row of t.rows) {
    for (const col of t.columns) appendCell(app, col, row[col.name] ?? null, t.name);
    app.endRow();
  }
  app.closeSync();
}

/**
 * Writes each table as ZSTD Parquet. One thread and insertion order kept, so the same rows give the same bytes.
 * Row groups are small enough that a browser reading with hyparquet fetches only the groups a filter needs.
 */
export async function writeParquet(tables: ReleaseTable[], dir: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    await conn.run('SET preserve_insertion_order = true');
    for (const t of tables) {
      await load(conn, t);
      const path = `${dir}/${t.name}.parquet`.replaceAll("'", "''");
      await conn.run(`COPY ${quoteIdent(t.name)} TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 32768)`);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
