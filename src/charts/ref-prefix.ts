/**
 * The publisher's rows a data table cites (`data-ref`, figure.ts), written short: a table's refs mostly share their
 * file and sheet ("glotip.xlsx:Country data:"), so the table states that once (`data-ref-prefix`) and each cell keeps
 * its rows: one row number, or the list a summed value cites ("13052,13055-13058"). A ref from another file or sheet
 * is written whole; it has a ":", rows alone have none. So is a ref listing rows of several files ("a.csv::4; b.csv::2",
 * summed-ref.ts): its files are not the table's prefix.
 * The exact `file:sheet:row` is read back by `fullRef` (src/export/table-read.ts, for a chart's CSV).
 */

const SPLIT = /^([^;]*:)(\d[\d,-]*)$/;

/** The file-and-sheet prefix most of `refs` share (the first of equals), or null when none ends in rows. */
export function refPrefix(refs: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const ref of refs) {
    const prefix = SPLIT.exec(ref)?.[1];
    if (prefix !== undefined) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [prefix, n] of counts) if (best === null || n > counts.get(best)!) best = prefix;
  return best;
}

/** What a cell writes: the rows when the ref starts with the table's prefix, else the whole ref. */
export function shortRef(ref: string, prefix: string | null): string {
  const m = SPLIT.exec(ref);
  return prefix !== null && m?.[1] === prefix ? m[2]! : ref;
}

/** The whole ref from what a cell wrote and its table's prefix. */
export function fullRef(written: string, prefix: string | null): string {
  if (written.includes(':')) return written;
  if (prefix === null) throw new Error(`data-ref "${written}" names rows only, but its table has no data-ref-prefix`);
  return `${prefix}${written}`;
}
