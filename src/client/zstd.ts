/**
 * The one Parquet codec the release uses (ZSTD: scripts/pipeline/release/write-parquet.ts and write-views.ts), without
 * the other decoders hyparquet-compressors bundles (brotli's dictionary alone is ~100 KB of the first interaction).
 */
import { decompress } from 'fzstd';
import type { Compressors } from 'hyparquet';

export const compressors: Compressors = {
  ZSTD: (input, outputLength) => decompress(input, new Uint8Array(outputLength)),
};
