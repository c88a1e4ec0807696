/**
 * The two precompressed encodings, in the order the server prefers them, with the file suffix each is stored under
 * and the compressor that writes it: brotli at its best quality, gzip at level 9. Both are deterministic: the same
 * input gives the same bytes (Node's gzip header carries no timestamp or file name).
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

export interface EncodingSpec {
  /** The Content-Encoding token. */
  name: Encoding;
  suffix: '.br' | '.gz';
  /** Names the settings in the compression cache's keys, where one encoding has more than one (default: suffix). */
  cacheKey?: string;
  compress(bytes: Buffer): Promise<Buffer>;
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const ENCODINGS: readonly EncodingSpec[] = [
  {
    name: 'br',
    suffix: '.br',
    compress: (bytes) =>
      brotliAsync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
  },
  { name: 'gzip', suffix: '.gz', compress: (bytes) => gzipAsync(bytes, { level: 9 }) },
];

/**
 * Brotli at quality 9 for large downloads: on the release's 19 MB observations CSV it takes 3 s where quality 11
 * takes 46 s, for 1.03 MB instead of 0.75 MB. A build holds dozens of such files; the engine's WebAssembly, which
 * every workbench reader downloads, keeps the best quality (see precompress-site.ts, encodingsFor).
 */
export const FAST_BROTLI: EncodingSpec = {
  name: 'br',
  suffix: '.br',
  cacheKey: '.br-q9',
  compress: (bytes) =>
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
};
