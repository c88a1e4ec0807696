/**
 * The sentences the page script writes about views: a view in words, the notice for a link that could not be fully
 * used, the reason a form was not applied, and what a chart that is not (yet) the view asked for shows.
 */
import type { Locale } from '../charts/types.ts';
import { yearsText } from '../charts/figure.ts';
import { makeLocale } from '../i18n/locale.ts';
import { reasonText, type ParsedState } from '../state/url-state.ts';
import type { View } from './chart-phase.ts';
import { failureText } from './read-failure.ts';

const EN = makeLocale('en');

/** "Kenya, Germany, 2010–2020". */
export function viewText(view: View, names: ReadonlyMap<string, string>, locale: Locale = EN): string {
  return locale.t('view.text', { places: view.geo.map((g) => names.get(g) ?? g).join(', '), years: yearsText([view.years[0], view.years[1]]) });
}

/** What a chart marked as not yet the view asked for says: what is loading (or failed), and what it still shows. */
export function pendingText(shown: View, wanted: View, error: unknown, names: ReadonlyMap<string, string>, locale: Locale = EN): string {
  const params = { wanted: viewText(wanted, names, locale), shown: viewText(shown, names, locale) };
  return error === undefined
    ? locale.t('pending.loading', params)
    : locale.t('pending.failed', { ...params, error: failureText(error, locale) });
}

/** A URL parameter's name in words, in a status line. */
function paramName(param: string, { t }: Locale): string {
  switch (param) {
    case 'tab':
      return t('status.param.tab');
    case 'indicator':
      return t('status.param.indicator');
    case 'lang':
      return t('status.param.lang');
    default:
      return param;
  }
}

/** The notice for a link whose parameters were (partly) ignored. */
export function linkNotice(problems: ParsedState['problems'], locale: Locale = EN): string {
  const items = problems.map((p) => locale.t('notice.problem', { param: p.param, value: p.value, reason: reasonText(p, locale) }));
  return locale.t('notice.link', { problems: items.join('; ') });
}

/** The status line for a form that cannot be applied (the form only sets countries and years). */
export function formProblem(problems: ParsedState['problems'], yearRange: [number, number], locale: Locale = EN): string {
  const { t } = locale;
  const parts = problems.map((p) => {
    if (p.param === 'geo' && p.reason === 'empty-list') return t('status.chooseGeo');
    if (p.param === 'geo') return t('status.geoProblem', { reason: reasonText(p, locale) });
    if (p.param === 'from' || p.param === 'to' || p.param === 'years') return t('status.yearsProblem', { from: yearRange[0], to: yearRange[1] });
    return t('status.paramProblem', { param: paramName(p.param, locale), reason: reasonText(p, locale) });
  });
  // A blank "from" and a blank "to" are one problem to the reader.
  return t('status.notUpdated', { problems: [...new Set(parts)].join('; ') });
}
