/** A view file on disk opened as the browser opens one over HTTP (file-tail.ts), counting the bytes each read takes. */
import { openSync, readSync, fstatSync, closeSync } from 'node:fs';
import { parquetMetadataAsync } from 'hyparquet';
import type { OpenedView } from '../../src/client/view-read.ts';
import { FOOTER_GUESS, overTail, tailStart } from '../../src/client/file-tail.ts';

export interface CountedView extends OpenedView {
  /** Bytes read from the file so far (the first read included). */
  bytesRead(): number;
  close(): void;
}

/** `firstRead` overrides where the first read starts (a test that wants every row group to be a real read). */
export async function openLocalView(path: string, firstRead?: number): Promise<CountedView> {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  let read = 0;
  const readBytes = async (start: number, end: number) => {
    const buf = Buffer.alloc(end - start);
    readSync(fd, buf, 0, end - start, start);
    read += end - start;
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  };
  const start = firstRead === undefined ? tailStart(size) : Math.max(0, size - firstRead);
  const file = overTail(size, start, await readBytes(start, size), readBytes);
  const meta = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_GUESS });
  return { file: () => file, meta, groups: new Map(), bytesRead: () => read, close: () => closeSync(fd) };
}
