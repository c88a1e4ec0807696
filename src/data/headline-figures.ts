/**
 * Build-time: each domain's headline trend for the home page (the series chosen in src/lib/headlines.ts), asked of
 * the release, drawn by the shared line chart and framed with what the figure is and is not.
 */
import type { FramedChart } from '../charts/figure.ts';
import type { ChartOutput, DataTable, Locale, SeriesPoint } from '../charts/types.ts';
import { lineChart } from '../charts/line-chart.ts';
import { subtitleOf } from '../charts/figure.ts';
import { yearLabel } from '../charts/axis.ts';
import { valueText } from '../charts/scales.ts';
import { headlineSeries, HEADLINES, indicatorsOf, type HeadlineChoice, type HeadlineSeries, type ReportedValue } from '../lib/headlines.ts';
import { indicatorDef, sourceLine } from '../lib/frames.ts';
import { domainText, type DomainSpec } from './domains.ts';
import { getCatalog, names, partialOf, run } from './load.ts';
import { totalsQuery } from './queries.ts';
import { shortName } from '../i18n/short-names.ts';

export interface HomeHeadline {
  domain: DomainSpec;
  choice: HeadlineChoice;
  series: HeadlineSeries;
  /** The big number with its unit where a bare number would mislead ("0.4%"), or null without a value. */
  figure: string | null;
  /** What the big number counts, after it: "victims of trafficking detected in 2020". */
  label: string;
  /** What the figure is: whose total, or which countries are summed (one sentence). */
  what: string;
  /** What a reader should know besides: what a sum leaves out, a partial year. */
  notes: string[];
  /** A sum's countries, by name (short forms), sorted. */
  members: string[];
  figureChart: FramedChart;
}

/** The rows a choice reads, by indicator: countries only for a sum or a pooled share, else the publisher's geography. */
async function rowsOf(choice: HeadlineChoice): Promise<Map<string, ReportedValue[]>> {
  const where = choice.kind === 'publisher' ? { geo: choice.geo } : { kinds: ['country'] };
  const out = new Map<string, ReportedValue[]>();
  for (const id of indicatorsOf(choice)) out.set(id, (await run(totalsQuery(id, where))) as unknown as ReportedValue[]);
  return out;
}

function mainIndicator(choice: HeadlineChoice): string {
  return choice.kind === 'pooled' ? choice.numerator : choice.indicator;
}

function figureText(series: HeadlineSeries, unit: string, locale: Locale): string | null {
  if (!series.latest) return null;
  const v = valueText(series.latest, locale);
  return unit === 'percent' ? locale.t('home.percent', { value: v }) : v;
}

/**
 * Whose figure this is, in one sentence (a comparison says it is not a world total), and the notes under it: what a
 * sum leaves out and how much of it one country is, how a pooled share's countries change.
 */
function whatText(choice: HeadlineChoice, series: HeadlineSeries, nameOf: (geo: string) => string, publisher: string, locale: Locale): { what: string; notes: string[] } {
  const { t } = locale;
  const n = (x: number) => locale.number(x);
  switch (choice.kind) {
    case 'publisher':
      return { what: t('home.what.publisher', { place: nameOf(choice.geo), publisher }), notes: [] };
    case 'panel': {
      const notes: string[] = [];
      const out = series.leftOut ?? { skipped: 0, suppressed: 0 };
      if (out.suppressed > 0) notes.push(t('home.what.panelSuppressed', { skipped: n(out.skipped), suppressed: n(out.suppressed) }));
      else if (out.skipped > 0) notes.push(t('home.what.panelSkipped', { n: n(out.skipped) }));
      if (series.largest && series.latest) {
        notes.push(t('home.what.largest', { name: nameOf(series.largest.geo), share: locale.number(series.largest.share * 100, 0), year: series.latest.year }));
      }
      return { what: t('home.what.panel', { n: n(series.members?.length ?? 0), from: choice.years[0], to: choice.years[1] }), notes };
    }
    case 'pooled': {
      const counts = series.points.filter((p) => p.countries > 0).map((p) => p.countries);
      const latest = series.latest;
      return {
        what: latest ? t('home.what.pooled', { n: n(latest.countries), year: latest.year, samples: n(latest.base ?? 0) }) : '',
        notes: [t('home.what.pooledCountries', { min: n(Math.min(...counts)), max: n(Math.max(...counts)) })],
      };
    }
  }
}

/** The chart's series name: whose series it is, short enough for a legend. */
function seriesName(choice: HeadlineChoice, series: HeadlineSeries, nameOf: (geo: string) => string, locale: Locale): string {
  switch (choice.kind) {
    case 'publisher':
      return nameOf(choice.geo);
    case 'panel':
      return locale.t('home.series.panel', { n: locale.number(series.members?.length ?? 0) });
    case 'pooled':
      return locale.t('home.series.pooled');
  }
}

function titleOf(choice: HeadlineChoice, label: string, name: string, n: string, locale: Locale): string {
  switch (choice.kind) {
    case 'publisher':
      return locale.t('home.chartTitle.publisher', { label, place: name });
    case 'panel':
      return locale.t('home.chartTitle.panel', { label, n });
    case 'pooled':
      return locale.t('home.chartTitle.pooled', { label });
  }
}

