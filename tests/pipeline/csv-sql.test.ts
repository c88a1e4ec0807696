/**
 * The SQL CSV writer (csv-sql.ts, used by DuckDB's COPY for whole tables) against the JavaScript one (write-csv.ts,
 * which the hand-computed cases of write-csv.test.ts pin down): the same rows must give the same bytes. Values are
 * the awkward ones by hand plus random ones over every magnitude a double has, fed to DuckDB through an appender
 * (no text round trip on the way in).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { column, type ColumnDef } from '../../scripts/pipeline/model.ts';
import { formatCsv, type CsvValue } from '../../scripts/pipeline/release/write-csv.ts';
import { copyCsvSql, defineCsvMacros } from '../../scripts/pipeline/release/csv-sql.ts';
import { createHash } from 'node:crypto';
import { sliceBounds, writeParquetCsv } from '../../scripts/pipeline/release/csv-slices.ts';
import { tempDir } from '../support/fixtures.ts';

const COLUMNS: ColumnDef[] = [
  column('n', 'INTEGER', ''),
  column('label', 'VARCHAR', ''),
  column('value', 'DOUBLE', ''),
  column('flag', 'BOOLEAN', ''),
  column('day', 'DATE', ''),
];

const TEXTS = ['', 'Kenya', 'a,b', 'say "hi"', 'two\nlines', 'cr\rlf', '=1+1', '+cmd|" /C calc"!A0', '-4', '+1.5', '-0.25', '-1e3',
  '- 5', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '<5', 'Côte d’Ivoire', '.5', '1.', 'e5', "'quoted'", ' =lead space', '-', '+', '1e'];
const DOUBLES = [0, -0, 1, -4, 0.5, 0.1, -0.1, 1e-5, 1e-6, 1e-7, 1.234e-7, 123.456, 3e20, 1e21, 1.5e21, 2 ** 53, 2 ** 53 + 2, 2 ** 60,
  1e15, 1.2345e16, 5e-324, Number.MAX_VALUE, 1 / 3, 100, 12345678.9, 0.000001, 0.0000012345, 999999999999999999999, 1e100];

/** A small deterministic generator, so a failure names a row that the next run has too. */
function* random(seed: number): Generator<number> {
  let s = seed >>> 0;
  for (;;) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    yield s / 2 ** 32;
  }
}

