/**
 * The workbench's engine: started on the first query, loads only the release tables a query names, runs one query at
 * a time, and can always be got back. A cancel asks DuckDB to stop; a query that does not stop within a few seconds,
 * an engine that runs out of memory, or a worker that dies is thrown away with its tables, and the next query
 * starts a fresh one — no page reload.
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import type { Table } from 'apache-arrow';
import { startEngine } from '../engine.ts';
import { fetchWhole, insertTable, type TableFile } from './release-table.ts';
import { referencedTables } from '../../explore/referenced-tables.ts';

/** Rows kept of one result: enough to page through and export; more is cut and said. */
export const MAX_ROWS = 100_000;
/** How long a cancel may take before the engine is replaced. */
const CANCEL_GRACE_MS = 3_000;
/** DuckDB reports an error at this size instead of taking the tab down. */
export const MEMORY_LIMIT = '1GB';

export type Progress = (what: { stage: 'engine' | 'table'; name?: string; loaded: number; total: number | null }) => void;

export interface ResultColumn {
  name: string;
  /** Arrow's type, as text (e.g. "Utf8", "Float64", "Int32", "Date32<DAY>"). */
  type: string;
}

export interface Result {
  columns: ResultColumn[];
  rows: Record<string, unknown>[];
  /** More rows than MAX_ROWS came back; only the first are kept. */
  truncated: boolean;
  ms: number;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

interface Live {
  db: AsyncDuckDB;
  conn: AsyncDuckDBConnection;
  loaded: Set<string>;
}

export class Session {
  private live: Promise<Live> | null = null;
  private running: { cancel(): void } | null = null;
  private readonly tables: readonly TableFile[];
  private readonly memoryLimit: () => string;
  /** The reader's own tables (uploads), kept here so an engine that replaces a discarded one has them too. */
  private readonly own = new Map<string, Table>();

  constructor(tables: readonly TableFile[], memoryLimit: () => string = () => MEMORY_LIMIT) {
    this.tables = tables;
    this.memoryLimit = memoryLimit;
  }

  /**
   * Adds (or replaces) one of the reader's tables. `name` comes from upload-names.ts: letters, digits and
   * underscores only, never a release table's.
   */
  async addTable(name: string, table: Table, progress: Progress): Promise<void> {
    if (this.running) throw new Error('a query is running');
    const live = await this.engine(progress);
    await live.conn.query(`DROP TABLE IF EXISTS "${name}"`);
    await live.conn.insertArrowTable(table, { name, create: true });
    this.own.set(name, table);
  }

  get started(): boolean {
    return this.live !== null;
  }

  /** Runs one read-only query (the page checks that first); `progress` hears the engine and table downloads. */
  async run(sql: string, progress: Progress): Promise<Result> {
    if (this.running) throw new Error('a query is already running');
    let cancelled = false;
    let onCancel = () => { cancelled = true; };
    this.running = { cancel: () => onCancel() };
    try {
      const live = await this.engine(progress);
      if (cancelled) throw new Cancelled();
      for (const name of referencedTables(sql, this.tables.map((t) => t.name))) {
        if (live.loaded.has(name)) continue;
        const file = this.tables.find((t) => t.name === name)!;
        const controller = new AbortController();
        onCancel = () => { cancelled = true; controller.abort(); };
        const bytes = await fetchWhole(file, (loaded) => progress({ stage: 'table', name, loaded, total: file.bytes }), controller.signal).catch((e: unknown) => {
          throw cancelled ? new Cancelled() : e;
        });
        await insertTable(live.conn, file, bytes);
        live.loaded.add(name);
      }
      if (cancelled) throw new Cancelled();
      return await this.query(live, sql, (cancel) => { onCancel = cancel; });
    } finally {
      this.running = null;
    }
  }

  cancel(): void {
    this.running?.cancel();
  }

  private engine(progress: Progress): Promise<Live> {
    if (!this.live) {
      const never = new Promise<never>(() => undefined);
      const live = startEngine((_stage, loaded, total) => progress({ stage: 'engine', loaded, total }), never).then(async ({ db, conn }) => {
        const limit = this.memoryLimit();
        if (!/^[0-9]+(MB|GB)$/.test(limit)) throw new Error(`memory limit ${limit}: not a size like 1GB`);
        await conn.query(`SET memory_limit = '${limit}'`);
        for (const [name, table] of this.own) await conn.insertArrowTable(table, { name, create: true });
        return { db, conn, loaded: new Set<string>() };
      });
      live.catch(() => { if (this.live === live) this.live = null; });
      this.live = live;
    }
    return this.live;
  }

  /** Throws the engine away; the next query starts a new one and reloads the tables it names. */
  private async discard(): Promise<void> {
    const live = this.live;
    this.live = null;
    const l = await live?.catch(() => null);
    await l?.db.terminate().catch(() => undefined);
  }

  private async query(live: Live, sql: string, setCancel: (cancel: () => void) => void): Promise<Result> {
    const t0 = performance.now();
    let cancelled = false;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<never>((_, reject) => {
      setCancel(() => {
        cancelled = true;
        void live.conn.cancelSent().catch(() => undefined);
        grace = setTimeout(() => {
          void this.discard();
          reject(new Cancelled());
        }, CANCEL_GRACE_MS);
      });
    });
    const work = (async (): Promise<Result> => {
      const reader = await live.conn.send(sql, true);
      const rows: Record<string, unknown>[] = [];
      let truncated = false;
      // The stream's schema is known once it is read from; a result with no rows still has one.
      let columns: ResultColumn[] | null = null;
      const columnsOf = (schema: { fields: { name: string; type: unknown }[] }) => schema.fields.map((f) => ({ name: f.name, type: String(f.type) }));
      for await (const batch of reader) {
        columns ??= columnsOf(batch.schema);
        for (const r of batch.toArray()) {
          if (rows.length >= MAX_ROWS) { truncated = true; break; }
          rows.push((r as { toJSON(): Record<string, unknown> }).toJSON());
        }
        if (truncated) {
          await live.conn.cancelSent().catch(() => undefined);
          break;
        }
      }
      return { columns: columns ?? (reader.schema ? columnsOf(reader.schema) : []), rows, truncated, ms: performance.now() - t0 };
    })();
    try {
      const result = await Promise.race([work, stuck]);
      if (cancelled) throw new Cancelled();
      return result;
    } catch (e) {
      if (cancelled) throw new Cancelled();
      // An engine out of memory, or one whose worker died, is not trusted with the next query.
      if (/out of memory|worker|terminated/i.test(e instanceof Error ? e.message : String(e))) await this.discard();
      throw e;
    } finally {
      clearTimeout(grace);
    }
  }
}
