import type { ChartOutput, DataTable, Locale } from './types.ts';
import { el, text, type Child } from './svg.ts';
import { refPrefix, shortRef } from './ref-prefix.ts';

/** What frames every chart: enough for a delegate to cite it without the page around it. */
export interface Frame {
  id: string;
  title: string;
  /** Unit and years, e.g. "Persons, 2003–2021". */
  subtitle: string;
  /** Publisher(s) and dataset, as the catalog cites them. */
  source: string;
  version: string;
  caveat: string;
  /** Permalink to this view. */
  href?: string;
  /** What a download or citation of the figure names (src/export): the indicator, its sources' ids, its years. */
  indicator?: string;
  sources?: string[];
  years?: [number, number];
  /** The places drawn, by code, when the figure draws chosen places (not every place with data). */
  geos?: string[];
}

/** A chart with its frame: a figure as a page holds it before it is written out. */
export interface FramedChart {
  chart: ChartOutput;
  frame: Frame;
}

export function yearsText(years: [number, number]): string {
  return years[0] === years[1] ? String(years[0]) : `${years[0]}–${years[1]}`;
}

/** "Persons, 2003–2021": the unit and the years a figure covers, the same at build time and after a redraw. */
export function subtitleOf(unit: string, years: [number, number]): string {
  const u = unit ? `${unit[0]!.toUpperCase()}${unit.slice(1)}, ` : '';
  return `${u}${yearsText(years)}`;
}

/**
 * The subtitle of a latest-year view: its unit and, since the countries' latest years may differ, the span of years
 * actually drawn, said in words so a reader never takes two years for one.
 */
export function latestSubtitle(unit: string, years: readonly number[], t: (key: string, params?: Record<string, string | number>) => string): string {
  const u = unit ? `${unit[0]!.toUpperCase()}${unit.slice(1)}` : '';
  if (years.length === 0) return u;
  const lo = Math.min(...years);
  const hi = Math.max(...years);
  return lo === hi ? t('figure.latestSubtitleOne', { unit: u, year: lo }) : t('figure.latestSubtitle', { unit: u, years: yearsText([lo, hi]) });
}

/**
 * A number is shown rounded and grouped; `data-value` keeps it as the release has it (only where the two differ) and
 * `data-ref` the publisher's row (short: ref-prefix.ts), so a CSV of the table (src/export/chart-csv.ts) holds the data,
 * not its display.
 */
function cell(v: string | number | null, numeric: boolean | undefined, locale: Locale, ref: string | undefined): string {
  if (v === null) return el('td', { class: 'missing' }, text(locale.t('chart.noData')));
  const refAttr = ref === undefined ? {} : { 'data-ref': ref };
  if (typeof v === 'number') {
    const shown = locale.number(v);
    return el('td', { class: 'num', ...(shown === String(v) ? {} : { 'data-value': String(v) }), ...refAttr }, text(shown));
  }
  return el('td', { ...(numeric ? { class: 'num' } : {}), ...refAttr }, text(v));
}

/** The chart's data as an HTML table: the accessible twin of the SVG, and what screen readers navigate. */
export function tableHtml(table: DataTable, caption: string, locale: Locale): string {
  const head = el('tr', {}, table.columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null, 'data-identifies': c.identifies === true }, text(c.label))));
  const prefix = refPrefix((table.refs ?? []).flatMap((r) => Object.values(r ?? {})));
  const refOf = (i: number, key: string) => {
    const ref = table.refs?.[i]?.[key];
    return ref === undefined ? undefined : shortRef(ref, prefix);
  };
  const body = table.rows.map((r, i) => el('tr', {}, table.columns.map((c) => cell(r[c.key] ?? null, c.numeric, locale, refOf(i, c.key)))));
  return el('table', { class: 'data-table', 'data-ref-prefix': prefix, 'data-derived': table.derived ?? null }, el('caption', {}, text(caption)), el('thead', {}, head), el('tbody', {}, body));
}

/**
 * The drawing as the page holds it: every layout of a chart that has several (site.css shows the one that fits the
 * figure's width, layout.ts; print.css the paper one where there is one), the names laid over a map, and the key under
 * a map.
 */
