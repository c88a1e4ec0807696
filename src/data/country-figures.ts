/**
 * Build-time: every figure of a country profile, framed, computed once per build per place. The profile page
 * (src/pages/country/[geo].astro) and its A4 handout (src/pages/handout/country/[geo].astro) draw the same figures.
 */
import type { FramedChart } from '../charts/figure.ts';
import { lineChart } from '../charts/line-chart.ts';
import { rankedBarChart } from '../charts/bar-chart.ts';
import { makeLocale } from '../i18n/locale.ts';
import { frameFor, latestSubtitle } from '../lib/frames.ts';
import { DOMAINS, domainText } from './domains.ts';
import { geos, getCatalog, latestBars, run, type GeoInfo } from './load.ts';
import { profileQuery } from './queries.ts';
import { toSeries } from './shape.ts';

/** One domain's part of a profile (or the context section): its charted figures and the indicators it has. */
export interface CountrySection {
  key: string;
  title: string;
  /** Every indicator of the section with data for the place; the figures chart up to three of them. */
  ids: string[];
  /** The indicators with a trend figure; the others are linked. */
  charted: string[];
  /** The trends, then the comparison with the subregion's countries when there is one. */
  figures: CountryFigure[];
}

export interface CountryFigure extends FramedChart {
  indicator: string;
}

export interface CountryFigures {
  place: GeoInfo;
  sections: CountrySection[];
  /** The sources of every indicator the figures chart. */
  sourceIds: string[];
}

async function compute(geo: string): Promise<CountryFigures> {
  const info = await geos();
  const place = info.get(geo);
  if (!place) throw new Error(`country figures: ${geo} is not in the release's geo table`);
  const locale = makeLocale('en');
  const { t } = locale;
  const catalog = getCatalog();
  const rows = await run(profileQuery(geo));
  const byIndicator = new Map<string, typeof rows>();
  for (const r of rows) byIndicator.set(String(r['indicator']), [...(byIndicator.get(String(r['indicator'])) ?? []), r]);
  const peers = new Set([...info.values()].filter((g) => g.subregion_m49 !== null && g.subregion_m49 === place.subregion_m49 && g.kind === 'country').map((g) => g.geo));
  peers.add(geo);

  const domains = [...DOMAINS.map((d) => ({ key: d.domain, title: domainText(d, 'title', locale), main: d.main })), { key: 'context', title: t('context.title'), main: '' }];
  const sections = await Promise.all(
    domains.map(async (d): Promise<CountrySection> => {
      // Up to three series per domain: the dashboard's main indicator first, then the best covered.
      const ids = catalog.indicators.filter((i) => i.domain === d.key && byIndicator.has(i.id)).map((i) => i.id);
      const rank = (id: string) => (id === d.main ? Number.MAX_SAFE_INTEGER : byIndicator.get(id)!.length);
      const chosen = [...ids].sort((a, b) => rank(b) - rank(a) || a.localeCompare(b)).slice(0, 3);
      const figures: CountryFigure[] = chosen.map((id, i) => {
        const def = catalog.indicators.find((x) => x.id === id)!;
        const data = toSeries(byIndicator.get(id)!, new Map([[geo, place.name]]));
        const years: [number, number] = [Math.min(...data.map((p) => p.year)), Math.max(...data.map((p) => p.year))];
        const title = t('country.chartTitle', { title: def.title, place: place.name });
        return {
          indicator: id,
          chart: lineChart(data, { id: `${d.key}-${i}`, title, unit: def.unit, yearDomain: years, partial: def.partial_periods }, locale),
          frame: { ...frameFor(id, `fig-${d.key}-${id}`, years, title, `/indicator/${id}/?geo=${geo}`), geos: [geo] },
        };
      });
      if (d.main && byIndicator.has(d.main) && place.subregion_name) {
        const def = catalog.indicators.find((x) => x.id === d.main)!;
        const c = def.coverage!;
        const years: [number, number] = [c.year_min!, c.year_max!];
        const bars = await latestBars(d.main, years, undefined, (g) => peers.has(g));
        const title = t('country.peersTitle', { title: def.title, subregion: place.subregion_name });
        // Each bar is its country's latest year: the subtitle says which years, so two years are never read as one.
        const subtitle = latestSubtitle(def.unit, bars.map((b) => b.year ?? years[1]), t);
        if (bars.length > 1) {
          figures.push({
            indicator: def.id,
            chart: rankedBarChart(bars, { id: `${d.key}-peers`, title, unit: def.unit, highlight: geo, categoryLabel: t('chart.country') }, locale),
            frame: { ...frameFor(def.id, `fig-${d.key}-peers`, years, title), subtitle, geos: [...peers] },
          });
        }
      }
      return { key: d.key, title: d.title, ids, charted: chosen, figures };
    }),
  );
  const sourceIds = [...new Set(sections.flatMap((s) => s.figures).flatMap((f) => catalog.indicators.find((x) => x.id === f.indicator)!.sources))];
  return { place, sections, sourceIds };
}

const cache = new Map<string, Promise<CountryFigures>>();

/** A place's profile figures, computed on first asking and shared by every page of the build that shows them. */
export function countryFigures(geo: string): Promise<CountryFigures> {
  let figures = cache.get(geo);
  if (!figures) cache.set(geo, (figures = compute(geo)));
  return figures;
}
