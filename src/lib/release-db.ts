/**
 * Build-time access to the data release (Observable Framework's "data loader" role): pages ask questions in SQL with
 * bound parameters; the answers come from the same Parquet files the browser and researchers download.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DATA_DIR = join(process.cwd(), 'public', 'data');

export function currentVersion(): string {
  return (JSON.parse(readFileSync(join(DATA_DIR, 'current.json'), 'utf8')) as { version: string }).version;
}

let connection: Promise<DuckDBConnection> | undefined;

async function open(): Promise<DuckDBConnection> {
  const dir = join(DATA_DIR, currentVersion());
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.parquet')).sort()) {
    const table = f.replace(/\.parquet$/, '');
    // Table names come from our own release folder, never from a request.
    await conn.run(`CREATE TABLE "${table}" AS SELECT * FROM read_parquet('${join(dir, f).replaceAll("'", "''")}')`);
  }
  return conn;
}

/** Rows as plain objects (BigInt-free), e.g. `await query('SELECT * FROM observations WHERE geo = $1', ['KEN'])`. */
export async function query<T = Record<string, unknown>>(sql: string, params: DuckDBValue[] = []): Promise<T[]> {
  connection ??= open();
  const conn = await connection;
  const reader = await conn.runAndReadAll(sql, params);
  return reader.getRowObjectsJson() as T[];
}
