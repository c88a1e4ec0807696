/**
 * The indicator page's Table tab: the selected places × the selected years, one row each, with the value as the
 * release has it (a number, a suppressed mark such as "<5", or "No data") and the row of the publisher's file it
 * came from. Every place is listed for every year of the range, so a gap reads "No data" rather than being absent.
 * Pure: the build renders the default view with it, and the browser the view a reader chooses.
 */
import { el, text } from './svg.ts';
import { yearsText } from './figure.ts';
import { valueKind, valueText } from './scales.ts';
import type { Locale, SeriesPoint } from './types.ts';
import { nameOrder } from './name-order.ts';

export interface SeriesTableOptions {
  title: string;
  unit: string;
  /** The places chosen, by code. */
  geos: readonly string[];
  /** The years chosen, inclusive. */
  years: [number, number];
  /** A place's page, or null when it has none; without it no place is linked. */
  href?: (geo: string) => string | null;
}

/** `points[].series` holds the place's code (as the query returns it); `names` gives the name shown. */
export function seriesTableHtml(points: readonly SeriesPoint[], names: ReadonlyMap<string, string>, options: SeriesTableOptions, locale: Locale): string {
  const { t } = locale;
  const byCell = new Map<string, SeriesPoint[]>();
  for (const p of points) {
    const key = `${p.series}|${p.year}`;
    byCell.set(key, [...(byCell.get(key) ?? []), p]);
  }
  const nameOf = (geo: string) => names.get(geo) ?? geo;
  const byName = nameOrder(locale.lang);
  const places = [...new Set(options.geos)].sort((a, b) => byName(nameOf(a), nameOf(b)) || a.localeCompare(b));
  const [from, to] = options.years;
  const rows: string[] = [];
  for (const geo of places) {
    const href = options.href?.(geo) ?? null;
    const place = href ? el('a', { href }, text(nameOf(geo))) : text(nameOf(geo));
    for (let year = from; year <= to; year++) {
      for (const p of byCell.get(`${geo}|${year}`) ?? [null]) {
        const missing = p === null || valueKind(p) === 'missing';
        rows.push(
          el(
            'tr',
            {},
            el('td', {}, place),
            el('td', {}, text(String(year))),
            el('td', { class: missing ? 'num missing' : 'num' }, text(p ? valueText(p, locale) : t('chart.noData'))),
            // Written out: el() would close an empty cell as <td/>, which HTML does not allow.
            p?.source_ref ? el('td', {}, el('code', {}, text(p.source_ref))) : '<td></td>',
          ),
        );
      }
    }
  }
  const head = el('tr', {}, [t('chart.country'), t('chart.year'), t('chart.value'), t('table.sourceRow')].map((label, i) =>
    el('th', { scope: 'col', class: i === 2 ? 'num' : null }, text(label)),
  ));
  const caption = t('seriesTable.caption', { title: options.title, unit: options.unit, years: yearsText(options.years) });
  return el('table', { class: 'plain series-table' }, el('caption', {}, text(caption)), el('thead', {}, head), el('tbody', {}, rows));
}
