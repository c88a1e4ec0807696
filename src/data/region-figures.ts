/**
 * Build-time: the figures of a region page (src/pages/region/[m49].astro), computed once per build per area and shared
 * with the table pages of their long tables. For each domain, one indicator its countries report (the dashboard's
 * main one when they do, else the one most of them report) is drawn twice:
 * - in the same year: the area's countries ranked (reporting-sum.ts comparisonYear), those that did not report that
 *   year shown as "No data", those that never did named under the figures;
 * - over time: the publisher's own figure for the area where there is one (IOM's world, AfRSG's Africa); otherwise
 *   the sum of what the countries reported, labelled as such, with the number of countries reporting each year
 *   (reporting-sum-charts.ts); for rates and shares, which do not add, nothing is summed and the page says so.
 * The other indicators with data are linked, not drawn, so the page stays small.
 */
import type { FramedChart } from '../charts/figure.ts';
import { lineChart } from '../charts/line-chart.ts';
import { rankedBarChart } from '../charts/bar-chart.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor } from '../lib/frames.ts';
import { DOMAINS, domainText } from './domains.ts';
import { geos, getCatalog, names, run, yearsOf, type GeoInfo } from './load.ts';
import { membersQuery, profileQuery } from './queries.ts';
import { isAdditiveUnit } from './parts-chart.ts';
import { ancestorsOf, childrenOf, membersOf } from './region-members.ts';
import { comparisonYear, reportingSums, type MemberValue } from './reporting-sum.ts';
import { reportingSumCharts } from './reporting-sum-charts.ts';
import { toBars, toSeries, type Row } from './shape.ts';
import { REGION_KINDS } from '../lib/region-path.ts';

/** How a section's over-time figure came about: the publisher's figure, a sum of countries, or none (values that do not add). */
export type OverTime = 'publisher' | 'sum' | 'not-additive';

export interface RegionSection {
  key: string;
  title: string;
  /** The indicator drawn; null when no country of the area reported to the domain. */
  featured: string | null;
  /** Every indicator of the domain with a value or a suppressed value for the area or one of its countries. */
  ids: string[];
  figures: FramedChart[];
  overTime: OverTime | null;
  /** The comparison's year, and the countries that never reported the featured indicator. */
  year: number | null;
  neverReported: GeoInfo[];
}

export interface RegionFigures {
  area: GeoInfo;
  /** The areas it sits in, outermost first, and those directly inside it. */
  ancestors: GeoInfo[];
  children: GeoInfo[];
  members: GeoInfo[];
  sections: RegionSection[];
}

const reported = (r: Row) => r['value'] !== null || r['censored'] !== null;

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = String(r[key]);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

function asMemberValues(rows: Row[]): MemberValue[] {
  return rows.map((r) => ({ geo: String(r['geo']), year: Number(r['year']), value: r['value'] === null ? null : Number(r['value']), censored: (r['censored'] as string | null) ?? null, source_ref: (r['source_ref'] as string | null) ?? null }));
}

/** The geos that reported an indicator in some year. */
function reporters(rows: Row[] | undefined): Set<string> {
  return new Set((rows ?? []).filter(reported).map((r) => String(r['geo'])));
}

/** The dashboard's main indicator when the area's countries report it, else the one most of them report. */
function featuredOf(ids: string[], main: string, byIndicator: Map<string, Row[]>): string | null {
  const counted = ids.filter((id) => reporters(byIndicator.get(id)).size > 0);
  if (counted.includes(main)) return main;
  const n = (id: string) => reporters(byIndicator.get(id)).size;
  return [...counted].sort((a, b) => n(b) - n(a) || a.localeCompare(b))[0] ?? null;
}

