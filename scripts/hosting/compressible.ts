/**
 * Which built files get precompressed twins: text and WebAssembly, which shrink several-fold. Parquet, images and
 * fonts are compressed inside already (and Parquet is read by Range, which is served from the identity bytes).
 * A twin is kept only when it saves enough to be worth a second request path: below ~1 KB the headers dominate.
 */
import { extname } from 'node:path';

const EXTENSIONS = new Set(['.html', '.css', '.js', '.mjs', '.json', '.map', '.webmanifest', '.svg', '.xml', '.csv', '.txt', '.wasm']);

export const MIN_BYTES = 1024;
/** A twin must be at least this much smaller than the original (5%). */
export const MIN_SAVING = 0.05;

export function hasCompressibleType(file: string): boolean {
  return EXTENSIONS.has(extname(file).toLowerCase());
}

export function worthCompressing(rawBytes: number): boolean {
  return rawBytes >= MIN_BYTES;
}

export function worthKeeping(rawBytes: number, compressedBytes: number): boolean {
  return compressedBytes <= rawBytes * (1 - MIN_SAVING);
}