function rows(count: number): Record<string, CsvValue>[] {
  const r = random(7);
  const next = () => r.next().value as number;
  const out: Record<string, CsvValue>[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 4;
    const magnitude = Math.floor(next() * 80) - 40;
    const value =
      i < DOUBLES.length ? DOUBLES[i]! :
      kind === 0 ? (next() < 0.5 ? -1 : 1) * next() * 10 ** magnitude :
      kind === 1 ? Math.round(next() * 10 ** Math.floor(next() * 24)) :
      kind === 2 ? Number((next() * 1000).toFixed(Math.floor(next() * 5))) :
      null;
    out.push({
      n: i % 7 === 0 ? null : Math.floor(next() * 4e9) - 2e9,
      label: i % 11 === 0 ? null : TEXTS[i % TEXTS.length]!,
      value,
      flag: i % 5 === 0 ? null : next() < 0.5,
      day: i % 6 === 0 ? null : `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    });
  }
  return out;
}

async function load(conn: DuckDBConnection, data: readonly Record<string, CsvValue>[]): Promise<void> {
  await conn.run('CREATE OR REPLACE TABLE t (n INTEGER, label VARCHAR, value DOUBLE, flag BOOLEAN, day VARCHAR)');
  const app = await conn.createAppender('t');
  for (const row of data) {
    for (const c of COLUMNS) {
      const v = row[c.name];
      if (v === null || v === undefined) app.appendNull();
      else if (c.type === 'INTEGER') app.appendInteger(v as number);
      else if (c.type === 'DOUBLE') app.appendDouble(v as number);
      else if (c.type === 'BOOLEAN') app.appendBoolean(v as boolean);
      else app.appendVarchar(String(v));
    }
    app.endRow();
  }
  app.closeSync();
}

async function sqlCsv(data: readonly Record<string, CsvValue>[]): Promise<string> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    await defineCsvMacros(conn);
    await load(conn, data);
    const path = join(tempDir('cto-csv-sql-'), 'out.csv');
    await conn.run(copyCsvSql('SELECT n, label, value, flag, CAST(day AS DATE) AS day FROM t ORDER BY rowid', COLUMNS, path));
    return readFileSync(path, 'utf8');
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('CSV written by DuckDB COPY (csv-sql.ts)', () => {
  it('equals the JavaScript writer byte for byte, on awkward text and on doubles of every magnitude', async () => {
    const data = rows(20_000);
    const want = formatCsv(COLUMNS, data);
    const got = await sqlCsv(data);
    const wantLines = want.split('\r\n');
    const gotLines = got.split('\r\n');
    const first = wantLines.findIndex((l, i) => l !== gotLines[i]);
    expect(first === -1 ? null : { line: first, want: wantLines[first], got: gotLines[first] }).toBeNull();
    expect(got).toBe(want);
  });

  it('writes a header alone for a table without rows', async () => {
    expect(await sqlCsv([])).toBe('n,label,value,flag,day\r\n');
  });

  it('refuses a number that is not finite, naming the column', async () => {
    await expect(sqlCsv([{ n: 1, label: 'x', value: Number.POSITIVE_INFINITY, flag: true, day: null }])).rejects.toThrow(/CSV column value: expected a finite number, got inf/i);
  });
});

/** A Parquet file of a query's rows, written by DuckDB. */
async function parquetOf(dir: string, name: string, sql: string, options = ''): Promise<string> {
  const path = join(dir, name);
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    await conn.run(`COPY (${sql}) TO '${path}' (FORMAT parquet${options ? `, ${options}` : ''})`);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return path;
}

describe('CSV written in row ranges at once (csv-slices.ts)', () => {
  it('cuts the rows into consecutive ranges that cover them once', () => {
    expect(sliceBounds(10, 3)).toEqual([[0, 4], [4, 8], [8, 10]]);
    expect(sliceBounds(2, 4)).toEqual([[0, 1], [1, 2]]);
    expect(sliceBounds(0, 2)).toEqual([[0, 0]]);
  });

  it("keeps a Parquet file's row order across row groups and ranges, with one header", async () => {
    const dir = tempDir('cto-csv-order-');
    // 600,000 rows in row groups of 10,000, the numbers running backwards, so any reordering (or sorting) shows.
    const parquet = await parquetOf(dir, 't.parquet', `SELECT 600000 - i AS n, 'r' || i AS label FROM range(600000) r(i)`, 'ROW_GROUP_SIZE 10000');
    const out = join(dir, 'out.csv');
    const written = await writeParquetCsv(parquet, 'n, label', [column('n', 'INTEGER', ''), column('label', 'VARCHAR', '')], out, { slices: 3, minRowsPerSlice: 1 });
    const bytes = readFileSync(out);
    expect(written, 'the size and sha256 of the joined file, hashed as it was joined').toEqual({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe('n,label');
    expect(lines.length).toBe(600_002);
    const misplaced = lines.slice(1, -1).findIndex((l, i) => l !== `${600000 - i},r${i}`);
    expect(misplaced).toBe(-1);
    expect(readdirSync(dir).sort(), 'no part left behind').toEqual(['out.csv', 't.parquet']);
  });

  it('writes the header alone for a Parquet file without rows', async () => {
    const dir = tempDir('cto-csv-empty-');
    const parquet = await parquetOf(dir, 'e.parquet', 'SELECT 1 AS n WHERE false');
    await writeParquetCsv(parquet, 'n', [column('n', 'INTEGER', '')], join(dir, 'e.csv'), { slices: 2, minRowsPerSlice: 1 });
    expect(readFileSync(join(dir, 'e.csv'), 'utf8')).toBe('n\r\n');
  });
});
