/**
 * A Parquet file's rows as one CSV (csv-sql.ts's rules), written by several single-threaded DuckDB instances at once,
 * each taking a consecutive range of the file's rows, their parts joined in order. One thread per COPY is what keeps
 * a row's place (DuckDB's parallel COPY may reorder chunks); several ranges at once give the cores back. The file is
 * hashed as its parts are joined: a CSV of gigabytes is read once more, not twice (join, then hash).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { availableParallelism } from 'node:os';
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { eachChunk } from './files.ts';
import { createHash, type Hash } from 'node:crypto';
import type { ColumnDef } from '../model.ts';
import { copyCsvSql, defineCsvMacros } from './csv-sql.ts';
import { sqlText } from '../stream/duckdb-session.ts';

export interface SliceOptions {
  /** Row ranges written at once; default: the machine's cores. */
  slices?: number;
  /** Per instance; the ranges' instances together stay under slices × this. */
  memoryLimit?: string;
  /** Fewer rows than this per range are not worth an instance of their own (a small table is written in one). */
  minRowsPerSlice?: number;
}

/** [from, to) row numbers of `slices` consecutive ranges covering `rows` (one empty range when there are none). */
export function sliceBounds(rows: number, slices: number): [number, number][] {
  const n = Math.max(1, Math.min(slices, rows));
  const size = Math.ceil(rows / n);
  return Array.from({ length: n }, (_, i) => [Math.min(i * size, rows), Math.min((i + 1) * size, rows)]);
}

/** Feeds `part` to the hash a chunk at a time (a part may be gigabytes), appending it to the file open as `out` if given; returns its size. */
function readPart(part: string, hash: Hash, out: number | null): number {
  return eachChunk(part, (chunk) => {
    hash.update(chunk);
    if (out !== null) writeSync(out, chunk);
  });
}

async function copySlice(parquet: string, select: string, columns: readonly ColumnDef[], path: string, [from, to]: [number, number], header: boolean, memoryLimit: string): Promise<void> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: memoryLimit });
  const conn = await db.connect();
  try {
    await defineCsvMacros(conn);
    const rows = `SELECT ${select} FROM read_parquet(${sqlText(parquet)}, file_row_number = true) WHERE file_row_number >= ${from} AND file_row_number < ${to}`;
    await conn.run(copyCsvSql(rows, columns, path, header));
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/**
 * `select` names the columns of `columns` (expressions over the Parquet's columns, e.g. casts); rows in file order.
 * Resolves to the written file's size and sha256.
 */
export async function writeParquetCsv(parquet: string, select: string, columns: readonly ColumnDef[], path: string, options: SliceOptions = {}): Promise<{ bytes: number; sha256: string }> {
  const counter = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await counter.connect();
  let rows: number;
  try {
    rows = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlText(parquet)})`)).getRowObjectsJS()[0]!['n']);
  } finally {
    conn.closeSync();
    counter.closeSync();
  }
  const slices = Math.min(options.slices ?? availableParallelism(), Math.ceil(rows / (options.minRowsPerSlice ?? 500_000)));
  const bounds = sliceBounds(rows, slices);
  const parts = bounds.map((_, i) => (i === 0 ? path : `${path}.part${i}`));
  await Promise.all(bounds.map((b, i) => copySlice(parquet, select, columns, parts[i]!, b, i === 0, options.memoryLimit ?? '512MB')));
  const hash = createHash('sha256');
  let bytes = readPart(path, hash, null);
  const out = openSync(path, 'a');
  try {
    for (const part of parts.slice(1)) {
      bytes += readPart(part, hash, out);
      unlinkSync(part);
    }
  } finally {
    closeSync(out);
  }
  return { bytes, sha256: hash.digest('hex') };
}
