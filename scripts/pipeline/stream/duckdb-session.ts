/**
 * A DuckDB for a streamed source: in memory, with a memory limit it spills past into its own temp folder. Results
 * come back as plain objects; counts are cast to INTEGER in the SQL so they arrive as numbers.
 *
 * A source uses both cores by running two single-threaded sessions at once (one statement each), not one session of
 * two threads: on the shared two-core machines this runs on, DuckDB's two threads made the file-ordered Parquet
 * write 1.5–3× slower than one (its CPU time doubled: workers wait on each other for order), while two
 * single-threaded statements side by side never wait on each other. The bytes written are the same either way.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type JS } from '@duckdb/node-api';

export interface SessionLimits {
  /** DuckDB's own budget (buffer pool); the process's peak also holds Node and the Parquet writer's buffers. */
  memoryLimit: string;
  threads: number;
}


/** A result row as plain JavaScript values (VARCHAR → string, INTEGER and DOUBLE → number, NULL → null). */
export type Row = Record<string, JS>;

export class DuckSession {
  private readonly db: DuckDBInstance;
  private readonly conn: DuckDBConnection;
  private readonly tmp: string;

  private constructor(db: DuckDBInstance, conn: DuckDBConnection, tmp: string) {
    this.db = db;
    this.conn = conn;
    this.tmp = tmp;
  }

  /** `dir` holds the session's spill files (under dir/duckdb-tmp, removed by close). */
  static async open(dir: string, limits: SessionLimits): Promise<DuckSession> {
    const tmp = join(dir, 'duckdb-tmp');
    mkdirSync(tmp, { recursive: true });
    const db = await DuckDBInstance.create(':memory:', {
      threads: String(limits.threads),
      memory_limit: limits.memoryLimit,
      temp_directory: tmp,
    });
    return new DuckSession(db, await db.connect(), tmp);
  }

  async run(sql: string): Promise<number> {
    return Number((await this.conn.run(sql)).rowsChanged);
  }

  async rows(sql: string): Promise<Row[]> {
    return (await this.conn.runAndReadAll(sql)).getRowObjectsJS();
  }

  /** Row order matters for a statement that numbers rows or writes them; elsewhere DuckDB may reorder freely. */
  async keepOrder(keep: boolean): Promise<void> {
    await this.conn.run(`SET preserve_insertion_order = ${keep}`);
  }

  /** Stops the running statement (it fails with an interrupt error): its result is no longer wanted. */
  interrupt(): void {
    this.conn.interrupt();
  }

  close(): void {
    this.conn.closeSync();
    this.db.closeSync();
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** A SQL string literal. */
export const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;
/** A SQL identifier (published column names hold dots: "Reporter.type"). */
export const sqlName = (s: string): string => `"${s.replaceAll('"', '""')}"`;
