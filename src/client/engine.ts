/**
 * DuckDB-WASM, self-hosted and loaded only on first interaction. Data reaches it through hyparquet → Arrow, so the
 * engine never fetches its own Parquet extension from the internet, and the bytes queried are the bytes published.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { readSlice, type Row } from './parquet-slice.ts';

export type Progress = (stage: 'engine' | 'data' | 'query', loaded: number, total: number | null) => void;

export interface Engine {
  /** Loads the rows of these indicators from the release into the `observations` table (once per indicator). */
  load(indicators: string[], progress?: Progress): Promise<void>;
  /** Runs SQL with bound parameters (`?`); nothing from the page or URL is ever spliced into the text. */
  query(sql: string, params: (string | number | null)[]): Promise<Row[]>;
}

const COLUMNS: [string, 'utf8' | 'f64' | 'i32'][] = [
  ['domain', 'utf8'], ['indicator', 'utf8'], ['geo', 'utf8'], ['year', 'i32'], ['sex', 'utf8'], ['age', 'utf8'], ['category', 'utf8'],
  ['counterpart', 'utf8'], ['value', 'f64'], ['unit', 'utf8'], ['censored', 'utf8'], ['value_min', 'f64'], ['value_max', 'f64'],
  ['source', 'utf8'], ['source_ref', 'utf8'], ['note', 'utf8'],
];

async function start(progress?: Progress): Promise<{ db: AsyncDuckDB; conn: AsyncDuckDBConnection }> {
  const duckdb = await import('@duckdb/duckdb-wasm');
  const [{ default: mvpModule }, { default: mvpWorker }, { default: ehModule }, { default: ehWorker }] = await Promise.all([
    import('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'),
    import('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'),
  ]);
  const bundle = await duckdb.selectBundle({ mvp: { mainModule: mvpModule, mainWorker: mvpWorker }, eh: { mainModule: ehModule, mainWorker: ehWorker } });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => progress?.('engine', p.bytesLoaded, p.bytesTotal || null));
  // Extensions would be fetched from outside the origin; the release never needs one.
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  await conn.query(`CREATE TABLE observations (${COLUMNS.map(([n, t]) => `"${n}" ${t === 'utf8' ? 'VARCHAR' : t === 'f64' ? 'DOUBLE' : 'INTEGER'}`).join(', ')})`);
  return { db, conn };
}

async function toArrow(rows: Row[]) {
  const arrow = await import('apache-arrow');
  const type = { utf8: new arrow.Utf8(), f64: new arrow.Float64(), i32: new arrow.Int32() };
  const cols: Record<string, import('apache-arrow').Vector> = {};
  for (const [name, t] of COLUMNS) {
    const values = rows.map((r) => (r[name] === undefined ? null : r[name]));
    cols[name] = t === 'utf8'
      ? arrow.vectorFromArray(values.map((v) => (v === null ? null : String(v))), type.utf8)
      : arrow.vectorFromArray(values.map((v) => (v === null ? null : Number(v))), type[t]);
  }
  return new arrow.Table(cols);
}

/** One engine per page, created on first use. */
export function createEngine(parquetUrl: string): Engine {
  let ready: ReturnType<typeof start> | undefined;
  const loaded = new Set<string>();
  return {
    async load(indicators, progress) {
      ready ??= start(progress);
      const { conn } = await ready;
      const missing = indicators.filter((i) => !loaded.has(i));
      if (missing.length === 0) return;
      let bytes = 0;
      const rows = await readSlice(parquetUrl, 'indicator', missing, (n) => progress?.('data', (bytes += n), null));
      if (rows.length > 0) await conn.insertArrowTable(await toArrow(rows), { name: 'observations', create: false });
      for (const i of missing) loaded.add(i);
    },
    async query(sql, params) {
      ready ??= start();
      const { conn } = await ready;
      const stmt = await conn.prepare(sql);
      try {
        const table = await stmt.query(...params);
        return table.toArray().map((r) => r.toJSON() as Row);
      } finally {
        await stmt.close();
      }
    },
  };
}
