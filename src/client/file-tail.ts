/**
 * How a Parquet file is read over the network: one first request for its tail — the whole file when it is small
 * (one round trip answers every view of it), the footer otherwise — then only the byte ranges asked for. A range that
 * reaches into the tail fetches only the part before it.
 */
import type { AsyncBuffer } from 'hyparquet';

/** A file up to this size is read whole by the first request: a second round trip costs more than its bytes. */
export const WHOLE_FILE = 64 * 1024;
/** The first read of a larger file: a view file's footer is a few kilobytes (hyparquet reads on if it is larger). */
export const FOOTER_GUESS = 16 * 1024;

/** Where the first read starts. */
export const tailStart = (size: number): number => (size <= WHOLE_FILE ? 0 : size - FOOTER_GUESS);

/** The file as an AsyncBuffer over its fetched tail; `fetch(start, end)` reads bytes before the tail. */
export function overTail(size: number, start: number, tail: ArrayBuffer, fetch: (s: number, e: number) => Promise<ArrayBuffer>): AsyncBuffer {
  return {
    byteLength: size,
    async slice(s, e = size) {
      if (s >= start) return tail.slice(s - start, e - start);
      if (e <= start) return fetch(s, e);
      const head = new Uint8Array(await fetch(s, start));
      const out = new Uint8Array(e - s);
      out.set(head, 0);
      out.set(new Uint8Array(tail, 0, e - start), start - s);
      return out.buffer;
    },
  };
}
