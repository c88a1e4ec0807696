/**
 * Build-time: the figures of an indicator page that do not depend on the trend's view (the latest-year map and the
 * breakdowns), framed, computed once per build. The indicator page draws them and the table pages of their long
 * tables (src/lib/table-pages.ts) print theirs, so a table page shows the very rows the figure was drawn from.
 */
import { subtitleOf, type FramedChart } from '../charts/figure.ts';
import { choropleth } from '../charts/choropleth.ts';
import { loadWorld } from '../charts/world-node.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor, indicatorDef, latestSubtitle } from '../lib/frames.ts';
import { breakdownViews } from './breakdown-views.ts';
import { mapValues, yearsOf } from './load.ts';

/** A breakdown with the sentences printed under it (which country is shown, what was left out). */
export interface NotedChart extends FramedChart {
  notes: string[];
}

export interface IndicatorFigures {
  /** Null when the indicator has no country-level value to map. */
  map: FramedChart | null;
  breakdowns: NotedChart[];
}

export function figureList(f: IndicatorFigures): FramedChart[] {
  return [...(f.map ? [f.map] : []), ...f.breakdowns];
}

async function compute(id: string): Promise<IndicatorFigures> {
  const locale = makeLocale('en');
  const { t } = locale;
  const def = indicatorDef(id);
  const years = yearsOf(id);
  const world = loadWorld('110m');
  const mapData = await mapValues(id, years);
  const mapTitle = t('figure.latestTitle', { title: def.title });
  const map: FramedChart | null =
    mapData.length > 0
      ? {
          chart: choropleth(mapData, { id: 'map', title: mapTitle, unit: def.unit, world }, locale),
          frame: { ...frameFor(id, 'map-figure', years, mapTitle), subtitle: latestSubtitle(def.unit, mapData.map((d) => d.year ?? years[1]), t) },
        }
      : null;
  const breakdowns = (await breakdownViews(def, years, world, locale)).map((v) => ({
    chart: v.chart,
    frame: { ...frameFor(id, `breakdown-${v.id}`, v.years, v.title), subtitle: subtitleOf(v.unit, v.years) },
    notes: v.notes,
  }));
  return { map, breakdowns };
}

const cache = new Map<string, Promise<IndicatorFigures>>();

/** The indicator page's map and breakdowns, computed on first asking and shared by every page of the build. */
export function indicatorFigures(id: string): Promise<IndicatorFigures> {
  let figures = cache.get(id);
  if (!figures) cache.set(id, (figures = compute(id)));
  return figures;
}
