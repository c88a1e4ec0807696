/**
 * Writes the release's CSV downloads from its Parquet files, so a CSV holds exactly what its Parquet holds: every
 * table that may be redistributed as csv/<table>.csv, and every indicator as csv/indicators/<id>.csv (long: the
 * observations columns) and <id>_wide.csv (indicator-wide.ts). Tables are read a batch at a time, so a streamed
 * source's large table is never held whole. Every CSV follows write-csv.ts's rules: whole tables through DuckDB's
 * COPY (csv-sql.ts, the same bytes; csv-slices.ts), an indicator's long file by COPY too, its wide file through
 * write-csv.ts itself.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ColumnDef } from '../model.ts';
import type { SourceManifest } from '../manifest.ts';
import { OBSERVATION_COLUMNS, type ReleaseDataset } from './tables.ts';
import { formatCsvHeader, formatCsvRows, type CsvValue } from './write-csv.ts';
import { writeParquetCsv } from './csv-slices.ts';
import { copyLinesSql, csvLineSql, defineCsvMacros } from './csv-sql.ts';
import { widen, WIDE_KEY } from './indicator-wide.ts';
import { indicatorCsvPath, indicatorWidePath, tableCsvPath } from './download-paths.ts';
import { withheldTables, type Withheld } from './redistribution.ts';
import { hashFile } from './files.ts';
import type { WrittenFile } from './catalog.ts';

export interface TableDownload {
  table: string;
  csv: string;
  columns: ColumnDef[];
  /** Source ids of the table's rows. */
  sources: string[];
}

export interface IndicatorDownload {
  indicator: string;
  csv: string;
  wide: string;
  wideColumns: ColumnDef[];
  sources: string[];
}

export interface Downloads {
  tables: TableDownload[];
  withheld: Withheld[];
  indicators: IndicatorDownload[];
  files: WrittenFile[];
}

const q = (s: string) => s.replaceAll("'", "''");
const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** DATE as 'YYYY-MM-DD' text, as the tables' rows hold it; other types convert to JS as they are. */
function selectList(columns: readonly ColumnDef[]): string {
  return columns.map((c) => (c.type === 'DATE' ? `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}` : ident(c.name))).join(', ');
}

async function distinctSources(conn: DuckDBConnection, file: string, columns: readonly ColumnDef[]): Promise<string[]> {
  if (!columns.some((c) => c.name === 'source')) return [];
  const rows = (await conn.runAndReadAll(`SELECT DISTINCT source FROM read_parquet('${q(file)}') WHERE source IS NOT NULL ORDER BY source`)).getRowObjectsJS();
  return rows.map((r) => String(r['source']));
}

/** A whole table by DuckDB's COPY with write-csv.ts's rules in SQL (csv-sql.ts): 23 M rows never become JS objects. */
async function writeTableCsv(parquet: string, columns: readonly ColumnDef[], path: string): Promise<{ bytes: number; sha256: string }> {
  mkdirSync(dirname(path), { recursive: true });
  // File order: the Parquet's rows are already in the release's order.
  return writeParquetCsv(parquet, selectList(columns), columns, path);
}

/** Rows a batch at a time: one string of a wide file of 100,000s of rows, beside its rows, held the 23 M-row bench's peak. */
const WIDE_BATCH = 10_000;

function writeWhole(path: string, columns: readonly ColumnDef[], rows: readonly Record<string, CsvValue>[]): void {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, formatCsvHeader(columns));
    for (let i = 0; i < rows.length; i += WIDE_BATCH) writeSync(fd, formatCsvRows(columns, rows.slice(i, i + WIDE_BATCH)));
  } finally {
    closeSync(fd);
  }
}

/** `dir` is the staging folder holding the tables' Parquet files. */
export async function writeDownloads(dir: string, tables: readonly ReleaseDataset[], manifests: readonly SourceManifest[]): Promise<Downloads> {
  // Bounded: without a limit DuckDB may take most of the machine's memory (the 23 M-row bench peaked at 3.7 GB).
  const db = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '768MB' });
  const conn = await db.connect();
  const downloads: Downloads = { tables: [], withheld: [], indicators: [], files: [] };
  const add = async (name: string) => downloads.files.push({ name, ...(await hashFile(join(dir, name))) });
  try {
    const sources = new Map<string, string[]>();
    for (const t of tables) sources.set(t.name, await distinctSources(conn, join(dir, `${t.name}.parquet`), t.columns));
    downloads.withheld = withheldTables(sources, manifests);
    for (const t of tables) {
      if (downloads.withheld.some((w) => w.table === t.name)) continue;
      const csv = tableCsvPath(t.name);
      downloads.files.push({ name: csv, ...(await writeTableCsv(join(dir, `${t.name}.parquet`), t.columns, join(dir, csv))) });
      downloads.tables.push({ table: t.name, csv, columns: t.columns, sources: sources.get(t.name) ?? [] });
    }

    // A view, not a table: the observations are sorted by indicator in row groups of 32,768, so each indicator's
    // queries read only its own row groups, where a table held every observation (and a 23 M-row source's long
    // source_ref lists) in memory for the whole stage. file_row_number is the release's order.
    await conn.run(`CREATE VIEW obs AS SELECT ${selectList(OBSERVATION_COLUMNS)}, file_row_number FROM read_parquet('${q(join(dir, 'observations.parquet'))}', file_row_number = true)`);
    const ids = (await conn.runAndReadAll('SELECT DISTINCT indicator FROM obs ORDER BY indicator')).getRowObjectsJS().map((r) => String(r['indicator']));
    await defineCsvMacros(conn);
    // Every observation's long-file line made once: planning the line expression took 0.3 s a statement, 25 of the
    // full mirror's 35 s for 88 indicators.
    await conn.run(`CREATE TEMP TABLE obs_lines AS SELECT indicator, file_row_number, ${csvLineSql(OBSERVATION_COLUMNS)} AS line FROM obs`);
    const wideSelect = [...WIDE_KEY, 'year', 'value', 'censored'].map(ident).join(', ');
    for (const id of ids) {
      // The long file by COPY (one thread and ORDER BY file_row_number keep the rows' order); only the wide file's columns
      // become JS objects: a 23 M-row source's count indicators hold hundreds of thousands of rows.
      const long = indicatorCsvPath(id);
      mkdirSync(dirname(join(dir, long)), { recursive: true });
      await conn.run(copyLinesSql(`SELECT line FROM obs_lines WHERE indicator = '${q(id)}' ORDER BY file_row_number`, OBSERVATION_COLUMNS, join(dir, long)));
      // The query's rows are garbage once widened: no name holds them while the wide file is written.
      const wide = widen((await conn.runAndReadAll(`SELECT ${wideSelect} FROM obs WHERE indicator = $1 ORDER BY file_row_number`, [id])).getRowObjectsJS() as Record<string, CsvValue>[]);
      const widePath = indicatorWidePath(id);
      writeWhole(join(dir, widePath), wide.columns, wide.rows);
      await add(long);
      await add(widePath);
      const ofIndicator = (await conn.runAndReadAll('SELECT DISTINCT source FROM obs WHERE indicator = $1 ORDER BY source', [id])).getRowObjectsJS().map((r) => String(r['source']));
      downloads.indicators.push({ indicator: id, csv: long, wide: widePath, wideColumns: wide.columns, sources: ofIndicator });
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return downloads;
}
