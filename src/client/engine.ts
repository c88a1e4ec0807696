/**
 * DuckDB-WASM, self-hosted and loaded only on first interaction. Data reaches it through hyparquet → Arrow, so the
 * engine never fetches its own Parquet extension from the internet, and the bytes queried are the bytes published.
 *
 * Only the "eh" bundle (WebAssembly exceptions: every browser since 2022) is shipped: it is the one `selectBundle`
 * would pick in any browser that can run the rest of the site's script, and shipping the 39 MB "mvp" build beside it
 * would only add deployment weight. The worker and the .wasm are Vite `?url` assets on the site's own origin, so the
 * CSP `worker-src 'self'` and `script-src 'self' 'wasm-unsafe-eval'` cover them with no blob: and no CDN.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { readSlice, type ParquetSource, type Row } from './parquet-slice.ts';
import { OBSERVATION_COLUMNS } from '../../scripts/pipeline/release/tables.ts';
import type { ColumnDef } from '../../scripts/pipeline/model.ts';

export type { ParquetSource, Row };
export type Stage = 'engine' | 'data' | 'query';
export type Progress = (stage: Stage, loaded: number, total: number | null) => void;

export interface Engine {
  /** Loads the rows of these indicators from the release into the `observations` table (once per indicator). */
  load(indicators: string[], progress?: Progress): Promise<void>;
  /** Runs SQL with bound parameters (`?`); nothing from the page or URL is ever spliced into the text. */
  query(sql: string, params: (string | number | null)[]): Promise<Row[]>;
}

type ColumnType = 'utf8' | 'f64' | 'i32';

const ARROW_TYPE: Partial<Record<ColumnDef['type'], ColumnType>> = { VARCHAR: 'utf8', DOUBLE: 'f64', INTEGER: 'i32' };

/**
 * The release's `observations` columns, in file order (checked against the file's schema on first read): the
 * pipeline's own schema, so the browser's table cannot drift from the file.
 */
export const COLUMNS: readonly [string, ColumnType][] = OBSERVATION_COLUMNS.map((c) => {
  const t = ARROW_TYPE[c.type];
  if (!t) throw new Error(`observations.${c.name}: no Arrow type for ${c.type}`);
  return [c.name, t] as [string, ColumnType];
});

const SQL_TYPE: Record<ColumnType, string> = { utf8: 'VARCHAR', f64: 'DOUBLE', i32: 'INTEGER' };

/** DDL for the browser's copy of `observations`; column names are constants of this module, never input. */
export function createTableSql(): string {
  return `CREATE TABLE observations (${COLUMNS.map(([n, t]) => `"${n}" ${SQL_TYPE[t]}`).join(', ')})`;
}

interface Started {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
}

/** Performance marks for `npm run bench` and the browser's profiler: where a cold redraw spends its time. */
const mark = (name: string) => globalThis.performance?.mark?.(`cto:${name}`);

async function start(onProgress: Progress): Promise<Started> {
  mark('engine-start');
  const duckdb = await import('@duckdb/duckdb-wasm');
  const worker = new Worker(new URL(workerUrl, location.href));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(new URL(wasmUrl, location.href).href, null, (p) => onProgress('engine', p.bytesLoaded, p.bytesTotal || null));
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    // Extensions would be fetched from outside the origin; the release never needs one, so none may load.
    await conn.query('SET autoinstall_known_extensions = false');
    await conn.query('SET autoload_known_extensions = false');
    await conn.query(createTableSql());
    mark('engine-ready');
    return { db, conn };
  } catch (e) {
    await db.terminate().catch(() => undefined);
    throw e;
  }
}

/** A validity bitmap (bit set = value present), and how many values are missing. */
export function validity(values: readonly unknown[]): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 64) * 8);
  let nulls = 0;
  values.forEach((v, i) => {
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  });
  return { bitmap, nulls };
}

