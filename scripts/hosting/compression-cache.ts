/**
 * Compressed bytes kept by the sha256 of their input, so that a rebuild compresses only what changed (brotli at its
 * best quality takes about a minute for the engine's 34 MB WebAssembly). The key also names the encoding and a
 * settings version: changing a compressor's settings must bump it, or old outputs would be served as new.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EncodingSpec } from './encodings.ts';

const SETTINGS_VERSION = 1;

export interface CachedCompression {
  bytes: Buffer;
  cached: boolean;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function compressCached(raw: Buffer, hash: string, encoding: EncodingSpec, cacheDir: string): Promise<CachedCompression> {
  const file = join(cacheDir, `${hash}.v${SETTINGS_VERSION}${encoding.cacheKey ?? encoding.suffix}`);
  if (existsSync(file)) return { bytes: readFileSync(file), cached: true };
  const bytes = await encoding.compress(raw);
  mkdirSync(cacheDir, { recursive: true });
  // Written aside then renamed: an interrupted run never leaves a truncated entry to be served later.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return { bytes, cached: false };
}
