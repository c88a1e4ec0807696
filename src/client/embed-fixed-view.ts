/**
 * An embedded figure the browser cannot redraw (a map, bars, flows: drawn at build time only) shows the build's view
 * of its page's release. When its link asks for another view (places, years) or another release, the embed says what
 * it shows rather than seeming to follow the link. A redrawable figure (`.figure-host[data-chart]`) is left to main.ts.
 */
import { pageLocale } from './page-data.ts';

const VIEW_PARAMS = ['geo', 'years', 'from', 'to', 'v'] as const;

export function noteFixedView(doc: Document = document): void {
  if (doc.querySelector('.figure-host[data-chart]')) return;
  const notice = doc.querySelector<HTMLElement>('[data-notice]');
  const version = doc.body.dataset['release'] ?? '';
  const q = new URLSearchParams(doc.defaultView!.location.search);
  const asked = VIEW_PARAMS.filter((k) => q.has(k) && !(k === 'v' && q.get(k) === version));
  if (!notice || asked.length === 0) return;
  const { t } = pageLocale(doc);
  notice.textContent = t('embed.fixedView', { params: asked.map((k) => `${k}=${q.get(k) ?? ''}`).join(', '), version });
  notice.hidden = false;
}
