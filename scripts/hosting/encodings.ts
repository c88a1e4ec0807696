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
