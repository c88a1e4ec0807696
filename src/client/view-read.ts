/**
 * Reads the rows of a few places from a view file: the row groups that can hold them (row-groups.ts), fetched as a
 * few coalesced byte ranges in parallel, decoded once and kept, so a later view of the same places reads nothing.
 * Works on any hyparquet AsyncBuffer: range requests in the browser, a local file in tests and the bench.
 */
import { parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from './zstd.ts';
import { coalesce, groupsHolding, type Span } from './row-groups.ts';

export type Row = Record<string, unknown>;

export interface OpenedView {
  /** The file, read with one caller's signal (see parquet-slice.ts), reporting each body's size to `onBytes`. */
  file(signal?: AbortSignal, onBytes?: (n: number) => void): AsyncBuffer;
  meta: FileMetaData;
  /** Decoded row groups by index: a group is fetched and decoded once per page. */
  groups: Map<number, Row[]>;
}

/** Ranges this far apart are fetched in one request: a round trip costs more than a few kilobytes. */
const GAP = 16 * 1024;

/** A buffer that answers from bytes already fetched, and asks `file` for anything else. */
function prefetched(file: AsyncBuffer, spans: { span: Span; bytes: ArrayBuffer }[]): AsyncBuffer {
  return {
    byteLength: file.byteLength,
    slice(start, end = file.byteLength) {
      const hit = spans.find(({ span }) => span.start <= start && end <= span.end);
      return hit ? hit.bytes.slice(start - hit.span.start, end - hit.span.start) : file.slice(start, end);
    },
  };
}

/** Rows of the groups that can hold `geos` (all groups when null), in file order; other places' rows may be among them. */
export async function readPlaces(view: OpenedView, geos: readonly string[] | null, { signal, onBytes }: { signal?: AbortSignal; onBytes?: (n: number) => void } = {}): Promise<Row[]> {
  const plan = groupsHolding(view.meta, 'geo', geos);
  const missing = plan.filter((g) => !view.groups.has(g.index));
  if (missing.length > 0) {
    const file = view.file(signal, onBytes);
    const spans = coalesce(missing.map((g) => ({ start: g.byteStart, end: g.byteEnd })), GAP);
    const fetched = await Promise.all(spans.map(async (span) => ({ span, bytes: await file.slice(span.start, span.end) })));
    const buffer = prefetched(file, fetched);
    const decoded = await Promise.all(missing.map((g) =>
      parquetReadObjects({ file: buffer, metadata: view.meta, rowStart: g.rowStart, rowEnd: g.rowEnd, compressors })));
    missing.forEach((g, i) => view.groups.set(g.index, decoded[i] as Row[]));
  }
  return plan.flatMap((g) => view.groups.get(g.index)!);
}
