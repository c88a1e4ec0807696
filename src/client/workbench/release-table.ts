/**
 * One release table read whole into the workbench's engine: fetched from the site's own origin with byte progress,
 * checked against the catalog's sha256 (the bytes queried are the bytes published), decoded by hyparquet, typed by
 * the catalog's column definitions (the pipeline's schema) and inserted as Arrow.
 */
import { parquetReadObjects } from 'hyparquet';
import type { AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { ColumnDef } from '../../../scripts/pipeline/model.ts';
import { arrowTable } from '../arrow-columns.ts';
import { compressors } from '../zstd.ts';
import { ReadFailure } from '../read-failure.ts';

export interface TableFile {
  name: string;
  url: string;
  bytes: number;
  sha256: string;
  columns: Pick<ColumnDef, 'name' | 'type'>[];
}

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');

/** The file's bytes, reporting each chunk as it arrives; anything but the catalog's bytes is a failure. */
export async function fetchWhole(file: TableFile, onBytes: (loaded: number) => void, signal?: AbortSignal): Promise<ArrayBuffer> {
  const r = await fetch(file.url, signal ? { signal } : {});
  if (!r.ok || !r.body) throw new ReadFailure('data', { kind: 'http', status: r.status });
  const reader = r.body.getReader();
  const out = new Uint8Array(file.bytes);
  let at = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (at + value.byteLength > out.length) throw new ReadFailure('data', { kind: 'truncated', got: at + value.byteLength, expected: file.bytes });
    out.set(value, at);
    at += value.byteLength;
    onBytes(at);
  }
  if (at !== file.bytes) throw new ReadFailure('data', { kind: 'truncated', got: at, expected: file.bytes });
  const digest = hex(await crypto.subtle.digest('SHA-256', out));
  if (digest !== file.sha256) throw new ReadFailure('data', { kind: 'message', message: `${file.name}: sha256 ${digest.slice(0, 12)}… is not the catalog's ${file.sha256.slice(0, 12)}…` });
  return out.buffer;
}

export async function insertTable(conn: AsyncDuckDBConnection, file: TableFile, bytes: ArrayBuffer): Promise<void> {
  const rows = await parquetReadObjects({ file: bytes, compressors });
  const table = await arrowTable(file.columns, rows);
  // The name is the catalog's, a constant of the release, never user input.
  await conn.insertArrowTable(table, { name: file.name, create: true });
}
