/**
 * Precompression over a small built site written here: twins beside compressible files that decode to them, none
 * for small, incompressible or binary files, stale twins replaced or removed, the same bytes on every run, and a
 * second run served from the cache.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressSite } from '../../scripts/hosting/precompress-site.ts';

/** Bytes that no compressor can shrink: a xorshift sequence (fixed seed, so the fixture is the same every run). */
function noise(n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const FILES: Record<string, string | Buffer> = {
  'index.html': `<!doctype html>${'<p>Detected victims of trafficking, by year and sex.</p>\n'.repeat(100)}`,
  '_astro/app.js': `export const years = [${Array.from({ length: 400 }, (_, i) => 1990 + (i % 35)).join(',')}];\n`,
  '_astro/engine.wasm': Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(4000)]),
  'data/v1/quality.json': JSON.stringify(Array.from({ length: 100 }, (_, i) => ({ source: 'unodc-glotip', row: i }))),
  // Under the 1 KB floor: no twins.
  '_astro/small.css': 'body{margin:0}',
  // A text type whose content does not compress: twins would not save 5%.
  'data/v1/noise.txt': noise(4096),
  // Not a compressible type at any size.
  'data/v1/observations.parquet': Buffer.alloc(8192),
  'logo.png': Buffer.alloc(4096),
};
const TWINNED = ['index.html', '_astro/app.js', '_astro/engine.wasm', 'data/v1/quality.json'];

let base: string;
let root: string;
let cache: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'cto-precompress-'));
  root = join(base, 'dist');
  cache = join(base, 'cache');
  for (const [path, body] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), body);
  }
  // Left by an earlier build: a twin of a file that changed, and one of a file now too small to twin.
  writeFileSync(join(root, 'index.html.br'), 'stale');
  writeFileSync(join(root, '_astro/small.css.gz'), 'stale');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function twinsOnDisk(): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.br') || f.endsWith('.gz'))
    .sort();
}

describe('precompressing a built site', () => {
  let first: Map<string, Buffer>;

  it('writes .br and .gz beside each compressible file of 1 KB or more, each decoding to it', async () => {
    const report = await precompressSite(root, cache);
    expect(twinsOnDisk()).toEqual(TWINNED.flatMap((f) => [`${f}.br`, `${f}.gz`]).sort());
    for (const f of TWINNED) {
      const raw = readFileSync(join(root, f));
      expect(brotliDecompressSync(readFileSync(join(root, `${f}.br`))).equals(raw), `${f}.br`).toBe(true);
      expect(gunzipSync(readFileSync(join(root, `${f}.gz`))).equals(raw), `${f}.gz`).toBe(true);
    }
    expect(report.files.map((f) => f.path)).toEqual(['_astro/app.js', '_astro/engine.wasm', 'data/v1/noise.txt', 'data/v1/quality.json', 'index.html']);
    expect(report.files.find((f) => f.path === 'data/v1/noise.txt')!.twins).toEqual({});
    expect(report.small).toBe(1);
    expect(report.cached).toBe(0);
    first = new Map(twinsOnDisk().map((f) => [f, readFileSync(join(root, f))]));
  });

  it('removed the stale twins of a file too small to twin', () => {
    expect(existsSync(join(root, '_astro/small.css.gz'))).toBe(false);
  });

  it('a second run takes every output from the cache and writes the same bytes', async () => {
    const again = await precompressSite(root, cache);
    expect(again.compressed).toBe(0);
    expect(again.cached).toBe(TWINNED.length * 2 + 2);
    for (const [f, bytes] of first) expect(readFileSync(join(root, f)).equals(bytes), f).toBe(true);
  });

  it('without the cache, the same input still gives the same bytes', async () => {
    rmSync(cache, { recursive: true, force: true });
    for (const f of twinsOnDisk()) rmSync(join(root, f));
    const cold = await precompressSite(root, cache);
    expect(cold.cached).toBe(0);
    for (const [f, bytes] of first) expect(readFileSync(join(root, f)).equals(bytes), f).toBe(true);
  });

  it('a changed file gets new twins (the cache is keyed by content, not name)', async () => {
    const changed = `${FILES['index.html'] as string}<p>one more line</p>\n`;
    writeFileSync(join(root, 'index.html'), changed);
    const report = await precompressSite(root, cache);
    expect(report.compressed).toBe(2);
    expect(brotliDecompressSync(readFileSync(join(root, 'index.html.br'))).toString()).toBe(changed);
    expect(gunzipSync(readFileSync(join(root, 'index.html.gz'))).toString()).toBe(changed);
  });
});
