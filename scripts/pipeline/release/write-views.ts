/**
 * Writes the view files (views.ts) of a release from its observations.parquet. Each file is one indicator's rows of
 * one view, written with row groups that end where a place ends, so a reader asking for a few places fetches only
 * their groups. DuckDB selects and sorts (one indicator at a time, so memory follows the largest indicator, not the
 * release); hyparquet-writer writes, because DuckDB's writer cannot make row groups smaller than 2,048 rows.
 * Same rows → same bytes: sorted rows, a fixed writer name, ZSTD at a fixed level.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { constants, zstdCompressSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { ColumnDef } from '../model.ts';
import { rowGroupSizes, viewPath, VIEWS, type ViewDef, type ViewName } from './views.ts';

export interface ViewFile {
  view: ViewName;
  indicator: string;
  /** Path inside the release folder. */
  name: string;
  rows: number;
  row_groups: number;
  bytes: number;
  sha256: string;
}

const PARQUET_TYPE = { VARCHAR: 'STRING', DOUBLE: 'DOUBLE', INTEGER: 'INT32' } as const;

function parquetType(c: ColumnDef): (typeof PARQUET_TYPE)[keyof typeof PARQUET_TYPE] {
  const t = PARQUET_TYPE[c.type as keyof typeof PARQUET_TYPE];
  if (!t) throw new Error(`views: no Parquet type for ${c.name} (${c.type})`);
  return t;
}

const zstd = (input: Uint8Array): Uint8Array => zstdCompressSync(input, { params: { [constants.ZSTD_c_compressionLevel]: 9 } });

type Cell = string | number | null;

/** The Parquet bytes of one view file: rows already in the view's order. */
export function viewFileBytes(view: ViewDef, rows: Record<string, Cell>[]): { bytes: Uint8Array; rowGroups: number } {
  const sizes = rowGroupSizes(rows.map((r) => String(r['geo'])), view.rowGroupRows);
  const buffer = parquetWriteBuffer({
    // Statistics only where a reader prunes (the place): per column and group they would cost footer bytes, which
    // every reader fetches before anything else.
    columnData: view.columns.map((c) => ({ name: c.name, data: rows.map((r) => r[c.name] ?? null), type: parquetType(c), offsetIndex: false, statistics: c.name === 'geo' })),
    codec: 'ZSTD',
    compressors: { ZSTD: zstd },
    rowGroupSize: sizes.length > 0 ? sizes : [1],
    createdBy: 'crime-trends-observatory',
  });
  return { bytes: new Uint8Array(buffer), rowGroups: sizes.length };
}

/** Two rows of the series view for one place and year would make a chart draw two values at one point. */
function checkUnique(view: ViewDef, indicator: string, rows: Record<string, Cell>[]): void {
  if (view.name !== 'series') return;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (a['geo'] === b['geo'] && a['year'] === b['year']) {
      throw new Error(`views: ${indicator} has two totals for ${String(b['geo'])} ${String(b['year'])} (${String(a['source_ref'])}, ${String(b['source_ref'])})`);
    }
  }
}

async function viewRows(conn: DuckDBConnection, view: ViewDef, indicator: string): Promise<Record<string, Cell>[]> {
  const cols = view.columns.map((c) => `"${c.name}"`).join(', ');
  const order = view.orderBy.map((c) => `"${c}" NULLS FIRST`).join(', ');
  const reader = await conn.runAndReadAll(`SELECT ${cols} FROM observations WHERE indicator = $1 AND (${view.where}) ORDER BY ${order}`, [indicator]);
  return reader.getRowObjectsJS() as Record<string, Cell>[];
}

/**
 * Writes every indicator's view files under `dir` (or only those of `only`: the bench's synthetic table); an
 * indicator with no rows for a view gets no file. `observations` is the path of the release's observations.parquet.
 */
export async function writeViews(observations: string, dir: string, only?: readonly string[]): Promise<ViewFile[]> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  const out: ViewFile[] = [];
  try {
    const wanted = only ? ` WHERE indicator IN (${only.map((i) => `'${i.replaceAll("'", "''")}'`).join(', ')})` : '';
    await conn.run(`CREATE TABLE observations AS SELECT * FROM read_parquet('${observations.replaceAll("'", "''")}')${wanted}`);
    const indicators = (await conn.runAndReadAll('SELECT DISTINCT indicator FROM observations ORDER BY indicator')).getRowObjectsJS().map((r) => String(r['indicator']));
    for (const indicator of only ? indicators.filter((i) => only.includes(i)) : indicators) {
      for (const view of VIEWS) {
        const rows = await viewRows(conn, view, indicator);
        if (rows.length === 0) continue;
        checkUnique(view, indicator, rows);
        const { bytes, rowGroups } = viewFileBytes(view, rows);
        const name = viewPath(view.name, indicator);
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), bytes);
        out.push({ view: view.name, indicator, name, rows: rows.length, row_groups: rowGroups, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return out;
}
