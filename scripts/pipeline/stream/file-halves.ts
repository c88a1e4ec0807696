/**
 * A streamed source's files in two runs of consecutive files holding about the same bytes, so two single-threaded
 * DuckDB sessions each take one run from start to end and finish together. A run keeps the files' order, so the
 * runs' outputs laid one after the other are in file order. One file gives one run.
 */
import { statSync } from 'node:fs';
import type { StreamedFile } from './scan-file.ts';

/** Where to cut `sizes` (file sizes, in order) so the two sides' sums differ least; 0 < cut < length. */
export function halfCut(sizes: readonly number[]): number {
  const total = sizes.reduce((s, n) => s + n, 0);
  let best = 1;
  let before = 0;
  let bestGap = Infinity;
  for (let cut = 1; cut < sizes.length; cut++) {
    before += sizes[cut - 1]!;
    const gap = Math.abs(total - 2 * before);
    if (gap < bestGap) [best, bestGap] = [cut, gap];
  }
  return best;
}

export function fileHalves(files: readonly StreamedFile[]): StreamedFile[][] {
  if (files.length < 2) return [[...files]];
  const cut = halfCut(files.map((f) => statSync(f.path).size));
  return [files.slice(0, cut), files.slice(cut)];
}
