/**
 * Reads only the row groups of a release Parquet file that can hold the wanted values (the release is sorted by
 * indicator, so each indicator lives in one or two groups; hyparquet skips the others by their min/max statistics).
 * Range requests to the site's own origin; nothing else.
 */
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

export type Row = Record<string, unknown>;

/** The footer of a release file is a few kilobytes; hyparquet's default first read (512 KiB) would fetch most of it. */
const FOOTER_GUESS = 1 << 16;

interface Opened {
  file: AsyncBuffer;
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

async function fetchRange(url: string, start: number, end: number): Promise<{ bytes: ArrayBuffer; total: number | null }> {
  const r = await fetch(url, { headers: { Range: `bytes=${start}-${end - 1}` } });
  if (r.status === 200) {
    // A server without range support sends the whole file.
    const all = await r.arrayBuffer();
    return { bytes: all.slice(start, end), total: all.byteLength };
  }
  if (r.status !== 206) throw new Error(`${url}: HTTP ${r.status}`);
  return { bytes: await r.arrayBuffer(), total: totalFromContentRange(r.headers.get('Content-Range')) };
}

/**
 * A file on the site's origin read by range requests. With the size the page was built with (the release is
 * immutable: its path carries the version hash), the first request fetches the footer directly; the response's
 * Content-Range confirms the size. Without it, a HEAD request asks first.
 */
async function remoteFile(url: string, sizeHint: number | null): Promise<{ file: AsyncBuffer; tail: ArrayBuffer }> {
  let size = sizeHint;
  if (size === null) {
    const head = await fetch(url, { method: 'HEAD' });
    size = Number(head.headers.get('Content-Length'));
    if (!head.ok || !(size > 0)) throw new Error(`${url}: HTTP ${head.status}, no size`);
  }
  let tailStart = Math.max(0, size - FOOTER_GUESS);
  let { bytes: tail, total } = await fetchRange(url, tailStart, size);
  if (total !== null && total !== size) {
    // The page's size hint was stale: read the real tail.
    size = total;
    tailStart = Math.max(0, size - FOOTER_GUESS);
    tail = (await fetchRange(url, tailStart, size)).bytes;
  }
  const byteLength = size;
  const file: AsyncBuffer = {
    byteLength,
    async slice(start, end = byteLength) {
      if (start >= tailStart) return tail.slice(start - tailStart, end - tailStart);
      return (await fetchRange(url, start, end)).bytes;
    },
  };
  return { file, tail };
}

function open(url: string, sizeHint: number | null, onBytes: (n: number) => void): Promise<Opened> {
  let o = opened.get(url);
  if (!o) {
    o = (async () => {
      const { file, tail } = await remoteFile(url, sizeHint);
      onBytes(tail.byteLength);
      const meta = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_GUESS });
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

/** Rows of the file whose `column` is one of `values`, with every column of the file. */
export async function readSlice(src: ParquetSource, column: string, values: string[], onBytes: (n: number) => void = () => undefined): Promise<Row[]> {
  if (values.length === 0) return [];
  const { file, meta } = await open(src.url, src.bytes, onBytes);
  return (await parquetReadObjects({
    file: counting(file, onBytes),
    metadata: meta,
    filter: { [column]: { $in: values } },
    compressors,
  })) as Row[];
}