async function compute(geo: string): Promise<RegionFigures> {
  const info = await geos();
  const area = info.get(geo);
  if (!area || !REGION_KINDS.has(area.kind)) throw new Error(`region figures: ${geo} is not an M49 area of the release's geo table`);
  const locale = makeLocale('en');
  const { t } = locale;
  const catalog = getCatalog();
  const nameMap = await names();
  const members = membersOf(area, info.values());
  const memberRows = members.length > 0 ? await run(membersQuery(members.map((m) => m.geo))) : [];
  const byIndicator = groupBy(memberRows, 'indicator');
  const own = groupBy((await run(profileQuery(geo))).filter(reported), 'indicator');

  // In a sentence the world is "the world"; every other area goes by its name.
  const phrase = areaPhrase(area, t);
  const sections = await Promise.all(
    DOMAINS.map(async (d): Promise<RegionSection> => {
      const title = domainText(d, 'title', locale);
      const ids = catalog.indicators.filter((i) => i.domain === d.domain && (reporters(byIndicator.get(i.id)).size > 0 || own.has(i.id))).map((i) => i.id);
      const featured = featuredOf(ids, d.main, byIndicator);
      const empty: RegionSection = { key: d.domain, title, featured, ids, figures: [], overTime: null, year: null, neverReported: [] };
      if (featured === null) return empty;
      const def = catalog.indicators.find((i) => i.id === featured)!;
      const rows = (byIndicator.get(featured) ?? []).filter(reported);
      const year = comparisonYear(asMemberValues(rows));
      const ever = reporters(rows);
      const figures: FramedChart[] = [];

      if (year !== null) {
        // Every country that ever reported has a row: a value, its suppressed mark, or "No data" for that year.
        const inYear = new Map(rows.filter((r) => Number(r['year']) === year).map((r) => [String(r['geo']), r]));
        const barRows = [...ever].map((g) => inYear.get(g) ?? { geo: g, value: null, censored: null, value_min: null, value_max: null });
        const barsTitle = t('region.barsTitle', { title: def.title, area: phrase, year });
        figures.push({
          chart: rankedBarChart(toBars(barRows.map(({ year: _y, ...r }) => r), nameMap), { id: `${d.domain}-bars`, title: barsTitle, unit: def.unit, categoryLabel: t('chart.country') }, locale),
          frame: { ...frameFor(featured, `fig-${d.domain}-bars`, [year, year], barsTitle), geos: [...ever].sort() },
        });
      }

      const years = yearsOf(featured);
      const ownRows = own.get(featured);
      let overTime: OverTime;
      if (ownRows) {
        overTime = 'publisher';
        const seriesName = t('region.publisherSeries', { area: area.name });
        const lineTitle = t('region.publisherTitle', { title: def.title, area: area.name });
        figures.push({
          chart: lineChart(toSeries(ownRows, new Map([[geo, seriesName]])), { id: `${d.domain}-area`, title: lineTitle, unit: def.unit, yearDomain: years, partial: def.partial_periods }, locale),
          frame: { ...frameFor(featured, `fig-${d.domain}-area`, years, lineTitle), geos: [geo] },
        });
      } else if (isAdditiveUnit(def.unit)) {
        overTime = 'sum';
        const sumTitle = t('region.sumTitle', { title: def.title, area: phrase });
        const countTitle = t('region.countTitle', { title: def.title, area: phrase });
        const charts = reportingSumCharts(
          reportingSums(asMemberValues(rows)),
          { id: `${d.domain}-sum`, title: sumTitle, countTitle, series: t('region.sumSeries'), short: t('region.sumSeriesShort'), unit: def.unit, yearDomain: years, partial: def.partial_periods },
          locale,
        );
        const caveat = `${t('region.sumCaveat')} ${def.caveat}`;
        figures.push(
          { chart: charts.sum, frame: { ...frameFor(featured, `fig-${d.domain}-sum`, years, sumTitle), caveat, geos: [...ever].sort() } },
          { chart: charts.count, frame: { ...frameFor(featured, `fig-${d.domain}-sum-count`, years, countTitle), subtitle: t('region.countSubtitle', { years: `${years[0]}–${years[1]}` }), caveat, geos: [...ever].sort() } },
        );
      } else overTime = 'not-additive';

      const neverReported = members.filter((m) => !ever.has(m.geo));
      return { ...empty, figures, overTime, year, neverReported };
    }),
  );
  return { area, ancestors: ancestorsOf(area, info), children: childrenOf(area, info.values()), members, sections };
}

/** How a sentence names an area: "the world", or the area's name. */
export function areaPhrase(area: { kind: string; name: string }, t: (key: string) => string): string {
  return area.kind === 'world' ? t('region.theWorld') : area.name;
}

const cache = new Map<string, Promise<RegionFigures>>();

/** An area's figures, computed on first asking and shared by every page of the build that shows them. */
export function regionFigures(geo: string): Promise<RegionFigures> {
  let figures = cache.get(geo);
  if (!figures) cache.set(geo, (figures = compute(geo)));
  return figures;
}

/** Every M49 area of the release, outermost first (the world, then regions, sub-regions, intermediate regions), by code. */
export async function regionAreas(): Promise<GeoInfo[]> {
  const order = ['world', 'region', 'subregion', 'intermediate'];
  return [...(await geos()).values()].filter((g) => REGION_KINDS.has(g.kind)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.geo.localeCompare(b.geo));
}