/** UTF-8 bytes and offsets of a string column (Arrow's Utf8 layout); nulls take no bytes. */
export function utf8Column(values: readonly (string | null)[]): { offsets: Int32Array; bytes: Uint8Array } {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(values.length + 1);
  let bytes = new Uint8Array(Math.max(64, values.length * 16));
  let end = 0;
  values.forEach((v, i) => {
    if (v !== null) {
      // A UTF-16 code unit becomes at most 3 UTF-8 bytes.
      if (end + v.length * 3 > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, end + v.length * 3));
        grown.set(bytes.subarray(0, end));
        bytes = grown;
      }
      end += encoder.encodeInto(v, bytes.subarray(end)).written;
    }
    offsets[i + 1] = end;
  });
  return { offsets, bytes: bytes.slice(0, end) };
}

/**
 * Rows as an Arrow table with the release's column types. The buffers are built by hand: Arrow's builders compile
 * their null test with `new Function`, which the CSP (no 'unsafe-eval') rightly forbids.
 */
export async function toArrow(rows: readonly Row[]) {
  const arrow = await import('apache-arrow');
  const cols: Record<string, import('apache-arrow').Vector> = {};
  const length = rows.length;
  for (const [name, t] of COLUMNS) {
    const raw = rows.map((r) => r[name] ?? null);
    const { bitmap, nulls } = validity(raw);
    const nullBitmap = nulls > 0 ? bitmap : undefined;
    if (t === 'utf8') {
      const { offsets, bytes } = utf8Column(raw.map((v) => (v === null ? null : String(v))));
      cols[name] = arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length, nullCount: nulls, nullBitmap, valueOffsets: offsets, data: bytes }));
    } else if (t === 'f64') {
      const data = Float64Array.from(raw, (v) => (v === null ? 0 : Number(v)));
      cols[name] = arrow.makeVector(arrow.makeData({ type: new arrow.Float64(), length, nullCount: nulls, nullBitmap, data }));
    } else {
      const data = Int32Array.from(raw, (v) => (v === null ? 0 : Number(v)));
      cols[name] = arrow.makeVector(arrow.makeData({ type: new arrow.Int32(), length, nullCount: nulls, nullBitmap, data }));
    }
  }
  return new arrow.Table(cols);
}

/** One engine per page, created on first use. Progress goes to whichever caller is waiting now. */
export function createEngine(source: ParquetSource): Engine {
  let ready: Promise<Started> | undefined;
  let listener: Progress | undefined;
  const report: Progress = (stage, loaded, total) => listener?.(stage, loaded, total);
  const loading = new Map<string, Promise<void>>();

  function started(): Promise<Started> {
    ready ??= start(report).catch((e: unknown) => {
      ready = undefined; // a later interaction may retry (e.g. after a dropped connection)
      throw e;
    });
    return ready;
  }

  async function loadOne(indicators: string[]): Promise<void> {
    let bytes = 0;
    // The Parquet slice is read, decoded and turned into Arrow on this thread while the worker compiles the engine.
    const [{ conn }, table] = await Promise.all([
      started(),
      readSlice(source, 'indicator', indicators, (n) => report('data', (bytes += n), null)).then(async (rows) => {
        mark('data-decoded');
        const t = rows.length > 0 ? await toArrow(rows) : null;
        mark('data-arrow');
        return t;
      }),
    ]);
    if (table) await conn.insertArrowTable(table, { name: 'observations', create: false });
    mark('data-inserted');
  }

  return {
    async load(indicators, progress) {
      listener = progress;
      try {
        const missing = [...new Set(indicators)].filter((i) => !loading.has(i));
        if (missing.length > 0) {
          const job = loadOne(missing);
          for (const i of missing) loading.set(i, job);
          job.catch(() => { for (const i of missing) loading.delete(i); });
        }
        await started();
        await Promise.all(indicators.map((i) => loading.get(i)));
      } finally {
        if (listener === progress) listener = undefined;
      }
    },
    async query(sql, params) {
      const { conn } = await started();
      const stmt = await conn.prepare(sql);
      try {
        const table = await stmt.query(...params);
        return table.toArray().map((r) => (r as { toJSON(): Row }).toJSON());
      } finally {
        await stmt.close();
      }
    },
  };
}
