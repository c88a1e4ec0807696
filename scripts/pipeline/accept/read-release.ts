import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readPointer } from '../release/publish.ts';
import type { FileAccount } from '../ledger.ts';
import type { Row } from './diff-rows.ts';

/** The release `current.json` points at, as accepting a file compares against it; null when there is none yet. */
export function currentRelease(outDir: string): { version: string; dir: string } | null {
  const pointer = readPointer(outDir);
  if (!pointer) return null;
  const dir = join(outDir, pointer.version);
  return existsSync(join(dir, 'catalog.json')) ? { version: pointer.version, dir } : null;
}

/** The released row accounting of one source's files. */
export function releasedAccounts(dir: string, source: string): FileAccount[] {
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as { accounting: FileAccount[] };
  return catalog.accounting.filter((a) => a.source === source);
}

/** One source's rows of each named table (a table the release lacks has none), as JSON values. */
export async function releasedRows(dir: string, tables: string[], source: string): Promise<Map<string, Row[]>> {
  const out = new Map<string, Row[]>();
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    for (const name of tables) {
      const path = join(dir, `${name}.parquet`);
      if (!existsSync(path)) {
        out.set(name, []);
        continue;
      }
      const reader = await conn.runAndReadAll('SELECT * FROM read_parquet($1) WHERE source = $2', [path, source]);
      out.set(name, reader.getRowObjectsJson() as Row[]);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return out;
}
