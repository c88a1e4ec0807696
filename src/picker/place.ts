/**
 * What the place picker knows of one place: its code (the URL's `geo`), the name it shows, the list it is offered
 * in, and, for a place the indicator has no total for, why. Shared by the build (which writes the plain form's
 * `<select>`) and the browser (which reads that form back to build the combobox).
 */

/** The lists of the picker, in the order they are shown; `absent` holds the places that cannot be drawn. */
export const PLACE_GROUPS = ['regions', 'groupings', 'countries', 'absent'] as const;
export type PlaceGroup = (typeof PLACE_GROUPS)[number];

/**
 * Why a place is listed but cannot be chosen: the indicator's sources have no figure for it at all, or only
 * breakdowns (by sex, form…) without the total the chart draws. Neither is zero.
 */
export const ABSENCES = ['not-reported', 'no-total'] as const;
export type Absence = (typeof ABSENCES)[number];

export interface Place {
  code: string;
  name: string;
  group: PlaceGroup;
  /** Set exactly when `group` is `absent`. */
  absence?: Absence;
}

/** M49's own aggregates (src/data: the `geo` table's kinds); a place of any other aggregate kind is a grouping. */
const M49_AGGREGATES = new Set(['world', 'region', 'subregion', 'intermediate']);
/** Places that are one country or part of one. */
const SINGLE_PLACES = new Set(['country', 'territory', 'subnational']);

/** The list a place with data is offered in, from its kind in the release's `geo` table. */
export function groupOfKind(kind: string | null | undefined): Exclude<PlaceGroup, 'absent'> {
  if (kind && M49_AGGREGATES.has(kind)) return 'regions';
  if (kind && SINGLE_PLACES.has(kind)) return 'countries';
  // A publisher's own grouping (e.g. a UNODC region whose membership it does not publish), or a kind added later:
  // never listed among countries, where it could be mistaken for one.
  return 'groupings';
}

/** Places of the kinds that may be said to have "not reported" (a region or grouping does not report). */
export const reportsItself = (kind: string | null | undefined): boolean => kind === 'country' || kind === 'territory';
