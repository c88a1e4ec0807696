/**
 * What a point map with a year control says under its map and in its description, at build time (the all-years view)
 * and in the browser (a year's): that every single year is drawn on one scale, that the all-years sums have a scale of
 * their own (where they sum: a map of single events keeps one scale throughout), and how many events have no single year — left out of each year's view, never silently.
 */
import type { Locale } from './types.ts';

export interface PointYearsFacts {
  unit: string;
  /** The largest value of any one year, which every year's circles are sized on. */
  maxValue: number;
  /** Located events the publisher gives no single year (a span of years). */
  undated: number;
  /** The largest value of the all-years view (its sums, where it bins; the same as `maxValue` where it draws each event). */
  wholeMax: number;
}

/** Under a year's view. */
export function yearNotes(f: PointYearsFacts, locale: Locale): string[] {
  return [
    locale.t('map.points.yearScale', { max: locale.number(f.maxValue), unit: f.unit }) + (f.wholeMax !== f.maxValue ? ` ${locale.t('map.points.ownScale')}` : ''),
    ...(f.undated > 0 ? [locale.t('map.points.undatedLeftOut', { n: locale.number(f.undated) })] : []),
  ];
}

/** Under the all-years view. */
export function wholeNotes(f: PointYearsFacts, locale: Locale): string[] {
  return [
    ...(f.wholeMax !== f.maxValue ? [locale.t('map.points.wholeScale')] : []),
    ...(f.undated > 0 ? [locale.t('map.points.undatedIncluded', { n: locale.number(f.undated) })] : []),
  ];
}
