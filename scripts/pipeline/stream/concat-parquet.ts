/**
 * Parquet files of one schema joined into one, in order, without decoding a value: the row groups' bytes are laid
 * one after another and the footers' row groups are listed in the same order, with every file offset moved by where
 * its bytes now start. What `parquet-tools merge` does; here it lets two DuckDB sessions each write half a streamed
 * source's event table at once (cites-trade-db/index.ts) and still release one file.
 *
 * Layout (Parquet format): "PAR1", column chunks (and any page indexes and bloom filters), the footer (thrift
 * FileMetaData), its length as 4 bytes little-endian, "PAR1". The footer is changed through thrift-compact.ts,
 * which keeps every field it is not asked to change.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, ftruncateSync, writeSync } from 'node:fs';
import { field, readStruct, T, writeStruct, type TList, type TStruct } from './thrift-compact.ts';

const MAGIC = Buffer.from('PAR1');

// Field ids of parquet.thrift.
const FILE = { SCHEMA: 2, NUM_ROWS: 3, ROW_GROUPS: 4, KEY_VALUE: 5 } as const;
const ROW_GROUP = { COLUMNS: 1, FILE_OFFSET: 5, ORDINAL: 7 } as const;
const CHUNK = { FILE_OFFSET: 2, META: 3, OFFSET_INDEX_OFFSET: 4, COLUMN_INDEX_OFFSET: 6 } as const;
/** ColumnMetaData: data_page_offset, index_page_offset, dictionary_page_offset, bloom_filter_offset. */
const META_OFFSETS = [9, 10, 11, 14];

interface Part {
  fd: number;
  path: string;
  /** Where the footer starts: the part's column data is [4, footerStart). */
  footerStart: number;
  footer: TStruct;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) throw new Error('unexpected end of file');
    got += n;
  }
  return buf;
}

function openPart(path: string, flags: string): Part {
  const fd = openSync(path, flags);
  try {
    const size = fstatSync(fd).size;
    if (size < 12) throw new Error(`${path}: too short to be a Parquet file`);
    const tail = readAt(fd, 8, size - 8);
    if (!readAt(fd, 4, 0).equals(MAGIC) || !tail.subarray(4).equals(MAGIC)) throw new Error(`${path}: not a Parquet file (no PAR1 at both ends)`);
    const length = tail.readUInt32LE(0);
    const footerStart = size - 8 - length;
    if (footerStart < 4) throw new Error(`${path}: the footer's length ${length} does not fit the file`);
    const { struct } = readStruct(readAt(fd, length, footerStart));
    return { fd, path, footerStart, footer: struct };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

function required(s: TStruct, id: number, what: string) {
  const f = field(s, id);
  if (!f) throw new Error(`Parquet footer: ${what} (field ${id}) is missing`);
  return f;
}

/** Adds `delta` to an i64 offset field; 0 (and a field not written) means "none" and stays. */
function move(s: TStruct, id: number, delta: bigint): void {
  const f = field(s, id);
  if (!f) return;
  if (f.type !== T.I64) throw new Error(`Parquet footer: offset field ${id} is not an i64`);
  if ((f.value as bigint) > 0n) f.value = (f.value as bigint) + delta;
}

function moveRowGroup(rg: TStruct, delta: bigint, ordinal: number): void {
  move(rg, ROW_GROUP.FILE_OFFSET, delta);
  const ord = field(rg, ROW_GROUP.ORDINAL);
  if (ord) ord.value = BigInt(ordinal);
  for (const chunk of (required(rg, ROW_GROUP.COLUMNS, 'row group columns').value as TList).items as TStruct[]) {
    move(chunk, CHUNK.FILE_OFFSET, delta);
    move(chunk, CHUNK.OFFSET_INDEX_OFFSET, delta);
    move(chunk, CHUNK.COLUMN_INDEX_OFFSET, delta);
    const meta = field(chunk, CHUNK.META);
    if (meta) for (const id of META_OFFSETS) move(meta.value as TStruct, id, delta);
  }
}

const same = (a: TStruct, b: TStruct, id: number) => {
  const x = field(a, id);
  const y = field(b, id);
  if (!x || !y) return x === y;
  return Buffer.from(writeStruct({ fields: [x] })).equals(Buffer.from(writeStruct({ fields: [y] })));
};

/**
 * Joins `parts` (at least one, all of one schema) into the first, which is renamed to `out`; the other parts are
 * left for the caller to remove. Resolves to the rows of the joined file.
 */
export function concatParquet(parts: readonly string[], out: string): number {
  if (parts.length === 0) throw new Error('concatParquet: no parts');
  const opened: Part[] = [];
  try {
    for (const [i, p] of parts.entries()) opened.push(openPart(p, i === 0 ? 'r+' : 'r'));
    const [first, ...rest] = opened as [Part, ...Part[]];
    for (const p of rest) {
      for (const id of [FILE.SCHEMA, FILE.KEY_VALUE]) {
        if (!same(first.footer, p.footer, id)) throw new Error(`${p.path}: its ${id === FILE.SCHEMA ? 'schema' : 'key-value metadata'} differs from ${first.path}'s; only files of one schema are joined`);
      }
    }
    const groups = required(first.footer, FILE.ROW_GROUPS, 'row groups').value as TList;
    const rows = required(first.footer, FILE.NUM_ROWS, 'row count');
    groups.items.forEach((rg, i) => moveRowGroup(rg as TStruct, 0n, i));
    // The first part's data stays where it is; each further part's data follows it.
    let end = first.footerStart;
    ftruncateSync(first.fd, end);
    const buf = Buffer.alloc(1 << 22);
    for (const p of rest) {
      const delta = BigInt(end - 4);
      for (const rg of (required(p.footer, FILE.ROW_GROUPS, 'row groups').value as TList).items as TStruct[]) {
        moveRowGroup(rg, delta, groups.items.length);
        groups.items.push(rg);
      }
      rows.value = (rows.value as bigint) + (required(p.footer, FILE.NUM_ROWS, 'row count').value as bigint);
      for (let pos = 4; pos < p.footerStart; ) {
        const n = readSync(p.fd, buf, 0, Math.min(buf.length, p.footerStart - pos), pos);
        if (n === 0) throw new Error(`${p.path}: unexpected end of file`);
        writeSync(first.fd, buf, 0, n, end);
        pos += n;
        end += n;
      }
    }
    const footer = writeStruct(first.footer);
    const tail = Buffer.alloc(8);
    tail.writeUInt32LE(footer.length, 0);
    MAGIC.copy(tail, 4);
    writeSync(first.fd, footer, 0, footer.length, end);
    writeSync(first.fd, tail, 0, 8, end + footer.length);
    renameSync(first.path, out);
    return Number(rows.value);
  } finally {
    for (const p of opened) closeSync(p.fd);
  }
}
