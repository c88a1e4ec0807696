/**
 * The page of one figure's long data table (src/lib/table-pages.ts): the figure's title, unit and years, caveat,
 * source with the release version, its text description and the whole table, with links back to the figure. The
 * table is the figure's own ChartOutput.table, written by the same function as a table inside a figure.
 */
import { caveatHtml, sourceHtml, tableHtml, type FramedChart } from './figure.ts';
import { el, text } from './svg.ts';
import type { Locale } from './types.ts';

export interface BackLink {
  /** The figure on its page, e.g. `/wildlife/#map-figure`. */
  href: string;
  /** The title of that page. */
  page: string;
}

/**
 * What the table page's <main> holds; the page's own <h1> is the figure's title. A `wide` table (a map's every year,
 * a column each) scrolls sideways in its own box rather than widening a phone's page.
 */
export function tablePageHtml({ chart, frame }: FramedChart, back: BackLink, locale: Locale, { wide = false }: { wide?: boolean } = {}): string {
  const { t } = locale;
  const backLink = () => el('p', { class: 'back' }, el('a', { href: back.href }, text(t('tablePage.back', { page: back.page }))));
  return el(
    'div',
    { class: 'table-page' },
    backLink(),
    el('h1', { id: `${frame.id}-title` }, text(frame.title)),
    el('p', { class: 'subtitle' }, text(frame.subtitle)),
    caveatHtml(frame, locale),
    sourceHtml(frame, locale),
    el('p', {}, text(chart.description)),
    el('p', {}, text(t('tablePage.rows', { n: locale.number(chart.table.rows.length) }))),
    wide ? el('div', { class: 'table-wrap', role: 'region', 'aria-labelledby': `${frame.id}-title`, tabindex: '0' }, tableHtml(chart.table, frame.title, locale)) : tableHtml(chart.table, frame.title, locale),
    backLink(),
  );
}
