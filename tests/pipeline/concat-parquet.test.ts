/**
 * Parquet files joined without decoding (concat-parquet.ts), and the thrift footer codec under it. The parts are
 * written by DuckDB with small row groups, a dictionary-coded column (with bloom filters and statistics), a unique
 * text column and NULLs; the rows expected back are made here by formula, so a row of the joined file can be
 * checked against the formula, not against another read of the parts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { concatParquet } from '../../scripts/pipeline/stream/concat-parquet.ts';
import { readStruct, writeStruct } from '../../scripts/pipeline/stream/thrift-compact.ts';
import { tempDir } from '../support/fixtures.ts';

const PART_ROWS = 2500;
/** Row i of the whole: the first part has codes KE, TZ, UG; the second ZZ and KE, so ZZ is only in the second. */
function expected(i: number): { n: number; code: string; label: string; x: number | null } {
  const code = i < PART_ROWS ? ['KE', 'TZ', 'UG'][i % 3]! : ['ZZ', 'KE'][i % 2]!;
  return { n: i, code, label: `row ${i}`, x: i % 7 === 0 ? null : i / 4 };
}

async function writeParts(dir: string): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  const paths = [join(dir, 'a.parquet'), join(dir, 'b.parquet')];
  for (const [k, path] of paths.entries()) {
    const from = k * PART_ROWS;
    await conn.run(`COPY (
      SELECT i::INTEGER AS n,
        CASE WHEN i < ${PART_ROWS} THEN ['KE', 'TZ', 'UG'][i % 3 + 1] ELSE ['ZZ', 'KE'][i % 2 + 1] END AS code,
        'row ' || i AS label,
        CASE WHEN i % 7 = 0 THEN NULL ELSE i / 4 END::DOUBLE AS x
      FROM range(${from}, ${from + PART_ROWS}) t(i) ORDER BY i
    ) TO '${path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000)`);
  }
  conn.closeSync();
  db.closeSync();
  return paths;
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

const footerOf = (bytes: Buffer) => bytes.subarray(bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8), bytes.length - 8);

describe('concatParquet', () => {
  it('gives one file whose rows are the parts’ rows in order, read by DuckDB and by hyparquet', async () => {
    const dir = tempDir();
    const parts = await writeParts(dir);
    const out = join(dir, 'joined.parquet');
    expect(concatParquet(parts, out)).toBe(2 * PART_ROWS);
    const rows = await query(`SELECT n, code, label, x FROM read_parquet('${out}')`);
    expect(rows).toEqual(Array.from({ length: 2 * PART_ROWS }, (_, i) => expected(i)));
    // Two row groups per part (DuckDB rounds ROW_GROUP_SIZE up to 2,048 rows), the second part's after the first's.
    const groups = await query(`SELECT row_group_id, any_value(row_group_num_rows)::INTEGER AS rows FROM parquet_metadata('${out}') GROUP BY 1 ORDER BY 1`);
    expect(groups.map((g) => g['rows'])).toEqual([2048, 452, 2048, 452]);
    // Filters that use the second part's statistics and bloom filters: 1,250 ZZ rows, all in it.
    expect(await query(`SELECT count(*)::INTEGER AS k, min(n) AS lo FROM read_parquet('${out}') WHERE code = 'ZZ'`)).toEqual([{ k: 1250, lo: 2500 }]);
    expect(await query(`SELECT label FROM read_parquet('${out}') WHERE n = 4321`)).toEqual([{ label: 'row 4321' }]);
    const tail = await parquetReadObjects({ file: await asyncBufferFromFile(out), compressors, rowStart: 4990, rowEnd: 5000 });
    expect(tail.map((r) => ({ ...r, n: Number(r['n']) }))).toEqual(Array.from({ length: 10 }, (_, k) => expected(4990 + k)));
  });

  it('one part is the part itself, footer and all', async () => {
    const dir = tempDir();
    const [a] = await writeParts(dir);
    const before = readFileSync(a!);
    const out = join(dir, 'one.parquet');
    expect(concatParquet([a!], out)).toBe(PART_ROWS);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it('refuses parts of different schemas, naming the part', async () => {
    const dir = tempDir();
    const [a] = await writeParts(dir);
    const other = join(dir, 'other.parquet');
    await query(`COPY (SELECT 1::INTEGER AS n, 'x' AS code) TO '${other}' (FORMAT parquet)`);
    expect(() => concatParquet([a!, other], join(dir, 'bad.parquet'))).toThrow(`${other}: its schema differs from ${a}'s`);
  });

  it('refuses a file that is not Parquet', async () => {
    const dir = tempDir();
    const [a, b] = await writeParts(dir);
    const cut = join(dir, 'cut.parquet');
    await query(`COPY (SELECT * FROM range(100)) TO '${cut}' (FORMAT csv)`);
    expect(() => concatParquet([a!, cut], join(dir, 'x.parquet'))).toThrow(`${cut}: not a Parquet file`);
    expect(b).toBeDefined();
  });
});

describe('thrift compact codec', () => {
  it('writes back a DuckDB footer byte for byte', async () => {
    const dir = tempDir();
    for (const p of await writeParts(dir)) {
      const footer = footerOf(readFileSync(p));
      const { struct, length } = readStruct(footer);
      expect(length).toBe(footer.length);
      expect(Buffer.from(writeStruct(struct)).equals(footer)).toBe(true);
    }
  });

  it('reads hand-encoded fields: a long field id, a negative i32, a list of 16 with its size after the header, booleans', () => {
    // field 1 i32 -3 (zigzag 5); field 40 (long form: type byte, zigzag id 80) binary "ab";
    // field 41 list<i16> of 16 × 1 (size 15+ → 0xF4, then varint 16); field 42 true; stop.
    const bytes = Uint8Array.from([0x15, 0x05, 0x08, 0x50, 0x02, 0x61, 0x62, 0x19, 0xf4, 0x10, ...Array(16).fill(0x02), 0x11, 0x00]);
    const { struct, length } = readStruct(bytes);
    expect(length).toBe(bytes.length);
    expect(struct.fields.map((f) => f.id)).toEqual([1, 40, 41, 42]);
    expect(struct.fields[0]!.value).toBe(-3n);
    expect(Buffer.from(struct.fields[1]!.value as Uint8Array).toString()).toBe('ab');
    expect((struct.fields[2]!.value as { items: bigint[] }).items).toEqual(Array(16).fill(1n));
    expect(struct.fields[3]!.value).toBe(true);
    expect(Buffer.from(writeStruct(struct)).equals(Buffer.from(bytes))).toBe(true);
  });
});
