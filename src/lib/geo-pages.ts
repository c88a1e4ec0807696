/**
 * Which places have a page, and the link to it: the one definition every page that links to a place uses, so that
 * no link names a page the build did not write. A place has a page when it is a country, territory or reporting
 * jurisdiction whose profile draws at least one figure. Regions and the world have none until region pages exist.
 */

/** Kinds of geography that get a profile; the others (world, regions, sub-regions) are named, never linked. */
export const PAGE_KINDS: ReadonlySet<string> = new Set(['country', 'territory', 'subnational']);

/** A profile row as the release gives it: a value, or only a flag such as '<5' (still a mark on the chart). */
export interface ProfileRow {
  indicator: string;
  value: number | null;
  censored: string | null;
}

/**
 * Whether a profile has a figure to draw: a value or a flagged value of one of the indicators it charts. A row that
 * is neither would be drawn as a gap, and a page of gaps is not a page.
 */
export function profileHasFigure(rows: Iterable<ProfileRow>, charted: ReadonlySet<string>): boolean {
  for (const r of rows) if (charted.has(r.indicator) && (r.value !== null || r.censored !== null)) return true;
  return false;
}

export function hasPage(kind: string, hasFigure: boolean): boolean {
  return PAGE_KINDS.has(kind) && hasFigure;
}

/** The path of a place's page, or null where it has none (then the place is named without a link). */
export type GeoHref = (geo: string) => string | null;

export function geoHrefFor(pages: Iterable<string>): GeoHref {
  const withPage = new Set(pages);
  return (geo) => (withPage.has(geo) ? `/country/${encodeURIComponent(geo)}/` : null);
}
