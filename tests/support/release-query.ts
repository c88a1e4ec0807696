import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Query } from '../../src/data/queries.ts';

export type Rows = Record<string, unknown>[];

/** Runs the site's queries against a release folder (every Parquet file as a table), as the build does. */
export async function releaseQuerier(dir: string): Promise<(q: Query) => Promise<Rows>> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.parquet'))) {
    await conn.run(`CREATE TABLE "${f.replace(/\.parquet$/, '')}" AS SELECT * FROM read_parquet('${join(dir, f).replaceAll("'", "''")}')`);
  }
  return async (q) => (await conn.runAndReadAll(q.sql, q.params as DuckDBValue[])).getRowObjectsJson() as Rows;
}
