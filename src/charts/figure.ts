import type { ChartOutput, DataTable, Locale } from './types.ts';
import { el, text, type Child } from './svg.ts';

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
}

export function yearsText(years: [number, number]): string {
  return years[0] === years[1] ? String(years[0]) : `${years[0]}–${years[1]}`;
}

/** "Persons, 2003–2021": the unit and the years a figure covers, the same at build time and after a redraw. */
export function subtitleOf(unit: string, years: [number, number]): string {
  const u = unit ? `${unit[0]!.toUpperCase()}${unit.slice(1)}, ` : '';
  return `${u}${yearsText(years)}`;
}

function cell(v: string | number | null, numeric: boolean | undefined, locale: Locale): string {
  if (v === null) return el('td', { class: 'missing' }, text(locale.t('chart.noData')));
  if (typeof v === 'number') return el('td', { class: 'num' }, text(locale.number(v)));
  return el('td', numeric ? { class: 'num' } : {}, text(v));
}

/** The chart's data as an HTML table: the accessible twin of the SVG, and what screen readers navigate. */
export function tableHtml(table: DataTable, caption: string, locale: Locale): string {
  const head = el('tr', {}, table.columns.map((c) => el('th', { scope: 'col', class: c.numeric ? 'num' : null }, text(c.label))));
  const body = table.rows.map((r) => el('tr', {}, table.columns.map((c) => cell(r[c.key] ?? null, c.numeric, locale))));
  return el('table', { class: 'data-table' }, el('caption', {}, text(caption)), el('thead', {}, head), el('tbody', {}, body));
}

/**
 * The drawing as the page holds it: every layout of a chart that has several (site.css shows the one that fits the
 * figure's width, layout.ts), the names laid over a map, and the key under a map.
 */
function drawingHtml(chart: ChartOutput): string {
  const layouts: Child = chart.layouts
    ? chart.layouts.map((l) => el('div', { class: `chart-layout chart-${l.name}` }, l.svg))
    : chart.overlay
      ? el('div', { class: 'chart-stage' }, chart.svg, chart.overlay)
      : chart.svg;
  return el('div', { class: 'chart-svg' }, layouts, chart.legend ?? null);
}

/**
 * The figure around a chart: title, subtitle, SVG, caveat, source line with the release version, text description and
 * data table. The same HTML is produced at build time and after a redraw in the browser.
 */
export function figureHtml(chart: ChartOutput, frame: Frame, locale: Locale): string {
  const sourceLine = locale.t('chart.source', { source: frame.source, version: frame.version });
  return el(
    'figure',
    { class: 'chart-figure', id: frame.id, 'aria-labelledby': `${frame.id}-title`, 'aria-describedby': `${frame.id}-desc` },
    el('figcaption', {}, el('h3', { id: `${frame.id}-title` }, text(frame.title)), el('p', { class: 'subtitle' }, text(frame.subtitle))),
    drawingHtml(chart),
    el('p', { class: 'caveat' }, el('strong', {}, text(locale.t('chart.caveat'))), ' ', text(frame.caveat)),
    el('p', { class: 'source' }, text(sourceLine), frame.href ? [' ', el('a', { href: frame.href }, text(locale.t('chart.permalink')))] : null),
    el('p', { class: 'visually-hidden', id: `${frame.id}-desc` }, text(chart.description)),
    el('details', { class: 'chart-table' }, el('summary', {}, text(locale.t('chart.table'))), tableHtml(chart.table, frame.title, locale)),
  );
}
