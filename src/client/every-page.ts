/**
 * The script every page loads (src/layouts/Base.astro), kept tiny: it must not weigh on a page's first view. It writes
 * out link addresses for print, wires print buttons, shows the notice of an offline copy, and registers the service worker.
 */
import { showOfflineNotice } from './offline-notice.ts';
import { registerOffline } from './offline-register.ts';
import { wirePrintButtons } from './print-button.ts';
import { writePrintUrls } from './print-urls.ts';

export function startEveryPage(doc: Document = document): void {
  writePrintUrls(doc);
  wirePrintButtons(doc);
  showOfflineNotice(doc);
  registerOffline(doc);
}
