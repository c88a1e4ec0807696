/**
 * Build-time: a page's world maps with what their year controls need. The page draws each map's whole view (each
 * country's latest value; every year of flows summed), and writes beside it (`data-map`, read by
 * src/client/map-figure.ts) the years the map has values for, the view file that holds the other years, the colour
 * classes and flow widths every year shares, and, for a choropleth whose indicator has a rate per 100,000 in the
 * release (published, or derived by the pipeline from the release's population table), the other measure. Each
 * measure's every year is also printed on a page of its own (`/<page>/years/<slug>/`), so nothing is reachable only
 * by script.
 */
import type { FramedChart } from '../charts/figure.ts';
import { choropleth } from '../charts/choropleth.ts';
import { mapClasses } from '../charts/colour-classes.ts';
import { flowGeometry, flowMap, type FlowDatum } from '../charts/flow-map.ts';
import { flowYearsTable, placeYearsTable, type PlaceYearValue } from '../charts/years-table.ts';
import { loadWorld } from '../charts/world-node.ts';
import { subtitleOf, yearsText } from '../charts/figure.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor, indicatorDef, latestSubtitle } from '../lib/frames.ts';
import { drawnOnMap } from '../lib/map-places.ts';
import { flows, geos, getCatalog, names, outwardOf, run, shortNames, yearsOf } from './load.ts';
import { latestQuery, seriesQuery } from './queries.ts';
import { mapValuesOf } from './map-views.ts';
import { toMapValues } from './shape.ts';
import type { ChoroplethControl, FlowControl, MapControl, MeasureSpec } from './map-control.ts';

export type { ChoroplethControl, FlowControl, MapControl, MeasureSpec };

/** A page of every year's values of one map measure: `/<page>/years/<slug>/`. */
export interface YearsPage {
  slug: string;
  /** The map's figure on its page, which the years page links back to. */
  figureId: string;
  figure: FramedChart;
}

export interface MapWithYears {
  figure: FramedChart;
  /** Null when the map has fewer than two years to step through. */
  control: MapControl | null;
  pages: YearsPage[];
}

const locale = makeLocale('en');
const { t } = locale;

export function yearsPagePath(pagePath: string, slug: string): string {
  return `${pagePath.endsWith('/') ? pagePath : `${pagePath}/`}years/${encodeURIComponent(slug)}/`;
}

/** The indicator and its twin in the other measure (X and X_rate per 100,000 population), the given one first. */
function measuresOf(indicator: string): { id: string; indicator: string }[] {
  const catalog = getCatalog().indicators;
  const mappable = (id: string) => catalog.some((i) => i.id === id && i.coverage !== null && i.views.series !== null);
  const isRate = (id: string) => catalog.find((i) => i.id === id)?.unit === 'per 100,000 population';
  if (isRate(indicator) && indicator.endsWith('_rate') && mappable(indicator.slice(0, -'_rate'.length))) {
    return [{ id: 'rate', indicator }, { id: 'count', indicator: indicator.slice(0, -'_rate'.length) }];
  }
  if (!isRate(indicator) && isRate(`${indicator}_rate`) && mappable(`${indicator}_rate`)) return [{ id: 'count', indicator }, { id: 'rate', indicator: `${indicator}_rate` }];
  return [{ id: isRate(indicator) ? 'rate' : 'count', indicator }];
}

/** Where a rate's population comes from: the release's population table (derived rates) or the publisher's own. */
function rateNote(indicator: string): string {
  const def = indicatorDef(indicator);
  const sources = getCatalog().sources;
  const population = sources.find((s) => s.id === 'population-worldbank' && def.sources.includes(s.id));
  if (def.derived && population) return t('map.measure.derivedNote', { population: `${population.publisher}, ${population.title}` });
  const publisher = def.sources.map((id) => sources.find((s) => s.id === id)?.publisher ?? id).join('; ');
  return t('map.measure.publishedNote', { publisher });
}

