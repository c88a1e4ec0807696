/**
 * Says on screen that the page is an offline copy, and of which release and date. The service worker marks a page
 * it answers from its cache with `<body data-offline-saved="<ISO date>">` (src/offline/service-worker.ts); the release
 * is the one the page itself was built from, already in the notice's text template (src/layouts/Base.astro).
 */
export const OFFLINE_ATTRIBUTE = 'offlineSaved';

export function showOfflineNotice(doc: Document): void {
  const saved = doc.body.dataset[OFFLINE_ATTRIBUTE];
  const notice = doc.querySelector<HTMLElement>('[data-offline-notice]');
  const template = notice?.dataset['template'];
  if (!saved || !notice || !template) return;
  const when = new Date(saved);
  if (Number.isNaN(when.getTime())) return;
  const lang = doc.documentElement.lang || 'en';
  // "3 Dec 2026, 00:18": short enough for the notice to stay a line or two on a phone.
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(when);
  const [before, after] = template.split('{date}');
  const time = doc.createElement('time');
  time.dateTime = when.toISOString();
  time.textContent = date;
  notice.replaceChildren(before ?? '', time, after ?? '');
  notice.hidden = false;
}
