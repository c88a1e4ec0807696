/**
 * Registers the service worker (/sw.js, src/pages/sw.js.ts) and hands it what this page loaded before the worker
 * controlled it: on a first visit the page, its scripts and any data were fetched before the worker existed, and
 * would otherwise not be in the offline copy. Where service workers are unavailable or refused, the page is unchanged.
 */
export const SERVICE_WORKER_URL = '/sw.js';

/** What the worker is asked to keep: this page, and the same-origin files it fetched. */
export interface KeepMessage {
  type: 'keep';
  page: string;
  urls: string[];
}

function loadedUrls(win: Window): string[] {
  const origin = win.location.origin;
  const urls = win.performance.getEntriesByType('resource').map((e) => e.name);
  return [...new Set(urls)].filter((u) => u.startsWith(`${origin}/`) && !u.startsWith(`${origin}${SERVICE_WORKER_URL}`));
}

export function registerOffline(doc: Document): void {
  const win = doc.defaultView;
  const sw = win?.navigator.serviceWorker;
  if (!win || !sw) return;
  sw.register(SERVICE_WORKER_URL)
    .then(() => sw.ready)
    .then((registration) => {
      const message: KeepMessage = { type: 'keep', page: win.location.href, urls: loadedUrls(win) };
      registration.active?.postMessage(message);
    })
    .catch(() => {
      // No offline copy (storage refused, private mode, a browser policy): the page works as before.
    });
}
