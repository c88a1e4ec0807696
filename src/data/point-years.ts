/**
 * A point map's events split by year, for its year control: each year's events binned on their own (a bin of one year
 * sums only that year's events, never a share of the all-years bin), the events without a single year set apart (the
 * publisher dates some seizures to a span, "2015-2016": they belong to no one year and are drawn in the all-years view
 * only), and the largest value of any year, which sizes every year's circles so that years compare. Pure.
 */
import { binPoints, type BinOptions } from '../charts/point-map.ts';
import type { MapPoint } from '../charts/point-map-draw.ts';
import type { Locale } from '../charts/types.ts';

export interface DatedPoint extends MapPoint {
  /** The event's year; null when the publisher gives none (or only a span of years). */
  year: number | null;
}

export interface PointYears {
  /** Years with at least one event, ascending, each with its points (binned when `bin` was given). */
  years: { year: number; points: MapPoint[] }[];
  /** The events without a single year, as given (never binned into a year). */
  undated: MapPoint[];
  /** The largest value of any one year's points (0 when there are none). */
  maxValue: number;
}

/** `bin` null: every event is its own point (e.g. one seizure each), as the all-years map draws them. */
export function pointsByYear(points: readonly DatedPoint[], bin: BinOptions | null, locale: Locale): PointYears {
  const byYear = new Map<number, MapPoint[]>();
  const undated: MapPoint[] = [];
  for (const { year, ...p } of points) {
    if (year === null) undated.push(p);
    else {
      const list = byYear.get(year);
      if (list) list.push(p);
      else byYear.set(year, [p]);
    }
  }
  const years = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => ({ year, points: bin ? binPoints(byYear.get(year)!, bin, locale) : byYear.get(year)! }));
  const maxValue = Math.max(0, ...years.flatMap((y) => y.points.map((p) => p.value)));
  return { years, undated, maxValue };
}
