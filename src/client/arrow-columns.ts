/**
 * Rows as an Arrow table typed by the release's own column definitions (scripts/pipeline/model.ts ColumnDef, as the
 * pipeline writes them and the catalog lists them), so a table in the browser's engine has the file's types. The
 * buffers are built by hand: Arrow's builders compile their null test with `new Function`, which the CSP (no
 * 'unsafe-eval') rightly forbids.
 */
import type { ColumnDef } from '../../scripts/pipeline/model.ts';

type Column = Pick<ColumnDef, 'name' | 'type'>;

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

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a DATE as hyparquet gives it (a Date at UTC midnight) or as ISO text. */
function epochDays(v: unknown): number {
  const ms = v instanceof Date ? v.getTime() : Date.parse(`${String(v)}T00:00:00Z`);
  if (!Number.isFinite(ms)) throw new Error(`not a date: ${String(v)}`);
  return Math.round(ms / DAY_MS);
}

type Arrow = typeof import('apache-arrow');

/** One column's values as an Arrow vector of its SQL type. */
function vectorOf(arrow: Arrow, type: ColumnDef['type'], raw: readonly unknown[]): import('apache-arrow').Vector {
  const length = raw.length;
  const { bitmap, nulls } = validity(raw);
  const nullBitmap = nulls > 0 ? bitmap : undefined;
  if (type === 'VARCHAR') {
    const { offsets, bytes } = utf8Column(raw.map((v) => (v === null || v === undefined ? null : String(v))));
    return arrow.makeVector(arrow.makeData({ type: new arrow.Utf8(), length, nullCount: nulls, nullBitmap, valueOffsets: offsets, data: bytes }));
  }
  if (type === 'DOUBLE') {
    return arrow.makeVector(arrow.makeData({ type: new arrow.Float64(), length, nullCount: nulls, nullBitmap, data: Float64Array.from(raw, (v) => (v === null || v === undefined ? 0 : Number(v))) }));
  }
  if (type === 'INTEGER') {
    return arrow.makeVector(arrow.makeData({ type: new arrow.Int32(), length, nullCount: nulls, nullBitmap, data: Int32Array.from(raw, (v) => (v === null || v === undefined ? 0 : Number(v))) }));
  }
  if (type === 'BOOLEAN') {
    const bits = new Uint8Array(Math.ceil(length / 64) * 8);
    raw.forEach((v, i) => { if (v === true) bits[i >> 3]! |= 1 << (i & 7); });
    return arrow.makeVector(arrow.makeData({ type: new arrow.Bool(), length, nullCount: nulls, nullBitmap, data: bits }));
  }
  return arrow.makeVector(arrow.makeData({ type: new arrow.DateDay(), length, nullCount: nulls, nullBitmap, data: Int32Array.from(raw, (v) => (v === null || v === undefined ? 0 : epochDays(v))) }));
}

export async function arrowTable(columns: readonly Column[], rows: readonly Record<string, unknown>[]) {
  const arrow = await import('apache-arrow');
  const vectors: Record<string, import('apache-arrow').Vector> = {};
  for (const { name, type } of columns) vectors[name] = vectorOf(arrow, type, rows.map((r) => r[name] ?? null));
  return new arrow.Table(vectors);
}

/** Columns already apart (an uploaded CSV's), as an Arrow table: no row objects built on the way. */
export async function arrowTableOfColumns(columns: readonly (Column & { values: readonly unknown[] })[]) {
  const arrow = await import('apache-arrow');
  const vectors: Record<string, import('apache-arrow').Vector> = {};
  for (const { name, type, values } of columns) vectors[name] = vectorOf(arrow, type, values);
  return new arrow.Table(vectors);
}
