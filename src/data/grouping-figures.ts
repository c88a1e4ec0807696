/**
 * Build-time: the figures of a grouping page (src/pages/grouping/[slug].astro): a publisher's own figures for a
 * grouping whose membership it does not publish (GLOTIP's UNODC codes). Each indicator's totals over time, then the
 * breakdowns the publisher gives for the grouping (forms of exploitation; sex and age), drawn as the indicator pages
 * draw them (parts-chart.ts). Every figure says "UNODC grouping — membership not published" in its caveat: the
 * grouping is never compared with countries, added to them, or drawn on a map.
 */
import type { FramedChart } from '../charts/figure.ts';
import { lineChart } from '../charts/line-chart.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor } from '../lib/frames.ts';
import { GROUPING_KIND } from '../lib/region-path.ts';
import { breakdownCharts, geos, getCatalog, run, type GeoInfo, type PartsBy } from './load.ts';
import { placeBreakdownsQuery, profileQuery } from './queries.ts';
import { toSeries } from './shape.ts';

export interface GroupingIndicator {
  indicator: string;
  title: string;
  figures: FramedChart[];
}

export interface GroupingFigures {
  place: GeoInfo;
  indicators: GroupingIndicator[];
  sourceIds: string[];
}

async function compute(geo: string): Promise<GroupingFigures> {
  const place = (await geos()).get(geo);
  if (!place || place.kind !== GROUPING_KIND) throw new Error(`grouping figures: ${geo} is not a grouping of the release's geo table`);
  const locale = makeLocale('en');
  const { t } = locale;
  const catalog = getCatalog();
  const totals = await run(profileQuery(geo));
  const breakdowns = await run(placeBreakdownsQuery(geo));
  const ids = catalog.indicators.filter((i) => breakdowns.some((b) => b['indicator'] === i.id)).map((i) => i.id);
  const note = place.note ?? t('grouping.note');

  const indicators = await Promise.all(
    ids.map(async (id, n): Promise<GroupingIndicator> => {
      const def = catalog.indicators.find((i) => i.id === id)!;
      // The grouping's own years, not the indicator's: UNODC gives the groupings a few recent years only.
      const of = breakdowns.filter((b) => b['indicator'] === id);
      const years: [number, number] = [Math.min(...of.map((b) => Number(b['year_min']))), Math.max(...of.map((b) => Number(b['year_max'])))];
      const caveat = `${note}. ${def.caveat}`;
      const figures: FramedChart[] = [];
      const own = totals.filter((r) => r['indicator'] === id);
      if (own.length > 0) {
        const title = t('grouping.trendTitle', { title: def.title, place: place.name });
        figures.push({
          chart: lineChart(toSeries(own, new Map([[geo, place.name]])), { id: `g${n}-trend`, title, unit: def.unit, yearDomain: years, partial: def.partial_periods }, locale),
          frame: { ...frameFor(id, `fig-g${n}-trend`, years, title), caveat, geos: [geo] },
        });
      }
      const parts: { by: PartsBy; label: string }[] = [
        ...of.filter((b) => b['dimension'] !== 'total').map((b) => ({ by: { dimension: String(b['dimension']) }, label: String(b['dimension']) })),
        ...(of.some((b) => b['dimension'] === 'total' && b['by_sex']) ? [{ by: { axis: 'sex' as const }, label: t('grouping.bySex') }] : []),
        ...(of.some((b) => b['dimension'] === 'total' && b['by_age']) ? [{ by: { axis: 'age' as const }, label: t('grouping.byAge') }] : []),
      ];
      for (const [k, p] of parts.entries()) {
        const title = t('grouping.breakdownTitle', { title: def.title, dimension: p.label, place: place.name });
        const charts = await breakdownCharts(id, geo, years, p.by, { id: `g${n}-parts-${k}`, title, categoryLabel: p.label }, locale);
        // One chart per unit (parts-chart.ts); the chart's own title names the unit when there are several.
        for (const [j, c] of charts.entries()) figures.push({ chart: c.chart, frame: { ...frameFor(id, `fig-g${n}-parts-${k}${j === 0 ? '' : `-${j + 1}`}`, years, charts.length > 1 ? `${title} (${c.unit})` : title), caveat, geos: [geo] } });
      }
      return { indicator: id, title: def.title, figures };
    }),
  );
  const sourceIds = [...new Set(ids.flatMap((id) => catalog.indicators.find((i) => i.id === id)!.sources))];
  return { place, indicators, sourceIds };
}

const cache = new Map<string, Promise<GroupingFigures>>();

export function groupingFigures(geo: string): Promise<GroupingFigures> {
  let figures = cache.get(geo);
  if (!figures) cache.set(geo, (figures = compute(geo)));
  return figures;
}

/** The release's groupings, by code. */
export async function groupingPlaces(): Promise<GeoInfo[]> {
  return [...(await geos()).values()].filter((g) => g.kind === GROUPING_KIND).sort((a, b) => a.geo.localeCompare(b.geo));
}
