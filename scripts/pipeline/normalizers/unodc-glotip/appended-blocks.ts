/**
 * The file is one sorted block (rows 4–37754) followed by two blocks UNODC appended: sex totals (Dimension Total,
 * Sex ≠ Total, Age = Total) and every 'Other forms of exploitation' row. In those blocks a key that occurs more than
 * once is a set of unsummed parts, not a repeat: the sex block lists the 0–17 and 18+ values under Age = Total
 * (e.g. Bolivia 2017 female: 62 and 43, the 18+ and 0–17 rows), and the other-forms block lists sub-forms under one
 * label, in some countries together with their total (Finland 2019: 72, 6, 52, 5 where the total leaves room for
 * 72 only). No row of such a group is the value for its key, so all of them are quarantined.
 */
import type { RawRow, RawTable } from '../../read-table.ts';
import { text } from '../../values.ts';
import { DIMENSIONS, OTHER_FORMS, type Dimension } from './dimensions.ts';
import { REASONS } from './reasons.ts';

/** The two appended blocks, recognised by their shape. */
export function derivedBlockReason(dimension: Dimension, category: string | null, sex: string | null, age: string | null): string | null {
  if (dimension === 'Total' && sex !== 'Total' && age === 'Total') return REASONS.sexBlockParts;
  if (category === OTHER_FORMS) return REASONS.otherFormsParts;
  return null;
}

/** The key cells as published: the repeats are found in a pass over the raw rows, before any row is parsed. */
export function rawKey(t: RawTable, r: RawRow): string {
  return ['Iso3_code', 'Country', 'Indicator', 'Dimension', 'Category', 'Sex', 'Age', 'Year'].map((c) => String(t.get(r, c) ?? '')).join('\u241f');
}

/** Keys that occur more than once in the appended blocks: unsummed parts, never a value of their own. */
export function repeatedDerivedKeys(t: RawTable): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const r of t.rows) {
    const dimension = DIMENSIONS[text(t, r, 'Dimension') ?? ''];
    if (!dimension || derivedBlockReason(dimension, text(t, r, 'Category'), text(t, r, 'Sex'), text(t, r, 'Age')) === null) continue;
    const key = rawKey(t, r);
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return repeated;
}
