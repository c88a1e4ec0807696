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
import { failureOf, ReadFailure } from './read-failure.ts';
import { arrowTable } from './arrow-columns.ts';
import type { Progress } from './series-source.ts';

export type { ParquetSource, Row };
export type { Progress, Stage } from './series-source.ts';

export interface Engine {
  /**
   * Loads the rows of these indicators from the release into the `observations` table (once per indicator). Fails
   * with a ReadFailure naming the engine or the data; `signal` cancels the wait (and an engine still starting).
   */
  load(indicators: string[], progress?: Progress, signal?: AbortSignal): Promise<void>;
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

export interface Started {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
}

/** Performance marks for `npm run bench` and the browser's profiler: where a cold redraw spends its time. */
const mark = (name: string) => globalThis.performance?.mark?.(`cto:${name}`);

/**
 * Rejects when the engine file cannot be fetched (404, 500…); never resolves otherwise. DuckDB's worker does not
 * answer `instantiate` when its .wasm fails to load, so without this the page would wait for good. One byte asked for
 * in parallel with the download: no wait and no weight added to a start that works. (Not HEAD: Chromium reports every
 * HEAD request as aborted.)
 */
async function engineFileMissing(href: string): Promise<never> {
  // Not stored: a cached one-byte 206 makes Chromium complete the engine's own download as a range request
  // (bytes=1-…), which a host answers with the raw 34 MB instead of the 5 MB brotli file.
  const r = await fetch(href, { headers: { Range: 'bytes=0-0' }, cache: 'no-store' }).catch(() => null);
  if (r && !r.ok) throw new ReadFailure('engine', { kind: 'http', status: r.status });
  // A server without range support would send the whole file here: stop it.
  await (r?.status === 206 ? r.arrayBuffer() : r?.body?.cancel())?.catch(() => undefined);
  return new Promise<never>(() => undefined);
}

/** The engine with the (empty) `observations` table the redraw baseline fills. */
async function start(onProgress: Progress, halt: Promise<never>): Promise<Started> {
  const started = await startEngine(onProgress, halt);
  try {
    await Promise.race([started.conn.query(createTableSql()), halt]);
    return started;
  } catch (e) {
    await started.db.terminate().catch(() => undefined);
    throw failureOf('engine', e);
  }
}

/**
 * Starts DuckDB-WASM in its worker with no tables, extensions barred; `halt` rejecting (a cancelled first load)
 * stops it, and a worker that fails otherwise raises an error event, which ends the wait too. Shared by the redraw baseline and the SQL workbench (src/client/workbench/).
 */
export async function startEngine(onProgress: Progress, halt: Promise<never>): Promise<Started> {
  mark('engine-start');
  const duckdb = await Promise.race([import('@duckdb/duckdb-wasm'), halt]);
  const wasm = new URL(wasmUrl, location.href).href;
  const worker = new Worker(new URL(workerUrl, location.href));
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (ev) => {
      ev.preventDefault(); // handled here: the page shows the failure
      reject(new ReadFailure('engine', { kind: 'message', message: ev.message || 'the engine worker stopped' }));
    }, { once: true });
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    return await Promise.race([
      (async () => {
        await db.instantiate(wasm, null, (p) => onProgress('engine', p.bytesLoaded, p.bytesTotal || null));
        // Numbers arrive as JavaScript numbers: a sum of INTEGER is a HUGEINT, which Arrow would carry as a 128-bit decimal.
        await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
        const conn = await db.connect();
        // Extensions would be fetched from outside the origin; the release never needs one, so none may load.
        await conn.query('SET autoinstall_known_extensions = false');
        await conn.query('SET autoload_known_extensions = false');
        mark('engine-ready');
        return { db, conn };
      })(),
      engineFileMissing(wasm),
      crashed,
      halt,
    ]);
  } catch (e) {
    await db.terminate().catch(() => undefined);
    throw failureOf('engine', e);
  }
}

const abortError = () => new DOMException('cancelled', 'AbortError');

/** `p`, or an AbortError as soon as `signal` aborts (after calling `onAbort`). */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    onAbort();
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(abortError());
    };
    signal.addEventListener('abort', abort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** Rows as an Arrow table with the release's `observations` column types. */
export function toArrow(rows: readonly Row[]) {
  return arrowTable(OBSERVATION_COLUMNS, rows);
}

/** An engine start in progress or done; `halt` stops it while it is still starting. */
interface Boot {
  ready: Promise<Started>;
  halt(reason: unknown): void;
  up: boolean;
}

/** One engine per page, created on first use. Progress goes to whichever caller is waiting now. */
export function createEngine(source: ParquetSource): Engine {
  let boot: Boot | undefined;
  let listener: Progress | undefined;
  const report: Progress = (stage, loaded, total) => listener?.(stage, loaded, total);
  const loading = new Map<string, Promise<void>>();

  function started(): Promise<Started> {
    if (!boot) {
      let halt!: (reason: unknown) => void;
      const halted = new Promise<never>((_, reject) => { halt = reject; });
      halted.catch(() => undefined); // a halt after the start settled has no one left to tell
      const b: Boot = { ready: start(report, halted), halt, up: false };
      b.ready.then(
        () => { b.up = true; },
        () => { if (boot === b) boot = undefined; }, // a later interaction may retry (e.g. after a dropped connection)
      );
      boot = b;
    }
    return boot.ready;
  }

  /** A cancelled load stops an engine that is still starting (a stalled download would hold every later load). */
  function haltStart() {
    if (boot && !boot.up) {
      boot.halt(abortError());
      boot = undefined;
    }
  }

  async function loadOne(indicators: string[], signal: AbortSignal | undefined): Promise<void> {
    let bytes = 0;
    // The Parquet slice is read, decoded and turned into Arrow on this thread while the worker compiles the engine.
    const [{ conn }, table] = await Promise.all([
      started(),
      readSlice(source, 'indicator', indicators, { onBytes: (n) => report('data', (bytes += n), null), ...(signal ? { signal } : {}) })
        .then(async (rows) => {
          mark('data-decoded');
          const t = rows.length > 0 ? await toArrow(rows) : null;
          mark('data-arrow');
          return t;
        })
        .catch((e: unknown) => { throw failureOf('data', e); }),
    ]);
    if (table) await conn.insertArrowTable(table, { name: 'observations', create: false }).catch((e: unknown) => { throw failureOf('engine', e); });
    mark('data-inserted');
  }

  return {
    async load(indicators, progress, signal) {
      listener = progress;
      try {
        const missing = [...new Set(indicators)].filter((i) => !loading.has(i));
        if (missing.length > 0) {
          const job = loadOne(missing, signal);
          for (const i of missing) loading.set(i, job);
          job.catch(() => { for (const i of missing) if (loading.get(i) === job) loading.delete(i); });
        }
        // Taken before any await: a job that fails leaves `loading` at once, and must still fail this call.
        const jobs = [started(), ...indicators.map((i) => loading.get(i))];
        await unlessAborted(Promise.all(jobs), signal, haltStart);
      } finally {
        if (listener === progress) listener = undefined;
      }
    },
    async query(sql, params) {
      const { conn } = await started();
      try {
        const stmt = await conn.prepare(sql);
        try {
          const table = await stmt.query(...params);
          return table.toArray().map((r) => (r as { toJSON(): Row }).toJSON());
        } finally {
          await stmt.close();
        }
      } catch (e) {
        throw failureOf('query', e);
      }
    },
  };
}