function drawingHtml(chart: ChartOutput, inGrid: boolean): string {
  const shown = chart.layouts?.filter((l) => !(inGrid && l.name === 'full'));
  const layouts: Child = shown
    ? [
        ...shown.map((l) => el('div', { class: `chart-layout chart-${l.name}` }, l.svg)),
        chart.print ? [el('div', { class: 'chart-layout chart-print chart-print-wide' }, chart.print.wide), el('div', { class: 'chart-layout chart-print chart-print-narrow' }, chart.print.narrow)] : null,
      ]
    : chart.overlay
      ? el('div', { class: 'chart-stage' }, chart.svg, chart.overlay)
      : chart.svg;
  return el('div', { class: inGrid && shown ? 'chart-svg no-full' : 'chart-svg' }, layouts, chart.legend ?? null);
}

/** The caveat every figure and its table page carry. */
export function caveatHtml(frame: Frame, locale: Locale): string {
  return el('p', { class: 'caveat' }, el('strong', {}, text(locale.t('chart.caveat'))), ' ', text(frame.caveat));
}

/** The source line with the release version (and the view's permalink, where it has one). */
export function sourceHtml(frame: Frame, locale: Locale): string {
  const sourceLine = locale.t('chart.source', { source: frame.source, version: frame.version });
  return el('p', { class: 'source' }, text(sourceLine), frame.href ? [' ', el('a', { href: frame.href }, text(locale.t('chart.permalink')))] : null);
}

export interface FigureOptions {
  /**
   * The page that holds this figure's data table, when the table is too long for the figure's own page
   * (src/lib/table-pages.ts): the figure then links it instead of carrying it.
   */
  tableHref?: string;
  /**
   * The figure sits in a `.grid` cell, which site.css keeps narrower than the full layout's 820 px: its full layout
   * would never be shown, and leaving it out spares a phone a third of the figure's SVG to parse.
   */
  inGrid?: boolean;
  /**
   * The figure is one of a group (small multiples) whose caveat and source line the page prints once, above the
   * group: repeated under thirty small charts they would bury them.
   */
  inGroup?: boolean;
  /**
   * The figure carries its data table's <details> empty (`data-table-pending`), for the browser to fill a frame later
   * (src/client/later-table.ts, with `tableHtml`): a redrawn map, whose hundreds of rows would slow the new map.
   */
  tableLater?: boolean;
}

/**
 * The data table in the figure (or its empty place, filled later), or, when it has a page of its own, the link to it
 * with the number of rows.
 */
function tablePart(chart: ChartOutput, frame: Frame, locale: Locale, { tableHref, tableLater }: FigureOptions): string {
  if (tableHref === undefined) {
    const summary = el('summary', {}, text(locale.t('chart.table')));
    if (tableLater) return el('details', { class: 'chart-table', 'data-table-pending': '' }, summary);
    return el('details', { class: 'chart-table' }, summary, tableHtml(chart.table, frame.title, locale));
  }
  const label = locale.t('chart.tableLink', { n: locale.number(chart.table.rows.length) });
  return el('p', { class: 'chart-table-link' }, el('a', { href: tableHref, 'data-table-page': '' }, text(label)));
}

/**
 * The figure around a chart: title, subtitle, SVG, caveat, source line with the release version, text description and
 * data table (or the link to its page). The same HTML is produced at build time and after a redraw in the browser.
 */
export function figureHtml(chart: ChartOutput, frame: Frame, locale: Locale, options: FigureOptions = {}): string {
  return el(
    'figure',
    { class: 'chart-figure', id: frame.id, 'aria-labelledby': `${frame.id}-title`, 'aria-describedby': `${frame.id}-desc` },
    el('figcaption', {}, el('h3', { id: `${frame.id}-title` }, text(frame.title)), el('p', { class: 'subtitle' }, text(frame.subtitle))),
    drawingHtml(chart, options.inGrid === true),
    options.inGroup ? null : caveatHtml(frame, locale),
    options.inGroup ? null : sourceHtml(frame, locale),
    el('p', { class: 'visually-hidden', id: `${frame.id}-desc` }, text(chart.description)),
    tablePart(chart, frame, locale, options),
  );
}
