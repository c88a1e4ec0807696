import { sourceRefRows, type Observation } from '../../model.ts';
import type { QualityNote } from '../../source-module.ts';
import { ID } from './id.ts';
import type { Placed } from './normalize-row.ts';

export type Axis = 'sex' | 'age' | 'category';

const AXIS_CHECK: Record<Axis, string> = {
  sex: 'sex-parts-exceed-total',
  age: 'age-parts-exceed-total',
  category: 'forms-exceed-total',
};

const lower = (o: Observation): number => o.value ?? o.value_min ?? 0;
const upper = (o: Observation): number | null => o.value ?? o.value_max;
const shown = (o: Observation): string => o.censored ?? String(o.value);

/**
 * A total is contradicted when its parts' smallest possible sum exceeds its largest possible value: exact parts count
 * as they are, a '<5' part as at least 1, and a '<5' total as at most 4. Published as is, and listed for review.
 */
export function partsExceedTotal(placed: Placed[], axis: Axis, file: string, sheet: string | undefined): QualityNote[] {
  const notes: QualityNote[] = [];
  for (const { total, parts } of totalsWithParts(placed, axis)) {
    if (total === null || parts.length === 0) continue;
    const max = upper(total.obs);
    const min = parts.reduce((s, p) => s + lower(p.obs), 0);
    if (max === null || min <= max) continue;
    const bound = parts.some((p) => p.obs.censored !== null) ? `at least ${min}` : String(min);
    const listed = parts.map((p) => `${p.obs[axis]} ${shown(p.obs)}`).join(', ');
    notes.push({
      source: ID,
      source_ref: sourceRefRows(file, sheet, [total.row, ...parts.map((p) => p.row)]),
      check: AXIS_CHECK[axis],
      message: `total ${shown(total.obs)} is smaller than the sum of its parts (${bound}: ${listed}) — ${describe(total.obs, axis)}` +
        (axis === 'category' ? '; UNODC notes that one victim may suffer several forms of exploitation' : ''),
    });
  }
  return notes;
}

/** Observations that differ only on `axis`: the one labelled 'total' and the others, its parts. */
function totalsWithParts(placed: Placed[], axis: Axis): Iterable<{ total: Placed | null; parts: Placed[] }> {
  const groups = new Map<string, { total: Placed | null; parts: Placed[] }>();
  for (const p of placed) {
    const key = groupKey(p.obs, axis);
    const g = groups.get(key) ?? { total: null, parts: [] };
    if (p.obs[axis] === 'total') g.total = p;
    else g.parts.push(p);
    groups.set(key, g);
  }
  return groups.values();
}

function groupKey(o: Observation, axis: Axis): string {
  // Parts along the category axis are the categories of one dimension; the total has dimension 'total'.
  return [o.indicator, o.geo, o.year, axis === 'sex' ? '' : o.sex, axis === 'age' ? '' : o.age, axis === 'category' ? '' : `${o.dimension}\u241f${o.category}`].join('\u241f');
}

function describe(o: Observation, axis: Axis): string {
  const fixed = [axis !== 'sex' ? `sex ${o.sex}` : null, axis !== 'age' ? `age ${o.age}` : null, axis !== 'category' ? `category ${o.category}` : null];
  return [o.indicator, o.geo, String(o.year), ...fixed.filter((x) => x !== null)].join(', ');
}
