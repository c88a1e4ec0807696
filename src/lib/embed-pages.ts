/**
 * Which figures have an embed page, and where: `/embed<page path><figure id>/`, e.g.
 * `/embed/trafficking-in-persons/trend-figure/`. Only the figures of the domain dashboards and the indicator pages'
 * map and breakdowns (their trend is drawn by the page itself, not by indicator-figures.ts: not embedded yet):
 * per-figure pages for all ~200 country profiles would add ~1,500 pages to a ~300-page site; a country's series is
 * embedded from its indicator's page (whose trend takes `?geo=`).
 */
import { DOMAINS } from '../data/domains.ts';

export const EMBED_ROOT = '/embed';

/** The page path's kind, if its figures are embeddable. */
function embeddable(pagePath: string, figureId: string): boolean {
  if (/^\/indicator\/[^/]+\/$/.test(pagePath)) return figureId !== 'trend-figure';
  return DOMAINS.some((d) => pagePath === `/${d.slug}/`);
}

/** The embed page of a figure, or null when its page has none. */
export function embedPath(pagePath: string, figureId: string): string | null {
  return embeddable(pagePath, figureId) ? `${EMBED_ROOT}${pagePath}${encodeURIComponent(figureId)}/` : null;
}
