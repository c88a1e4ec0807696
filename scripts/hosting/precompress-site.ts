/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a built site, the twins a static server (or
 * `npm run serve`) sends to a browser that accepts them. A twin that would save too little is not written, and a
 * stale one from an earlier build is removed, so a twin on disk always decodes to the file beside it.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { hasCompressibleType, worthCompressing, worthKeeping } from './compressible.ts';
import { compressCached, sha256 } from './compression-cache.ts';
import { ENCODINGS, FAST_BROTLI, type Encoding, type EncodingSpec } from './encodings.ts';

export interface CompressedFile {
  /** Path relative to the site's root, with `/` separators. */
  path: string;
  raw: number;
  /** Bytes of each twin written; an encoding is absent when its twin would save too little. */
  twins: Partial<Record<Encoding, number>>;
  /** Twins taken from the cache rather than compressed in this run. */
  cached: number;
}

export interface PrecompressReport {
  files: CompressedFile[];
  /** Compressible files too small to be worth a twin. */
  small: number;
  compressed: number;
  cached: number;
  ms: number;
}

/** Every file under `root` whose type is compressible (twins themselves are not: their suffix is not). */
export function compressibleFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && hasCompressibleType(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function removeTwin(file: string): void {
  if (existsSync(file)) rmSync(file);
}

/** Files above this size that are not WebAssembly (data downloads) get FAST_BROTLI. */
export const LARGE_DOWNLOAD = 4 * 1024 * 1024;

export function encodingsFor(file: string, bytes: number): readonly EncodingSpec[] {
  return bytes > LARGE_DOWNLOAD && !file.endsWith('.wasm') ? ENCODINGS.map((e) => (e.name === 'br' ? FAST_BROTLI : e)) : ENCODINGS;
}

async function precompressFile(root: string, file: string, cacheDir: string): Promise<CompressedFile> {
  const raw = readFileSync(file);
  const hash = sha256(raw);
  const entry: CompressedFile = { path: relative(root, file).split('\\').join('/'), raw: raw.length, twins: {}, cached: 0 };
  for (const encoding of encodingsFor(file, raw.length)) {
    const twin = `${file}${encoding.suffix}`;
    const out = await compressCached(raw, hash, encoding, cacheDir);
    if (out.cached) entry.cached++;
    if (!worthKeeping(raw.length, out.bytes.length)) {
      removeTwin(twin);
      continue;
    }
    writeFileSync(twin, out.bytes);
    entry.twins[encoding.name] = out.bytes.length;
  }
  return entry;
}

/** Runs `work` over `items` with at most `limit` at a time; results in the items' order. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function precompressSite(root: string, cacheDir: string): Promise<PrecompressReport> {
  const t0 = performance.now();
  const candidates = compressibleFiles(root);
  const small = candidates.filter((f) => !worthCompressing(statSync(f).size));
  for (const f of small) for (const e of ENCODINGS) removeTwin(`${f}${e.suffix}`);
  const large = candidates.filter((f) => worthCompressing(statSync(f).size));
  // Largest first: the engine's WebAssembly alone takes most of a cold run, so it must not start last.
  large.sort((a, b) => statSync(b).size - statSync(a).size);
  // zlib runs in libuv's thread pool (4 threads by default): more files at once than that only queue.
  const files = await inPool(large, Math.max(1, Math.min(4, availableParallelism())), (f) => precompressFile(root, f, cacheDir));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const cached = files.reduce((n, f) => n + f.cached, 0);
  return { files, small: small.length, compressed: files.length * ENCODINGS.length - cached, cached, ms: performance.now() - t0 };
}
