/**
 * A DuckDB for a streamed source: in memory, with a memory limit it spills past into its own temp folder, and two
 * threads (the machines this runs on have two cores). Results come back as plain objects; counts are cast to
 * INTEGER in the SQL so they arrive as numbers.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';

export interface SessionLimits {
  /** DuckDB's own budget (buffer pool); the process's peak also holds Node and the Parquet writer's buffers. */
  memoryLimit: string;
  threads: number;
}

export const STREAM_LIMITS: SessionLimits = { memoryLimit: '1GB', threads: 2 };

export type Row = Record<string, DuckDBValue>;

export class DuckSession {
  private readonly db: DuckDBInstance;
  private readonly conn: DuckDBConnection;

  private constructor(db: DuckDBInstance, conn: DuckDBConnection) {
    this.db = db;
    this.conn = conn;
  }

  static async open(workDir: string, limits: SessionLimits = STREAM_LIMITS): Promise<DuckSession> {
    const tmp = join(workDir, 'duckdb-tmp');
    mkdirSync(tmp, { recursive: true });
    const db = await DuckDBInstance.create(':memory:', {
      threads: String(limits.threads),
      memory_limit: limits.memoryLimit,
      temp_directory: tmp,
    });
    return new DuckSession(db, await db.connect());
  }

  async run(sql: string): Promise<number> {
    return Number((await this.conn.run(sql)).rowsChanged);
  }

  async rows(sql: string): Promise<Row[]> {
    return (await this.conn.runAndReadAll(sql)).getRowObjects();
  }

  /** Row order matters for a statement that numbers rows or writes them; elsewhere DuckDB may reorder freely. */
  async keepOrder(keep: boolean): Promise<void> {
    await this.conn.run(`SET preserve_insertion_order = ${keep}`);
  }

  close(): void {
    this.conn.closeSync();
    this.db.closeSync();
  }
}

/** A SQL string literal. */
export const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;
/** A SQL identifier (published column names hold dots: "Reporter.type"). */
export const sqlName = (s: string): string => `"${s.replaceAll('"', '""')}"`;
