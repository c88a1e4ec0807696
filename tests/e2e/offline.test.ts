/**
 * Offline use, in Chromium with the site's service worker running (every other test file blocks it): a dashboard
 * opened once, and a view of it the reader redrew, work again with the network cut — the page from the worker's
 * cache with the notice of an offline copy naming its release (a compact banner that covers nothing, on a phone and a
 * laptop), the redraw from the view file the worker kept. And
 * the worker's cache is the release's own: activating drops caches of other releases, never another site's.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { distRelease, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, figureTable, setUp, title, TREND_HOST } from './support/suite.ts';
import { REDRAW_TIMEOUT } from './support/trend-view.ts';

const DASHBOARD = '/trafficking-in-persons/';
const VIEW = `${DASHBOARD}?geo=KEN,NGA&years=2010-2020`;

/** Waits until the worker controls the page and holds `paths` in its cache; returns the cache's keys (paths). */
async function kept(page: Page, cacheName: string, paths: string[], timeout = 30_000): Promise<string[]> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
  const until = Date.now() + timeout;
  for (;;) {
    const keys = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), cacheName);
    const missing = paths.filter((p) => !keys.includes(p));
    if (missing.length === 0) return keys;
    if (Date.now() > until) throw new Error(`not kept by the service worker after ${timeout} ms: ${missing.join(', ')} (kept: ${keys.join(', ')})`);
    await page.waitForTimeout(200);
  }
}

describe.skipIf(!BUILT)(title('offline'), () => {
  let server: StaticServer;
  let session: Session;
  const release = BUILT ? distRelease() : { version: '', base: '' };
  const cacheName = `cto-${release.version}`;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin, { serviceWorkers: 'allow' });
  });

  afterAll(async () => {
    await session?.context.setOffline(false);
    await session?.close();
    await server?.close();
  });

  it('a dashboard and a view redrawn on it, opened once, work with the network cut, saying they are an offline copy', async () => {
    ready();
    // Caches a previous release's worker left, and one that is not the site's worker's: set before the worker exists.
    const before = await session.open('/data/current.json');
    await before.evaluate(async () => {
      await caches.open('cto-an-older-release');
      await caches.open('another-app');
    });

    const page = await session.open(DASHBOARD);
    const spec = await page.locator(TREND_HOST).evaluate((host) => JSON.parse((host as HTMLElement).dataset['chart'] ?? '{}') as { view: { path: string } });
    const viewFile = `${release.base}${spec.view.path}`;
    const script = await page.evaluate(() => new URL(document.querySelector<HTMLScriptElement>('script[src]')!.src).pathname);
    // The page and its script were fetched before the worker existed: it is handed them (src/client/offline-register.ts).
    await kept(page, cacheName, [DASHBOARD, script]);
    expect(await page.evaluate(() => caches.keys()), 'caches after the worker activated').toEqual(expect.arrayContaining(['another-app', cacheName]));
    expect(await page.evaluate(() => caches.keys())).not.toContain('cto-an-older-release');

    // A view the reader asks for: the worker sees its range reads of the view file and keeps the whole file.
    await page.goto(new URL(VIEW, server.origin).href);
    await page.waitForSelector(`${TREND_HOST}[data-rendered-by="browser"]:not([aria-busy="true"])`, { timeout: REDRAW_TIMEOUT });
    const online = await figureTable(page, TREND_HOST);
    const keys = await kept(page, cacheName, [DASHBOARD, script, viewFile]);
    const bytes = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      let sum = 0;
      for (const r of await cache.keys()) sum += (await (await cache.match(r))!.arrayBuffer()).byteLength;
      return sum;
    }, cacheName);
    const sent = server.requests.reduce((s, r) => s + r.bytes, 0);
    console.log(`offline copy of ${DASHBOARD} and one redrawn view: ${keys.length} files, ${bytes} bytes in the cache (uncompressed); ${sent} bytes sent by the server in the whole session (compressed as served, ${server.requests.length} requests)`);
    expect(await page.locator('[data-offline-notice]').isVisible(), 'offline notice while online').toBe(false);

    await session.context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    const notice = page.locator('[data-offline-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(release.version);
    expect(await notice.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.waitForSelector(`${TREND_HOST}[data-rendered-by="browser"]:not([aria-busy="true"])`, { timeout: REDRAW_TIMEOUT });
    expect(await figureTable(page, TREND_HOST), 'the redrawn view, offline').toEqual(online);
    expect(await page.locator('main h1').innerText()).not.toBe('');

    // The notice is a compact banner in the page's flow, never over what it says is an offline copy: on a phone and a
    // laptop, lined up with the page's heading, inside the window, a line or a few, and nothing of main under it.
    for (const [width, maxLines] of [[390, 3], [1366, 1]] as const) {
      await page.setViewportSize({ width, height: 800 });
      const banner = await page.evaluate(() => {
        const n = document.querySelector<HTMLElement>('[data-offline-notice]')!;
        const box = n.getBoundingClientRect();
        const style = getComputedStyle(n);
        const lines = (box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / parseFloat(style.lineHeight);
        const h1 = document.querySelector('main h1')!.getBoundingClientRect();
        const main = document.querySelector('main')!;
        const column = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight);
        // What a reader would hit across the banner: the banner itself, nothing laid over it or under it.
        const hits = [0.05, 0.5, 0.95].map((f) => document.elementFromPoint(box.left + f * box.width, box.top + box.height / 2)).map((e) => (e === n || n.contains(e)));
        return { left: box.left, right: box.right, bottom: box.bottom, width: box.width, lines, position: style.position, h1Left: h1.left, h1Top: h1.top, column, hits, windowWidth: innerWidth };
      });
      expect(banner.position, `${width} px: in the page's flow`).toBe('static');
      expect(banner.hits, `${width} px: nothing over the banner`).toEqual([true, true, true]);
      expect(Math.abs(banner.left - banner.h1Left), `${width} px: lined up with the heading`).toBeLessThan(1);
      expect(banner.right, `${width} px: inside the window`).toBeLessThanOrEqual(banner.windowWidth);
      expect(banner.width, `${width} px: no wider than the text column`).toBeLessThanOrEqual(banner.column + 0.5);
      expect(Math.round(banner.lines), `${width} px: lines`).toBeLessThanOrEqual(maxLines);
      expect(banner.bottom, `${width} px: above the page's heading`).toBeLessThanOrEqual(banner.h1Top);
    }

    // A page never opened is not there: the copy holds what the delegate opened, not the whole site.
    const other = await session.newPage();
    await expect(other.goto(new URL('/wildlife/', server.origin).href)).rejects.toThrow();
    await other.close();
    await session.context.setOffline(false);
  });
});
