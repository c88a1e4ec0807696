import type { FileLayout } from './manifest.ts';
import type { Cell } from './read-table.ts';
import { PipelineError } from './errors.ts';
import { describeHeaderDiff, headerDiff } from './header-diff.ts';

/** The header as text; a trailing run of empty cells beyond the expected columns is layout noise, not a change. */
function headerText(found: Cell[], expected: number): string[] {
  const got = found.map((c) => (c === null ? '' : String(c)));
  while (got.length > expected && got[got.length - 1] === '') got.pop();
  return got;
}

const SEPARATORS = [',', ';', '\t', '|'];

/** When the expected names appear joined by another character, the file is split on another separator. */
function separatorHint(layout: FileLayout, got: string[]): string {
  const [first, second] = layout.columns;
  const expected = layout.delimiter ?? ',';
  if (layout.format !== 'csv' || second === undefined) return '';
  const line = got.join(expected);
  const found = SEPARATORS.find((sep) => sep !== expected && line.includes(`${first}${sep}${second}`));
  return found ? `: the file is separated by ${JSON.stringify(found)}, not ${JSON.stringify(expected)}` : '';
}

/** The header must be the manifest's `columns` exactly; the first difference is named, and what changed overall. */
export function checkHeader(layout: FileLayout, found: Cell[]): void {
  const want = layout.columns;
  const got = headerText(found, want.length);
  const i = want.findIndex((c, k) => got[k] !== c);
  const at = i >= 0 ? i : got.length > want.length ? want.length : -1;
  if (at < 0) return;
  const diff = headerDiff(want, got);
  const why = separatorHint(layout, got) || (diff ? ` (${describeHeaderDiff(diff)})` : '');
  throw new PipelineError(
    { file: layout.name, sheet: layout.sheet, row: layout.header_row, column: want[at] ?? got[at] },
    `header changed: expected column ${at + 1} to be ${JSON.stringify(want[at] ?? null)}, found ${JSON.stringify(got[at] ?? null)}${why}`,
  );
}

/** The header again among the data: two files pasted together, or a duplicated header line. */
export function checkNotHeader(layout: FileLayout, row: number, cells: Cell[]): void {
  if (layout.columns.every((c, i) => String(cells[i] ?? '') === c)) {
    throw new PipelineError({ file: layout.name, sheet: layout.sheet, row }, 'the header row repeats here: two files pasted together, or a duplicated header');
  }
}
