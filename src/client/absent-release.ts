/**
 * What a redrawn chart shows when the release a link cites has no view file for its indicator (published later):
 * the figure's frame, with the cited release in its source line, and a sentence where the drawing would be. Never an
 * empty chart, which would read as zeros or as "no data reported".
 */
import { caveatHtml, sourceHtml } from '../charts/figure.ts';
import { el, text } from '../charts/svg.ts';
import type { Locale } from '../charts/types.ts';
import type { DrawnTrend } from './redraw.ts';
import type { Frame } from '../charts/figure.ts';

export function absentTrend(frame: Frame, version: string, locale: Locale): DrawnTrend {
  const sentence = locale.t('release.absent', { version });
  const figure = el(
    'figure',
    { class: 'chart-figure', id: frame.id, 'aria-labelledby': `${frame.id}-title` },
    el('figcaption', {}, el('h3', { id: `${frame.id}-title` }, text(frame.title)), el('p', { class: 'subtitle' }, text(frame.subtitle))),
    el('p', { class: 'chart-absent', 'data-absent-release': version }, text(sentence)),
    caveatHtml(frame, locale),
    sourceHtml(frame, locale),
  );
  return { figure, table: el('p', { class: 'chart-absent' }, text(sentence)), summary: sentence };
}
