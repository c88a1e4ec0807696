/**
 * A path with no page gets the site's 404 page with status 404 — from the test server and so from `npm run serve`,
 * whose request handler it uses — in the site's layout, with the ways back: home, the go-to box (which works
 * there too), the lists of countries and of indicators.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

const { t } = makeLocale('en');
/** Pages that do not exist: a mistyped path, a region (no region pages yet), a place with no figure. */
const MISSING = ['/no/such/page/', '/country/001/', '/country/TUV/', '/indicator/not_an_indicator/'];

describe.skipIf(!BUILT)(title('page not found'), () => {
  let server: StaticServer;
  let session: Session;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    session = await openSession(server.origin);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it.each(MISSING)('%s answers 404 with the not-found page', async (path) => {
    ready();
    const response = await fetch(new URL(path, server.origin));
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toContain(`<h1>${t('notFound.title')}</h1>`);
    expect(body).toContain('<nav aria-label=');
  });

  it('shows the ways back in the browser, and its go-to box opens a page', async () => {
    ready();
    const page = await session.newPage();
    const response = await page.goto(new URL('/no/such/page/', server.origin).href, { waitUntil: 'load' });
    expect(response?.status()).toBe(404);
    expect(await page.locator('main h1').textContent()).toBe(t('notFound.title'));
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/', '/countries/', '/indicators/']));
    expect(await page.locator('header nav a[href="/"]').count()).toBe(1);
    await page.fill('main form[data-jump] input', 'Kenya');
    await Promise.all([page.waitForURL('**/country/KEN/'), page.click('main form[data-jump] button')]);
    expect(await page.locator('main h1').textContent()).toBe('Kenya');
    // The only errors are the 404 asked for (as the driver and the console report it); nothing left the origin.
    const missing = `${server.origin}/no/such/page/`;
    expect(session.errors.filter((e) => !e.endsWith(missing))).toEqual([]);
    expect(session.errors).toContain(`HTTP 404: ${missing}`);
    expect(session.foreign).toEqual([]);
  });
});
