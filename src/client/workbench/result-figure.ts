/** A query result drawn with the site's chart functions and framed like every figure (source, version, caveat). */
import type { Locale } from '../../charts/types.ts';
import { figureHtml } from '../../charts/figure.ts';
import { lineChart } from '../../charts/line-chart.ts';
import { rankedBarChart } from '../../charts/ranked-bar-chart.ts';
import { MAX_BARS, MAX_SERIES, resultChart } from '../../explore/result-chart.ts';
import { columnKind } from './workbench-text.ts';
import type { Result } from './session.ts';

export function resultFigure(result: Result, version: string, locale: Locale): string {
  const picked = resultChart(result.columns.map((c) => ({ name: c.name, kind: columnKind(c) })), result.rows);
  if (picked.kind === 'none') return `<p class="notice">${locale.t('explore.chart.none')}</p>`;
  const title = locale.t('explore.chart.title', { value: picked.value });
  const chart = picked.kind === 'line'
    ? lineChart(picked.points, { id: 'query-chart', title, unit: picked.value }, locale)
    : rankedBarChart(picked.bars, { id: 'query-chart', title, unit: picked.value }, locale);
  const left = picked.kind === 'line'
    ? (picked.seriesLeftOut > 0 ? locale.t('explore.chart.seriesLeftOut', { shown: MAX_SERIES, left: picked.seriesLeftOut }) : '')
    : (picked.rowsLeftOut > 0 ? locale.t('explore.chart.rowsLeftOut', { shown: MAX_BARS, left: picked.rowsLeftOut }) : '');
  return figureHtml(chart, { id: 'query-figure', title, subtitle: left, source: locale.t('explore.chart.source'), version, caveat: locale.t('explore.chart.caveat') }, locale);
}
