/**
 * What starting the workbench's engine costs a reader, in the bytes a host that serves the build's brotli twins
 * sends: DuckDB-WASM's WebAssembly and its worker, compressed exactly as `npm run precompress` will compress them
 * (the same cache, so the build does this work once).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { compressCached, sha256 } from '../../scripts/hosting/compression-cache.ts';
import { ENCODINGS } from '../../scripts/hosting/encodings.ts';
import { join } from 'node:path';

export interface EngineCost {
  /** Bytes sent with brotli. */
  brotli: number;
  /** Bytes as stored (sent to a client or host without brotli). */
  raw: number;
}

const require = createRequire(import.meta.url);
// `npm run precompress`'s cache (scripts/cli/options.ts). From the working directory, as src/lib/release.ts finds the
// release: this module runs bundled under dist/ during the build, where its own path says nothing of the project's.
const CACHE = join(process.cwd(), '.tmp', 'precompress');
const FILES = ['@duckdb/duckdb-wasm/dist/duckdb-eh.wasm', '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'];

export async function engineCost(): Promise<EngineCost> {
  const br = ENCODINGS.find((e) => e.name === 'br')!;
  let brotli = 0;
  let raw = 0;
  for (const f of FILES) {
    const bytes = readFileSync(require.resolve(f));
    raw += bytes.length;
    brotli += (await compressCached(bytes, sha256(bytes), br, CACHE)).bytes.length;
  }
  return { brotli, raw };
}
