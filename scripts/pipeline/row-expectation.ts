/**
 * A source must not shrink or vanish from a release unnoticed. A file with no data rows is never released. A file
 * with far fewer than its manifest's `rows` is truncated, emptied or no longer what the publisher used to put in it;
 * a person has to look before it is released, and say so by accepting the file (`npm run data -- --accept <id>`,
 * which shows what changes and records the new count). Growth is normal for these publishers and passes.
 *
 * Tolerance: up to 10% fewer rows than expected pass (publishers withdraw or merge a few records between editions);
 * more stops the run. The sha256 already pins the bytes, so this guards the hand-edited checksum: a new file taken
 * in without looking at it.
 */
import type { RawTable } from './read-table.ts';
import type { ResolvedFile } from './resolve-files.ts';
import type { FileAccount } from './ledger.ts';
import { PipelineError, type CellLocation } from './errors.ts';
import type { FileLayout } from './manifest.ts';

export const ROW_SHORTFALL_TOLERANCE = 0.1;

const acceptHint = (sourceId: string) => `if the publisher's file really is so, accept it on purpose: npm run data -- --accept ${sourceId}`;

/** Fewest data rows a file may have when its manifest expects `expected`. */
export function fewestRows(expected: number): number {
  return Math.ceil(expected * (1 - ROW_SHORTFALL_TOLERANCE));
}

export function checkRowsRead(file: ResolvedFile, table: RawTable): void {
  checkReadCount({ file: table.file, sheet: table.sheet }, table.rows.length, file.layout, file.sourceId);
}

/** The same, for a file whose rows were counted without being held (a streamed source). */
export function checkReadCount(where: CellLocation, read: number, layout: FileLayout, sourceId: string): void {
  if (read === 0) {
    throw new PipelineError(
      where,
      'no data rows below the header: the source would vanish from the release (a source its publisher has withdrawn is removed from data/sources, not released empty)',
    );
  }
  const expected = layout.rows;
  if (expected !== undefined && read < fewestRows(expected)) {
    throw new PipelineError(
      where,
      `${read} data rows where the manifest expects ${expected} (more than ${ROW_SHORTFALL_TOLERANCE * 100}% fewer stops the run): ` +
        `a truncated or emptied file? ${acceptHint(sourceId)}`,
    );
  }
}

/** Rows read but none released: every row quarantined means the source vanishes just the same. */
export function checkSomethingEmitted(a: FileAccount): void {
  if (a.read > 0 && a.emitted === 0) {
    throw new PipelineError({ file: a.file, sheet: a.sheet ?? undefined }, `all ${a.read} data rows quarantined, none released: the source would vanish from the release`);
  }
}
