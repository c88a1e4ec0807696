/**
 * Reads only the row groups of a release Parquet file that can hold the wanted values (the release is sorted by
 * indicator, so each indicator lives in one or two groups; hyparquet skips the others by their min/max statistics).
 * Range requests to the site's own origin; nothing else.
 */
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from './zstd.ts';
import { ReadFailure } from './read-failure.ts';
import { FOOTER_GUESS, overTail, tailStart as firstByte } from './file-tail.ts';
import type { OpenedView } from './view-read.ts';

export type Row = Record<string, unknown>;


interface Opened {
  /** The file, read with one caller's signal: the opened file is shared, and a cancel stops only that caller's reads. */
  file(signal?: AbortSignal): AsyncBuffer;
  meta: FileMetaData;
}

const opened = new Map<string, Promise<Opened>>();

/** Byte counting wraps the file's reader, so progress reflects what actually crossed the network. */
function counting(file: AsyncBuffer, onBytes: (n: number) => void): AsyncBuffer {
  return {
    byteLength: file.byteLength,
    slice: async (s: number, e?: number) => {
      const b = await file.slice(s, e);
      onBytes(b.byteLength);
      return b;
    },
  };
}

/** Total size from a 206 response's `Content-Range: bytes a-b/total`. */
export function totalFromContentRange(header: string | null): number | null {
  const m = header ? /\/(\d+)\s*$/.exec(header) : null;
  return m ? Number(m[1]) : null;
}

/**
 * Bytes [start, end) of the file. Anything but those bytes is a failure, never a shorter read: a refused range (416),
 * an error page, or a body cut short would otherwise be decoded as a smaller file, and shown as "no data".
 */
async function fetchRange(url: string, start: number, end: number, signal?: AbortSignal): Promise<{ bytes: ArrayBuffer; total: number | null }> {
  const r = await fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` }, ...(signal ? { signal } : {}) });
  let bytes: ArrayBuffer;
  let total: number | null;
  if (r.status === 200) {
    // A server without range support sends the whole file.
    const all = await r.arrayBuffer();
    bytes = all.slice(start, end);
    total = all.byteLength;
  } else if (r.status === 206) {
    bytes = await r.arrayBuffer();
    total = totalFromContentRange(r.headers.get('Content-Range'));
  } else {
    throw new ReadFailure('data', { kind: 'http', status: r.status });
  }
  // A file smaller than the page was told (a stale size hint) ends the range early; the caller re-reads its tail.
  const expected = Math.max(0, Math.min(end, total ?? end) - start);
  if (bytes.byteLength !== expected) throw new ReadFailure('data', { kind: 'truncated', got: bytes.byteLength, expected });
  return { bytes, total };
}

/**
 * A file on the site's origin read by range requests. With the size the page was built with (the release is
 * immutable: its path carries the version hash), the first request fetches the footer directly; the response's
 * Content-Range confirms the size. Without it, a HEAD request asks first.
 */
async function remoteFile(url: string, sizeHint: number | null, signal?: AbortSignal): Promise<{ file: Opened['file']; tail: ArrayBuffer }> {
  let size = sizeHint;
  if (size === null) {
    const head = await fetch(url, { method: 'HEAD', ...(signal ? { signal } : {}) });
    size = Number(head.headers.get('Content-Length'));
    // Reading the (empty) body lets the request complete; a response left unread is cancelled by the browser.
    await head.arrayBuffer();
    if (!head.ok || !(size > 0)) throw new ReadFailure('data', { kind: 'http', status: head.status });
  }
  let tailStart = firstByte(size);
  let { bytes: tail, total } = await fetchRange(url, tailStart, size, signal);
  if (total !== null && total !== size) {
    // The page's size hint was stale: read the real tail.
    size = total;
    tailStart = firstByte(size);
    tail = (await fetchRange(url, tailStart, size, signal)).bytes;
  }
  const byteLength = size;
  const start = tailStart;
  const file = (reader?: AbortSignal): AsyncBuffer =>
    overTail(byteLength, start, tail, async (s, e) => (await fetchRange(url, s, e, reader)).bytes);
  return { file, tail };
}

function open(url: string, sizeHint: number | null, onBytes: (n: number) => void, signal?: AbortSignal): Promise<Opened> {
  let o = opened.get(url);
  if (!o) {
    o = (async () => {
      const { file, tail } = await remoteFile(url, sizeHint, signal);
      onBytes(tail.byteLength);
      const meta = await parquetMetadataAsync(file(signal), { initialFetchSize: FOOTER_GUESS });
      return { file, meta };
    })();
    o.catch(() => opened.delete(url));
    opened.set(url, o);
  }
  return o;
}

export interface ParquetSource {
  url: string;
  /** The file's size in bytes, if the page knows it (saves a HEAD request). */
  bytes: number | null;
}

export interface SliceOptions {
  /** Called with the size of every response body, for progress. */
  onBytes?: (n: number) => void;
  /** Stops the reads (a cancelled load); the file's opened footer is then forgotten, like after any failure. */
  signal?: AbortSignal;
}

const views = new Map<string, Promise<OpenedView>>();

/**
 * A view file (src/client/view-read.ts) on this origin, opened once per page: its footer read (a small file's
 * whole content comes with it) and its decoded row groups kept for later views.
 */
export function openView(src: ParquetSource, { onBytes = () => undefined, signal }: SliceOptions = {}): Promise<OpenedView> {
  let v = views.get(src.url);
  if (!v) {
    v = open(src.url, src.bytes, onBytes, signal).then(({ file, meta }) => ({
      file: (reader?: AbortSignal, count: (n: number) => void = () => undefined) => counting(file(reader), count),
      meta,
      groups: new Map(),
    }));
    v.catch(() => views.delete(src.url));
    views.set(src.url, v);
  }
  return v;
}

/** Rows of the file whose `column` is one of `values`, with every column of the file. */
export async function readSlice(src: ParquetSource, column: string, values: string[], { onBytes = () => undefined, signal }: SliceOptions = {}): Promise<Row[]> {
  if (values.length === 0) return [];
  const { file, meta } = await open(src.url, src.bytes, onBytes, signal);
  return (await parquetReadObjects({
    file: counting(file(signal), onBytes),
    metadata: meta,
    filter: { [column]: { $in: values } },
    compressors,
  })) as Row[];
}
