/**
 * The places a trend's picker lists (TrendControls.astro): those the chart can draw, each in its list (regions,
 * groupings, countries), and then every country or territory the release has figures for that this indicator cannot
 * draw, saying why — it did not report at all, or reported only breakdowns without a total. Such a place is never
 * left out (a reader looking for Germany must learn that it did not report) and never drawn as zero.
 */
import { groupOfKind, reportsItself, type Absence, type PlaceGroup } from '../picker/place.ts';
import { geos, run } from './load.ts';
import { placeCoverageQuery, type Slice } from './queries.ts';

export interface PlaceOption {
  geo: string;
  name: string;
  /** The place's page, for the tables the client redraws (none when it has no page). */
  href?: string | null;
  group: PlaceGroup;
  absence?: Absence;
}

export interface PlaceCoverage {
  geo: string;
  reported: boolean;
  has_total: boolean;
}

/**
 * Places of the release the picker must list as not drawable: countries and territories (a region does not
 * "report") not offered, with why. `kindOf` is the `geo` table's kind.
 */
export function absentPlaces(coverage: readonly PlaceCoverage[], offered: ReadonlySet<string>, kindOf: (geo: string) => string | undefined): { geo: string; absence: Absence }[] {
  return coverage
    .filter((c) => !offered.has(c.geo) && reportsItself(kindOf(c.geo)))
    .map((c) => ({ geo: c.geo, absence: c.reported && !c.has_total ? 'no-total' : 'not-reported' }));
}

/** The offered places with their lists, then the absent ones, each part alphabetical by name. */
export async function pickerPlaces(indicator: string, offered: readonly { geo: string; name: string; href?: string | null }[], slice?: Slice): Promise<PlaceOption[]> {
  const info = await geos();
  const coverage = await run(placeCoverageQuery(indicator, slice));
  const absent = absentPlaces(
    coverage.map((r) => ({ geo: String(r['geo']), reported: r['reported'] === true, has_total: r['has_total'] === true })),
    new Set(offered.map((o) => o.geo)),
    (geo) => info.get(geo)?.kind,
  );
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');
  return [
    ...offered.map((o) => ({ ...o, group: groupOfKind(info.get(o.geo)?.kind) })).sort(byName),
    ...absent.map(({ geo, absence }) => ({ geo, name: info.get(geo)?.name ?? geo, group: 'absent' as const, absence })).sort(byName),
  ];
}
