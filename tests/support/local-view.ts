/** A view file on disk opened as the browser opens one over HTTP, counting the bytes each read takes. */
import { openSync, readSync, fstatSync, closeSync } from 'node:fs';
import { parquetMetadataAsync, type AsyncBuffer } from 'hyparquet';
import type { OpenedView } from '../../src/client/view-read.ts';

export interface CountedView extends OpenedView {
  /** Bytes read from the file so far (footer included). */
  bytesRead(): number;
  close(): void;
}

export async function openLocalView(path: string, footerGuess = 1 << 16): Promise<CountedView> {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let read = 0;
  const slice = (start: number, end = size) => {
    const buf = Buffer.alloc(end - start);
    readSync(fd, buf, 0, end - start, start);
    read += end - start;
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  };
  // As in the browser: one read of the tail, which holds the footer (and all of a small file).
  const tailStart = Math.max(0, size - footerGuess);
  const tail = slice(tailStart, size);
  const file: AsyncBuffer = {
    byteLength: size,
    slice: (start, end = size) => (start >= tailStart ? tail.slice(start - tailStart, end - tailStart) : slice(start, end)),
  };
  const meta = await parquetMetadataAsync(file);
  return { file: () => file, meta, groups: new Map(), bytesRead: () => read, close: () => closeSync(fd) };
}
