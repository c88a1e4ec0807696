/**
 * Where a figure's data table lives. A short table is in the figure itself (a closed <details>); a long one (a map's
 * ~190 countries, a flow map's ~2,000 flows) would make the page several times heavier to download, parse and lay
 * out, so it gets a static page of its own under the figure's page, `/<page path>/table/<figure id>/`, linked from
 * the figure. Both are rendered at build time from the same ChartOutput.table.
 */
import type { DataTable } from '../charts/types.ts';

/** Tables of up to this many rows stay in the figure (every figure of the country profiles, trends, breakdowns). */
export const ROWS_IN_FIGURE = 50;

export function hasTablePage(table: DataTable): boolean {
  return table.rows.length > ROWS_IN_FIGURE;
}

/** `/trafficking-in-persons/` + `map-figure` → `/trafficking-in-persons/table/map-figure/`. */
export function tablePagePath(pagePath: string, figureId: string): string {
  const base = pagePath.endsWith('/') ? pagePath : `${pagePath}/`;
  return `${base}table/${encodeURIComponent(figureId)}/`;
}

/** The figure a table page belongs to, on its own page. */
export function figureHref(pagePath: string, figureId: string): string {
  return `${pagePath}#${encodeURIComponent(figureId)}`;
}

/** A figure whose table has a page of its own, as the page that draws it and its table page both need it. */
export interface TablePageFigure {
  figureId: string;
  pagePath: string;
  pageTitle: string;
}
