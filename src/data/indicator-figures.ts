/**
 * Build-time: the figures of an indicator page that do not depend on the trend's view (the latest-year map and the
 * breakdowns), framed, computed once per build. The indicator page draws them and the table pages of their long
 * tables (src/lib/table-pages.ts) print theirs, so a table page shows the very rows the figure was drawn from.
 */
import { subtitleOf, type FramedChart } from '../charts/figure.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor, indicatorDef } from '../lib/frames.ts';
import { breakdownViews } from './breakdown-views.ts';
import { yearsOf } from './load.ts';
import { choroplethWithYears, type MapControl, type YearsPage } from './map-figures.ts';

/** A breakdown with the sentences printed under it (which country is shown, what was left out), and a flow map's year control. */
export interface NotedChart extends FramedChart {
  notes: string[];
  control?: MapControl | null;
}

export interface IndicatorFigures {
  /** Null when the indicator has no country-level value to map. */
  map: (FramedChart & { control: MapControl | null }) | null;
  breakdowns: NotedChart[];
  /** Every year of the maps, each measure on a page of its own (`/indicator/<id>/years/<slug>/`). */
  yearsPages: YearsPage[];
}

export function figureList(f: IndicatorFigures): FramedChart[] {
  return [...(f.map ? [f.map] : []), ...f.breakdowns];
}

async function compute(id: string): Promise<IndicatorFigures> {
  const locale = makeLocale('en');
  const def = indicatorDef(id);
  const years = yearsOf(id);
  const pagePath = `/indicator/${id}/`;
  const mapped = await choroplethWithYears(id, pagePath);
  const map = mapped ? { ...mapped.figure, control: mapped.control } : null;
  const views = await breakdownViews(def, years, locale, pagePath);
  const breakdowns = views.map((v): NotedChart => ({
    chart: v.chart,
    // A flow map's frame comes with it (its year control redraws it with that frame's source and caveat).
    frame: v.frame ?? { ...frameFor(id, `breakdown-${v.id}`, v.years, v.title), subtitle: subtitleOf(v.unit, v.years) },
    notes: v.notes,
    ...(v.control !== undefined ? { control: v.control } : {}),
  }));
  return { map, breakdowns, yearsPages: [...(mapped?.pages ?? []), ...views.flatMap((v) => v.pages ?? [])] };
}

const cache = new Map<string, Promise<IndicatorFigures>>();

/** The indicator page's map and breakdowns, computed on first asking and shared by every page of the build. */
export function indicatorFigures(id: string): Promise<IndicatorFigures> {
  let figures = cache.get(id);
  if (!figures) cache.set(id, (figures = compute(id)));
  return figures;
}
