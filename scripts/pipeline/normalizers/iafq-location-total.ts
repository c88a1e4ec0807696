/**
 * IAFQ files two totals under one label, "Arms seized / by location / Total": the location table's and the tracing
 * table's (identifiability subtotals), often twice for one country-year with different values. A value can still be
 * attributed when it equals the sum of one table's parts; that is the only evidence the file gives, so anything else
 * stays quarantined. Where a country-year has no "Total / Total" row, the location table's total is the only total of
 * arms seized the country reported (Bolivia 2021, Azerbaijan 2021), so it is published as that too, with a note.
 */
import type { Observation } from '../model.ts';

export const AMBIGUOUS_LOCATION_TOTAL =
  'Arms seized "by location / Total" is the total of either the location table or the tracing table (the export files both under this one label, ' +
  'often twice for one country-year with different values), and this value equals the sum of the parts of neither table, so it cannot be attributed';

export const LOCATION_TOTAL_NOTE = 'published as "by location / Total"; attributed to the place-of-seizure table because it equals the sum of its parts';
export const TRACING_TOTAL_NOTE = 'published as "by location / Total"; attributed to the tracing table because it equals the sum of its identifiability subtotals';
export const SEIZED_TOTAL_NOTE =
  'the export has no "Total / Total" row for this country-year; this is the place-of-seizure table\'s total ("by location / Total"), which equals the sum of its parts';

export interface TableParts {
  /** Indicator and dimension whose parts the held total may add up to. */
  indicator: string;
  dimension: string;
}

export interface Attribution {
  /** The observations the held row becomes (none: quarantine with AMBIGUOUS_LOCATION_TOTAL). */
  observations: Observation[];
}

const keyOf = (o: Pick<Observation, 'geo' | 'year' | 'sex' | 'age'>) => `${o.geo}\u241f${o.year}\u241f${o.sex}\u241f${o.age}`;

/** Sum and count of the exact parts of one table, by country-year-sex-age. */
function partSums(observations: readonly Observation[], parts: TableParts): Map<string, number> {
  const sums = new Map<string, number>();
  for (const o of observations) {
    if (o.indicator !== parts.indicator || o.dimension !== parts.dimension || o.value === null) continue;
    sums.set(keyOf(o), (sums.get(keyOf(o)) ?? 0) + o.value);
  }
  return sums;
}

/**
 * What each held "by location / Total" becomes, given the observations emitted from every other row. `held` are
 * observations with value and provenance of the held rows; indicator and category are set here.
 */
export function attributeLocationTotals(
  held: readonly Observation[],
  emitted: readonly Observation[],
  tables: { location: TableParts; identifiability: TableParts; seizedTotal: string },
): Attribution[] {
  const location = partSums(emitted, tables.location);
  const identifiability = partSums(emitted, tables.identifiability);
  const hasTotal = new Set(emitted.filter((o) => o.indicator === tables.seizedTotal && o.dimension === 'total').map(keyOf));
  const asTotal = (h: Observation, indicator: string, note: string): Observation => ({
    ...h,
    indicator,
    dimension: 'total',
    category: 'total',
    note: [h.note, note].filter((n) => n !== null).join('; '),
  });
  return held.map((h) => {
    const k = keyOf(h);
    const out: Observation[] = [];
    if (h.value !== null && location.get(k) === h.value) {
      out.push(asTotal(h, tables.location.indicator, LOCATION_TOTAL_NOTE));
      if (!hasTotal.has(k)) out.push(asTotal(h, tables.seizedTotal, SEIZED_TOTAL_NOTE));
    }
    if (h.value !== null && identifiability.get(k) === h.value) out.push(asTotal(h, tables.identifiability.indicator, TRACING_TOTAL_NOTE));
    return { observations: out };
  });
}
