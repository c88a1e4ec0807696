/**
 * The notice of a page opened with a link that cites another release (`v=`): which release the redrawn charts show
 * and of when, which is the newest, a link to the same view with the newest numbers, and one to what changed.
 * Charts the page cannot redraw keep the page's own release, and their source line says so.
 */
import type { Locale } from '../charts/types.ts';
import type { ReleaseList } from './release-index.ts';

export interface CitedRelease {
  /** The release the link cites. */
  cited: string;
  /** The release the page was built from. */
  page: string;
  list: ReleaseList;
  /** The same view without `v`: the newest numbers. */
  newestHref: string;
}

function link(doc: Document, href: string, label: string): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.href = href;
  a.textContent = label;
  return a;
}

/** The notice's element: a status paragraph with its two links. */
export function releaseNotice(doc: Document, c: CitedRelease, locale: Locale): HTMLElement {
  const { t } = locale;
  const dateOf = (v: string) => c.list.releases.find((r) => r.version === v)?.published ?? '?';
  const newest = c.list.releases[0]?.version ?? c.page;
  const p = doc.createElement('p');
  p.className = 'notice release-notice';
  p.setAttribute('role', 'status');
  p.dataset['releaseNotice'] = c.cited;
  const lead = newest === c.cited
    ? t('release.notice.newest', { version: c.cited, date: dateOf(c.cited) })
    : t('release.notice.older', { version: c.cited, date: dateOf(c.cited), newest, newestDate: dateOf(newest) });
  p.append(lead, ' ', t('release.notice.others', { page: c.page }), ' ');
  if (newest !== c.cited) p.append(link(doc, c.newestHref, t('release.notice.seeNewest')), ' · ');
  p.append(link(doc, '/releases/', t('release.notice.whatChanged')));
  return p;
}
