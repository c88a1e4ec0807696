/**
 * The `source_ref` of a value a chart or its loader sums from released values (a stack's reported total, a flow over
 * years, a bin of incidents): every publisher's row it was summed from, in the form the pipeline gives its own
 * aggregates — `file:sheet:rows`, the rows as compact ranges ("13052,13055-13058"). Rows of several files or sheets
 * are listed file by file, separated by "; " (in the order the files first appear). So a derived value never has a
 * blank ref that reads like a missing one, and each row it adds up can be found.
 */
import { rowRanges } from '../../scripts/pipeline/model.ts';

/** A file's prefix and its rows: "a.xlsx:S:" and "4-7,12". */
const SPLIT = /^(.*:)(\d[\d,-]*)$/;
export const REF_LIST_SEPARATOR = '; ';

function rowsOf(list: string, ref: string): number[] {
  return list.split(',').flatMap((part) => {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from) throw new Error(`summed ref: cannot read rows "${part}" of ${ref}`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
}

/** One row of one file, which is already its own summed ref: most flows of one year sum a single row. */
const ONE_ROW = /^[^;]*:[1-9]\d*$/;

/** One ref citing every row the given refs cite; null when none is given (nothing was summed). */
export function summedRef(refs: Iterable<string>): string | null {
  const list = [...refs];
  if (list.length === 1 && ONE_ROW.test(list[0]!)) return list[0]!;
  const byFile = new Map<string, number[]>();
  for (const refList of list) {
    for (const ref of refList.split(REF_LIST_SEPARATOR)) {
      const m = SPLIT.exec(ref);
      if (!m) throw new Error(`summed ref: "${ref}" is not file:sheet:rows`);
      const rows = byFile.get(m[1]!) ?? [];
      rows.push(...rowsOf(m[2]!, ref));
      byFile.set(m[1]!, rows);
    }
  }
  if (byFile.size === 0) return null;
  return [...byFile].map(([prefix, rows]) => `${prefix}${rowRanges(rows)}`).join(REF_LIST_SEPARATOR);
}

/** A sum's ref: every row it adds, or none when one of them has no row to cite (a list short of one would cite less). */
export function refOfSum(refs: readonly (string | null | undefined)[]): string | null {
  return refs.every((r): r is string => typeof r === 'string' && r !== '') ? summedRef(refs) : null;
}