/**
 * The line chart's table, with the countries behind each year (and, for a pooled share, the samples): a sum or a share
 * is read with what it is made of.
 */
function tableWithCounts(table: DataTable, choice: HeadlineChoice, series: HeadlineSeries, locale: Locale): DataTable {
  if (choice.kind === 'publisher') return table;
  const byYear = new Map(series.points.map((p) => [yearLabel(p.year), p]));
  const [year, ...rest] = table.columns;
  const columns = [
    year!,
    ...rest.slice(0, 1),
    { key: 'countries', label: locale.t('home.table.countries'), numeric: true },
    ...(choice.kind === 'pooled' ? [{ key: 'samples', label: locale.t('home.table.samples'), numeric: true }] : []),
    ...rest.slice(1),
  ];
  const rows = table.rows.map((r) => {
    const p = byYear.get(String(r['year']));
    return { ...r, countries: p && p.countries > 0 ? p.countries : null, ...(choice.kind === 'pooled' ? { samples: p?.base ?? null } : {}) };
  });
  return { ...table, columns, rows };
}

async function headlineOf(domain: DomainSpec, locale: Locale): Promise<HomeHeadline> {
  const choice = HEADLINES[domain.slug];
  if (!choice) throw new Error(`${domain.slug}: no headline series chosen in src/lib/headlines.ts`);
  const indicator = mainIndicator(choice);
  const def = indicatorDef(indicator);
  const partial = partialOf(indicator);
  const series = headlineSeries(choice, await rowsOf(choice), partial.map((p) => p.year));
  if (series.points.length === 0) throw new Error(`${domain.slug}: the headline series ${JSON.stringify(choice)} has no values in this release`);
  const nameMap = await names();
  // Short names ("United Kingdom"): the notes are read at a glance.
  const nameOf = (geo: string) => shortName(geo, nameMap.get(geo) ?? geo);
  // A pooled share is a percentage whatever the unit of the counts it divides.
  const unit = choice.kind === 'pooled' ? 'percent' : def.unit;
  const name = seriesName(choice, series, nameOf, locale);
  const points: SeriesPoint[] = series.points.map((p) => ({ series: name, year: p.year, value: p.value, censored: p.censored, min: p.min, max: p.max, ...(p.source_ref ? { source_ref: p.source_ref } : {}) }));
  const years: [number, number] = [series.points[0]!.year, series.points[series.points.length - 1]!.year];
  const label = domainText(domain, 'headline', locale);
  const title = titleOf(choice, label, name, locale.number(series.members?.length ?? 0), locale);
  const id = `headline-${domain.slug}`;
  const drawn = lineChart(points, { id, title, unit, yearDomain: years, partial: partial.filter((p) => p.year >= years[0] && p.year <= years[1]) }, locale);
  // The home page shows the narrow layout only (site.css .headlines): its cards are about 20rem wide at every screen
  // width, and one layout is half the bytes of two.
  const narrow = drawn.layouts!.find((l) => l.name === 'narrow')!;
  const counted = tableWithCounts(drawn.table, choice, series, locale);
  // A sum or a pooled share is the site's arithmetic over many rows: its table says how it was computed.
  const derived = choice.kind === 'pooled' ? locale.t('headline.derived.pooled', { indicator }) : locale.t('headline.derived.panel', { indicator });
  const table = choice.kind === 'publisher' ? counted : { ...counted, derived };
  const chart: ChartOutput = { ...drawn, svg: narrow.svg, layouts: [narrow], table };
  const source = sourceLine(indicatorsOf(choice).flatMap((i) => indicatorDef(i).sources).filter((s, i, all) => all.indexOf(s) === i));
  const publisher = getCatalog().sources.find((s) => s.id === def.sources[0])?.publisher ?? source;
  const figureChart: FramedChart = {
    chart,
    frame: {
      id,
      title,
      subtitle: subtitleOf(unit, years),
      source,
      version: getCatalog().version,
      caveat: locale.t(`domain.${domain.slug}.headlineNot`),
      indicator,
      sources: [...def.sources],
      years,
    },
  };
  const { what, notes } = whatText(choice, series, nameOf, publisher, locale);
  // A partial year after the latest full one is drawn (marked) but is not the big number: say why.
  const later = partial.filter((p) => p.year > (series.latest?.year ?? Infinity) && p.year <= years[1]);
  return {
    domain,
    choice,
    series,
    figure: figureText(series, unit, locale),
    label: series.latest ? locale.t(`domain.${domain.slug}.headlineFigure`, { year: series.latest.year }) : label,
    what,
    notes: [...notes, ...later.map((p) => locale.t('home.partial', { year: p.year, note: p.note }))],
    members: (series.members ?? []).map(nameOf).sort((a, b) => a.localeCompare(b)),
    figureChart,
  };
}

/** Every domain's headline, in the domains' order. */
export async function homeHeadlines(domains: DomainSpec[], locale: Locale): Promise<HomeHeadline[]> {
  const out: HomeHeadline[] = [];
  for (const d of domains) out.push(await headlineOf(d, locale));
  return out;
}
