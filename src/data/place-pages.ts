/**
 * Build-time: the places of this release that get a page (src/lib/geo-pages.ts), found once per build by asking each
 * place's profile the question its page asks (profileQuery). Every page that lists, counts or links places uses this.
 */
import { DOMAINS } from './domains.ts';
import { geos, getCatalog, run, type GeoInfo } from './load.ts';
import { profileQuery } from './queries.ts';
import { geoHrefFor, hasPage, PAGE_KINDS, profileHasFigure, type GeoHref, type ProfileRow } from '../lib/geo-pages.ts';

export interface PlacePages {
  /** Places with a page, by name. */
  places: GeoInfo[];
  geoHref: GeoHref;
}

/** The indicators a profile charts: those of the six domains and of the context section. */
function chartedIndicators(): Set<string> {
  const domains = new Set([...DOMAINS.map((d) => d.domain), 'context']);
  return new Set(getCatalog().indicators.filter((i) => domains.has(i.domain)).map((i) => i.id));
}

async function find(): Promise<PlacePages> {
  const charted = chartedIndicators();
  const candidates = [...(await geos()).values()].filter((g) => PAGE_KINDS.has(g.kind));
  const places: GeoInfo[] = [];
  for (const g of candidates) {
    const rows = (await run(profileQuery(g.geo))) as unknown as ProfileRow[];
    if (hasPage(g.kind, profileHasFigure(rows, charted))) places.push(g);
  }
  places.sort((a, b) => a.name.localeCompare(b.name) || a.geo.localeCompare(b.geo));
  return { places, geoHref: geoHrefFor(places.map((p) => p.geo)) };
}

let cache: Promise<PlacePages> | undefined;
export function placePages(): Promise<PlacePages> {
  return (cache ??= find());
}
