/**
 * Where the pages of areas that are not countries live: one per M49 region (the world, regions, sub-regions and
 * intermediate regions of the geo table) at `/region/<m49>/`, one per publisher's grouping (GLOTIP's UNODC codes) at
 * `/grouping/<slug>/`, and their index at `/regions/`. Every page that links an area builds the link here.
 */

/** Kinds of the geo table that are M49 areas: each has a page comparing its countries. */
export const REGION_KINDS: ReadonlySet<string> = new Set(['world', 'region', 'subregion', 'intermediate']);

/** A publisher's grouping whose membership is not published: its own figures, never attributed to countries. */
export const GROUPING_KIND = 'unodc grouping';

export const REGIONS_INDEX_PATH = '/regions/';

/** `/region/014/` for Eastern Africa; an M49 area code is three digits, zero-padded. */
export function regionPath(m49: string): string {
  if (!/^\d{3}$/.test(m49)) throw new Error(`regionPath: ${JSON.stringify(m49)} is not an M49 area code`);
  return `/region/${m49}/`;
}

/** A grouping's code as a path segment: `CAR` → `car`. */
export function groupingSlug(code: string): string {
  if (!/^[A-Z]{3}$/.test(code)) throw new Error(`groupingSlug: ${JSON.stringify(code)} is not a grouping code`);
  return code.toLowerCase();
}

export function groupingPath(code: string): string {
  return `/grouping/${groupingSlug(code)}/`;
}

/** The page of an area, by its kind in the geo table; null for countries and the other kinds (they have profiles or none). */
export function areaPath(place: { geo: string; kind: string }): string | null {
  if (REGION_KINDS.has(place.kind)) return regionPath(place.geo);
  if (place.kind === GROUPING_KIND) return groupingPath(place.geo);
  return null;
}