/** Countries (and Kosovo) with a national total of any of the indicators, by code, with their names. */
async function mapPlaces(indicators: string[]): Promise<Map<string, string>> {
  const [info, all] = [await geos(), await names()];
  const found = new Set<string>();
  for (const id of indicators) for (const r of await run(latestQuery(id, yearsOf(id)))) found.add(String(r['geo']));
  const kept = [...found].filter((g) => { const i = info.get(g); return i !== undefined && drawnOnMap(i); }).sort();
  return new Map(kept.map((g) => [g, all.get(g) ?? g]));
}

async function measureSpec(m: { id: string; indicator: string }, places: Map<string, string>, pagePath: string): Promise<{ spec: MeasureSpec; values: PlaceYearValue[] }> {
  const def = indicatorDef(m.indicator);
  const span = yearsOf(m.indicator);
  const rows = places.size ? await run(seriesQuery(m.indicator, [...places.keys()], span)) : [];
  const values = toMapValues(rows, places).map((v) => ({ ...v, year: v.year! }));
  const years = [...new Set(values.filter((v) => v.value !== null || v.censored !== null).map((v) => v.year))].sort((a, b) => a - b);
  const latest = t('figure.latestTitle', { title: def.title });
  const view = def.views.series!;
  const slug = `map-${m.id}`;
  return {
    values,
    spec: {
      id: m.id,
      label: m.id === 'rate' ? t('map.measure.rate') : t('map.measure.count', { unit: def.unit }),
      indicator: m.indicator,
      unit: def.unit,
      titles: { latest, year: t('figure.yearTitle', { title: def.title, year: '{year}' }) },
      frame: frameFor(m.indicator, 'map-figure', span, latest),
      classes: mapClasses(values.flatMap((v) => (v.value === null ? [] : [v.value]))),
      years,
      view: { path: view.path, bytes: view.bytes },
      yearsHref: yearsPagePath(pagePath, slug),
      note: m.id === 'rate' ? rateNote(m.indicator) : null,
    },
  };
}

/** The page of one measure's every year: one row per place, one column per year. */
function placeYearsPage(spec: MeasureSpec, values: PlaceYearValue[], places: Map<string, string>): YearsPage {
  const def = indicatorDef(spec.indicator);
  const span: [number, number] = spec.years.length ? [spec.years[0]!, spec.years[spec.years.length - 1]!] : yearsOf(spec.indicator);
  const title = t('map.years.title', { title: def.title });
  const withValue = new Set(values.filter((v) => v.value !== null || v.censored !== null).map((v) => v.geo));
  const listed = new Map([...places].filter(([g]) => withValue.has(g)));
  const table = placeYearsTable(values, listed, spec.years, locale);
  return {
    slug: spec.yearsHref.split('/').at(-2)!,
    figureId: 'map-figure',
    figure: {
      chart: { svg: '', description: t('map.years.description', { n: locale.number(listed.size), years: yearsText(span) }), table },
      frame: { ...frameFor(spec.indicator, `years-${spec.id}`, span, title), subtitle: subtitleOf(def.unit, span) },
    },
  };
}

/**
 * A page's choropleth of `indicator` (id `map`, figure `map-figure`): its whole view drawn, its measures and years
 * for the control, and every measure's years page. Null when no country has a value.
 */
export async function choroplethWithYears(indicator: string, pagePath: string): Promise<MapWithYears | null> {
  // An indicator published only in breakdowns (by citizenship…) has no totals, and no view of them, to map.
  if (!indicatorDef(indicator).views.series) return null;
  const measures = measuresOf(indicator);
  const places = await mapPlaces(measures.map((m) => m.indicator));
  const built = await Promise.all(measures.map((m) => measureSpec(m, places, pagePath)));
  const own = built[0]!.spec;
  const span = yearsOf(indicator);
  const latest = mapValuesOf(await run(latestQuery(indicator, span)), places, true);
  if (latest.length === 0) return null;
  const world = loadWorld('110m');
  const figure: FramedChart = {
    chart: choropleth(latest, { id: 'map', title: own.titles.latest, unit: own.unit, world, scale: own.classes }, locale),
    frame: { ...own.frame, subtitle: latestSubtitle(own.unit, latest.map((d) => d.year ?? span[1]), t) },
  };
  const steppable = built.some((b) => b.spec.years.length >= 2) || built.length > 1;
  const control: ChoroplethControl | null = steppable
    ? { kind: 'choropleth', chartId: 'map', ...(built.length > 1 ? { measureParam: 'measure' } : {}), places: Object.fromEntries(places), measures: built.map((b) => b.spec) }
    : null;
  return { figure, control, pages: control ? built.map((b) => placeYearsPage(b.spec, b.values, places)) : [] };
}

