/**
 * Reads only the row groups of a release Parquet file that can hold the wanted indicators (the release is sorted by
 * indicator, so each indicator lives in one or two groups). Range requests to the site's own origin; nothing else.
 */
import { asyncBufferFromUrl, parquetMetadataAsync, parquetReadObjects, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

export type Row = Record<string, unknown>;

function groupRanges(meta: FileMetaData, column: string, wanted: Set<string>): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  for (const g of meta.row_groups) {
    const n = Number(g.num_rows);
    const chunk = g.columns.find((c) => c.meta_data?.path_in_schema.join('.') === column);
    const stats = chunk?.meta_data?.statistics;
    const min = stats?.min_value ?? stats?.min;
    const max = stats?.max_value ?? stats?.max;
    const hit = min === undefined || max === undefined || [...wanted].some((w) => String(min) <= w && w <= String(max));
    if (hit) ranges.push([start, start + n]);
    start += n;
  }
  return ranges;
}

/** Rows of `url` whose `column` is one of `values`. */
export async function readSlice(url: string, column: string, values: string[], onBytes?: (n: number) => void): Promise<Row[]> {
  const file = await asyncBufferFromUrl({ url });
  const counted = onBytes
    ? { byteLength: file.byteLength, slice: async (s: number, e?: number) => { const b = await file.slice(s, e); onBytes(b.byteLength); return b; } }
    : file;
  const meta = await parquetMetadataAsync(counted);
  const wanted = new Set(values);
  const out: Row[] = [];
  for (const [rowStart, rowEnd] of groupRanges(meta, column, wanted)) {
    const rows = (await parquetReadObjects({ file: counted, metadata: meta, rowStart, rowEnd, compressors })) as Row[];
    for (const r of rows) if (wanted.has(String(r[column]))) out.push(r);
  }
  return out;
}
