/**
 * The data page's citation of the whole release (plain, APA 7, BibTeX): made in the browser, since it names the
 * reader's access date and the site's own address, which the build cannot know. The sources come from the page
 * (`data-release-cite`, written by the build from catalog.json).
 */
import { makeLocale } from '../i18n/locale.ts';
import { citation, type CitedSource } from '../export/cite.ts';
import { citationStyles, copyBox } from '../export/copy-box.ts';
import { OBSERVATORY } from '../export/metadata.ts';
import { localDate } from '../export/local-date.ts';

export function startReleaseCite(doc: Document = document): void {
  const root = doc.querySelector<HTMLElement>('[data-release-cite]');
  if (!root) return;
  const { version, title, sources } = JSON.parse(root.dataset['releaseCite']!) as { version: string; title: string; sources: CitedSource[] };
  const accessed = localDate(new Date());
  const permalink = new URL(`/data/?v=${encodeURIComponent(version)}`, doc.defaultView!.location.origin).href;
  const input = { id: 'release', title, sources, observatory: OBSERVATORY, version, permalink, accessed };
  const status = doc.createElement('p');
  status.setAttribute('role', 'status');
  const say = (text: string) => { status.textContent = text; };
  const locale = makeLocale(doc.documentElement.lang || 'en');
  root.replaceChildren(...citationStyles(locale).map(([style, label]) => copyBox(doc, `release-cite-${style}`, label, citation(style, input), locale, say)), status);
}