export interface FlowFigureOptions {
  indicator: string;
  /** The one place dimension drawn (flowsQuery). */
  dimension: string;
  /** The chart's id (`flows-0`), which is also the URL parameter of its year, and the figure's id. */
  chartId: string;
  figureId: string;
  /** The title of the whole view, and of one year (`{year}` stands for it). */
  titles: { whole: string; year: string };
  pagePath: string;
}

/** A page's flow map: every year summed as drawn today, each year with values for the control, and its years page. */
export async function flowsWithYears(o: FlowFigureOptions): Promise<MapWithYears> {
  const def = indicatorDef(o.indicator);
  const span = yearsOf(o.indicator);
  const world = loadWorld('110m');
  const nameMap = await names();
  const short = await shortNames();
  const whole = await flows(o.indicator, span, o.dimension);
  const top = 25;
  const figure: FramedChart = {
    chart: flowMap(whole, { id: o.chartId, title: o.titles.whole, unit: def.unit, world, top, names: Object.fromEntries(nameMap), shortNames: short }, locale),
    frame: frameFor(o.indicator, o.figureId, span, o.titles.whole),
  };
  const byYear: { year: number; flows: FlowDatum[] }[] = [];
  for (let y = span[0]; y <= span[1]; y++) {
    const f = await flows(o.indicator, [y, y], o.dimension);
    if (f.length > 0) byYear.push({ year: y, flows: f });
  }
  const parts = def.views.parts;
  if (byYear.length < 2 || !parts) return { figure, control: null, pages: [] };
  const codes = [...new Set(whole.flatMap((f) => [f.from, f.to]))].sort();
  const geometry = flowGeometry(world, codes);
  const slug = o.chartId;
  const yearsHref = yearsPagePath(o.pagePath, slug);
  const pick = (all: Record<string, string> | Map<string, string>) => {
    const get = (c: string) => (all instanceof Map ? all.get(c) : all[c]);
    return Object.fromEntries(codes.flatMap((c) => (get(c) === undefined ? [] : [[c, get(c)!]])));
  };
  const control: FlowControl = {
    kind: 'flows',
    chartId: o.chartId,
    indicator: o.indicator,
    dimension: o.dimension,
    outward: outwardOf(o.indicator, o.dimension),
    unit: def.unit,
    view: { path: parts.path, bytes: parts.bytes },
    years: byYear.map((b) => b.year),
    titles: o.titles,
    frame: figure.frame,
    maxValue: Math.max(0, ...byYear.flatMap((b) => b.flows.map((f) => f.value ?? 0))),
    top,
    names: pick(nameMap),
    shortNames: pick(short),
    anchors: geometry.anchors,
    // The atlas's name is only read for a code the release does not name.
    atlasNames: Object.fromEntries(Object.entries(geometry.names).filter(([c]) => !nameMap.has(c))),
    yearsHref,
  };
  const years: [number, number] = [byYear[0]!.year, byYear[byYear.length - 1]!.year];
  const title = t('map.years.flowsTitle', { title: o.titles.whole });
  const table = flowYearsTable(byYear, nameMap, def.unit, locale);
  const page: YearsPage = {
    slug,
    figureId: o.figureId,
    figure: {
      chart: { svg: '', description: t('map.years.flowsDescription', { n: locale.number(table.rows.length), years: yearsText(years) }), table },
      frame: { ...frameFor(o.indicator, `years-${slug}`, years, title), subtitle: subtitleOf(def.unit, years) },
    },
  };
  return { figure, control, pages: [page] };
}
