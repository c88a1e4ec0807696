import type { RawRow, RawTable } from '../../read-table.ts';
import { PipelineError } from '../../errors.ts';

/** Stops the build at a cell; the caller words the problem, since what was found is not always the raw cell. */
export function fail(t: RawTable, r: RawRow, column: string, problem: string): never {
  throw new PipelineError(t.at(r, column), problem);
}
