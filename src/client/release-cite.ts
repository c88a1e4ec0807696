/**
 * The data page's citation of the whole release (plain, APA 7, BibTeX): made in the browser, since it names the
 * reader's access date and the site's own address, which the build cannot know. The sources come from the page
 * (`data-release-cite`, written by the build from catalog.json).
 */
import { makeLocale } from '../i18n/locale.ts';
import { citation, type CitationStyle, type CitedSource } from '../export/cite.ts';
import { OBSERVATORY } from '../export/metadata.ts';

const STYLES: [CitationStyle, string][] = [['plain', 'actions.citePlain'], ['apa', 'actions.citeApa'], ['bibtex', 'actions.citeBibtex']];

export function startReleaseCite(doc: Document = document): void {
  const root = doc.querySelector<HTMLElement>('[data-release-cite]');
  if (!root) return;
  const { t } = makeLocale(doc.documentElement.lang || 'en');
  const { version, title, sources } = JSON.parse(root.dataset['releaseCite']!) as { version: string; title: string; sources: CitedSource[] };
  const d = new Date();
  const accessed = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const permalink = new URL(`/data/?v=${encodeURIComponent(version)}`, doc.defaultView!.location.origin).href;
  const input = { id: 'release', title, sources, observatory: OBSERVATORY, version, permalink, accessed };
  const status = doc.createElement('p');
  status.setAttribute('role', 'status');
  root.replaceChildren(...STYLES.map(([style, key]) => {
    const box = doc.createElement('div');
    box.className = 'copy-box';
    const label = doc.createElement('label');
    label.htmlFor = `release-cite-${style}`;
    label.textContent = t(key);
    const area = doc.createElement('textarea');
    area.id = label.htmlFor;
    area.readOnly = true;
    area.value = citation(style, input);
    area.rows = Math.min(12, area.value.split('\n').length + 2);
    const button = doc.createElement('button');
    button.type = 'button';
    button.textContent = t('actions.copy');
    button.addEventListener('click', () => {
      const fallback = () => { area.focus(); area.select(); status.textContent = t('actions.copyFailed'); };
      if (!navigator.clipboard) return fallback();
      navigator.clipboard.writeText(area.value).then(() => { status.textContent = t('actions.copied'); }, fallback);
    });
    box.append(label, area, button);
    return box;
  }), status);
}
