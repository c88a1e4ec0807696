import { DuckDBInstance } from '@duckdb/node-api';
import type { Row } from '../pipeline/accept/diff-rows.ts';
import { DIFF_COLUMNS } from './diff-releases.ts';

/** The columns a release diff compares, of every observation in a release's observations.parquet. */
export async function readDiffColumns(observationsParquet: string): Promise<Row[]> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    const cols = DIFF_COLUMNS.map((c) => `"${c}"`).join(', ');
    const reader = await conn.runAndReadAll(`SELECT ${cols} FROM read_parquet($1)`, [observationsParquet]);
    return reader.getRowObjectsJson() as Row[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
