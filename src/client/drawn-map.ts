/**
 * What a map's redraw hands its controller (map-figure.ts): the figure, and its data table apart, for later-table.ts
 * to write a frame after the map. Shared by the choropleth and flow redraw (map-redraw.ts) and the point map's
 * (point-redraw.ts), which must not load the other's Parquet reader.
 */
import { figureHtml, tableHtml, type Frame } from '../charts/figure.ts';
import type { ChartOutput, Locale } from '../charts/types.ts';

export interface DrawnMap {
  /** The figure, its data table's <details> left empty (figure.ts's `tableLater`). */
  figure: string;
  /** The data table's HTML, for later-table.ts to write a frame later. */
  table: () => string;
  /** The status line's sentence ("Showing 2015: 98 countries or areas with a value."). */
  summary: string;
}

/** A redrawn map's figure, and its data table for later (its hundreds of rows are not in the map's frame). */
export function drawnFigure(chart: ChartOutput, frame: Frame, locale: Locale): Pick<DrawnMap, 'figure' | 'table'> {
  return { figure: figureHtml(chart, frame, locale, { tableLater: true }), table: () => tableHtml(chart.table, frame.title, locale) };
}
