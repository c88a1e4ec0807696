/**
 * What a map of one year, or of each place's latest year, draws: view rows (view-queries.ts in the browser, the
 * queries.ts SQL at build time) shaped into the map's values. Pure, so the build and the browser draw the same marks
 * from the same rows. Which places a map draws (countries and Kosovo: src/lib/map-places.ts) is decided at build time
 * and handed over as `places`, with the names they are shown by.
 */
import type { ChoroplethDatum } from '../charts/choropleth-draw.ts';
import { toMapValues, type Row } from './shape.ts';

/**
 * The rows of the places the map draws, as its values. Each place's latest value keeps its year (years differ, and
 * every mark says which); a map of one year leaves it out: every value is of that year, which its title says.
 */
export function mapValuesOf(rows: readonly Row[], places: ReadonlyMap<string, string>, withYear: boolean): ChoroplethDatum[] {
  const values = toMapValues(rows.filter((r) => places.has(String(r['geo']))), places);
  return withYear ? values : values.map(({ year: _year, ...v }) => v);
}

