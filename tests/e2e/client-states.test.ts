/**
 * With JavaScript, in real Chromium against the built site: what a chart says while it is not the view asked for, and
 * what the page does when the data or the chart code cannot be read (issue 6, items 5–9).
 * - the Table tab lists the chosen places × years, at build time and after a redraw (values read from the release here);
 * - a permalink's chart is marked as not yet that view (aria-busy, a note naming both views) until it is drawn;
 *   Cancel puts the controls and the address bar back to the chart shown;
 * - a refused Range read (416), a body cut short and missing chart code (a 404 for its script) show a plain error, never "no data",
 *   and Try again draws the view once the file is back;
 * - the URL the no-JavaScript form submits (`geo=A&geo=B&from=…&to=…`) opens that view;
 * - odd paths (`//evil.example/%2E%2E%2F…`, `///…`) keep links and the address bar on the site.
 * Requests are held or failed with Playwright routes; timings are never asserted.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, figureTable, setUp, title, TREND_HOST } from './support/suite.ts';
import { expectedTable, sql } from './support/release.ts';
import { controlsOf, pickView, REDRAW_TIMEOUT, submitView, waitForView, yearsParam, type View } from './support/trend-view.ts';
import { makeLocale } from '../../src/i18n/locale.ts';

const INDICATOR_PAGE = '/indicator/tip_victims_detected/';
const DASHBOARD = '/trafficking-in-persons/';
const PARQUET = '**/views/series/*.parquet';
const PARQUET_URL = /\/views\/series\/[a-z0-9_]+\.parquet/;
const CODE = '**/_astro/redraw.*.js';

/** The Table tab as a reader sees it: header row, then one row per place and year. */
function seriesTable(page: Page): Promise<string[][]> {
  return page.locator('[data-series-table] table tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
}

/**
 * What the Table tab must list for a view, read from the release's Parquet by DuckDB in Node (not through the site's
 * queries or table code): every place (by name) for every year, the value as published (a number, "suppressed (<5)"
 * or "No data") and its source row.
 */
async function expectedSeriesTable(indicator: string, geos: string[], years: [number, number]): Promise<string[][]> {
  const en = makeLocale('en');
  const rows = await sql(
    `SELECT geo, year, value, censored, source_ref FROM observations
      WHERE indicator = ? AND sex = 'total' AND age = 'total' AND dimension = 'total' AND category = 'total' AND counterpart IS NULL
        AND year BETWEEN ? AND ? AND geo IN (${geos.map(() => '?').join(', ')})`,
    [indicator, years[0], years[1], ...geos],
  );
  const names = new Map((await sql('SELECT geo, name FROM geo')).map((r) => [String(r['geo']), String(r['name'])]));
  const name = (g: string) => names.get(g) ?? g;
  const out = [['Country or area', 'Year', 'Value', 'Source row']];
  for (const geo of [...geos].sort((a, b) => name(a).localeCompare(name(b), 'en'))) {
    for (let year = years[0]; year <= years[1]; year++) {
      const hits = rows.filter((r) => r['geo'] === geo && Number(r['year']) === year);
      if (hits.length === 0) out.push([name(geo), String(year), 'No data', '']);
      for (const r of hits) {
        const value = r['value'] !== null ? en.number(Number(r['value'])) : r['censored'] ? `suppressed (${String(r['censored'])})` : 'No data';
        out.push([name(geo), String(year), value, String(r['source_ref'] ?? '')]);
      }
    }
  }
  return out;
}

/** The form's view: selected options and years. */
function formView(page: Page): Promise<{ geo: string[]; years: [number, number] }> {
  return page.locator(TREND_HOST).locator('xpath=ancestor::*[.//form[@data-controls]][1]').locator('form[data-controls]').evaluate((form) => ({
    geo: [...form.querySelector<HTMLSelectElement>('select[name=geo]')!.selectedOptions].map((o) => o.value),
    years: [Number(form.querySelector<HTMLInputElement>('input[name=from]')!.value), Number(form.querySelector<HTMLInputElement>('input[name=to]')!.value)] as [number, number],
  }));
}

/** The places the place picker shows as chosen (its chips), by code. */
const chipCodes = (page: Page): Promise<string[]> => page.locator('.picker-chips button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset['code'] ?? ''));

/** Holds the page's Parquet requests until `release()`: the view stays loading as long as the test needs. */
async function holdParquet(s: Session): Promise<{ held: Route[]; release(): Promise<void> }> {
  const held: Route[] = [];
  let releasing = false;
  await s.context.route(PARQUET, async (route) => {
    if (releasing) await route.continue();
    else held.push(route);
  });
  return {
    held,
    async release() {
      releasing = true;
      // A request the page gave up on (Cancel) is gone; continuing it fails, and that is expected.
      for (const r of held.splice(0)) await r.continue().catch(() => undefined);
      await s.context.unroute(PARQUET);
    },
  };
}

const permalinkOf = (path: string, v: View) => `${path}?geo=${v.geo.join(',')}&years=${yearsParam(v.years)}`;
const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

// Most tests wait for two cold or warm redraws on a shared machine: room for both, never a measure of either.
describe.skipIf(!BUILT)(title('chart states with JavaScript: loading, failures, odd links'), { timeout: 300_000 }, () => {
  let server: StaticServer;
  const sessions: { s: Session; allowed: RegExp[] }[] = [];
  /** The indicator page's controls and a view other than its default (read once). */
  let page0: { c: Awaited<ReturnType<typeof controlsOf>>; view: View } | undefined;

  /** A fresh profile; `allowed` are the errors this test provokes on purpose (every other one fails it). */
  async function session(allowed: RegExp[] = [], javaScriptEnabled = true): Promise<Session> {
    ready();
    const s = await openSession(server.origin, { javaScriptEnabled });
    sessions.push({ s, allowed });
    return s;
  }

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
  });

  async function indicatorView(): Promise<{ c: Awaited<ReturnType<typeof controlsOf>>; view: View }> {
    if (!page0) {
      const s = await session([], false);
      const c = await controlsOf(await s.open(INDICATOR_PAGE));
      page0 = { c, view: await pickView(c) };
    }
    return page0;
  }

  afterEach(async () => {
    const open = sessions.splice(0);
    try {
      for (const { s, allowed } of open) {
        expect(s.foreign, 'requests that left the origin').toEqual([]);
        expect(s.errors.filter((e) => !allowed.some((a) => a.test(e))), 'console errors, page errors, failed requests').toEqual([]);
      }
    } finally {
      for (const { s } of open) await s.close();
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it('Table tab: the default view at build time, the chosen places × years after a redraw', async () => {
    const { c, view } = await indicatorView();
    const s = await session();
    const page = await s.open(INDICATOR_PAGE);
    expect(await seriesTable(page)).toEqual(await expectedSeriesTable(c.indicator, c.defaults, c.defaultYears));
    await submitView(page, view);
    await page.locator('a[data-tab="table"]').click();
    expect(await page.locator('[data-series-table] table').isVisible()).toBe(true);
    expect(await seriesTable(page)).toEqual(await expectedSeriesTable(c.indicator, view.geo, view.years));
    expect(await page.locator('[data-series-table] caption').textContent()).toContain(`${view.years[0]}–${view.years[1]}`);
  });

  it('a permalink: the chart is marked as not yet the view, naming it, until it is drawn', async () => {
    const { c, view } = await indicatorView();
    const s = await session();
    const hold = await holdParquet(s);
    const page = await s.open(permalinkOf(INDICATOR_PAGE, view));
    const built = await figureTable(page, TREND_HOST);
    await page.waitForSelector(`${TREND_HOST}[data-phase="loading"]`, { timeout: REDRAW_TIMEOUT });
    const names = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('select[name=geo] option')].map((o) => [o.getAttribute('value'), (o.textContent ?? '').trim()])));

    // The controls say what is asked for; the chart says it is not that yet, and what it still shows.
    const asked = await formView(page);
    expect(sameSet(asked.geo, view.geo)).toBe(true);
    expect(sameSet(await chipCodes(page), view.geo), 'the place picker shows the places asked for').toBe(true);
    expect(asked.years).toEqual(view.years);
    expect(await page.locator(TREND_HOST).getAttribute('aria-busy')).toBe('true');
    const note = page.locator(`${TREND_HOST}`).locator('xpath=preceding-sibling::*[@data-pending][1]');
    expect(await note.isVisible()).toBe(true);
    const text = (await note.textContent()) ?? '';
    for (const g of view.geo) expect(text).toContain(names[g]);
    expect(text).toContain(`loading ${view.geo.map((g) => names[g]).join(', ')}, ${view.years[0]}–${view.years[1]}`);
    expect(text).toContain(`still shows ${c.defaults.map((g) => names[g]).join(', ')}, ${c.defaultYears[0]}–${c.defaultYears[1]}`);
    expect(await figureTable(page, TREND_HOST), 'the chart still shows the default view').toEqual(built);
    expect(await page.locator('[data-series-table]').getAttribute('aria-busy')).toBe('true');

    await hold.release();
    await waitForView(page, view);
    expect(await note.isVisible()).toBe(false);
    expect(await page.locator(TREND_HOST).getAttribute('data-phase')).toBe('drawn');
    expect(await figureTable(page, TREND_HOST)).toEqual(await expectedTable(c.indicator, view.geo, view.years));
  });

  it('Cancel puts the controls and the address bar back to the chart shown; the next view still draws', async () => {
    const { c, view } = await indicatorView();
    // Cancel stops the held Parquet reads on purpose: those requests fail, as they should.
    const s = await session([PARQUET_URL]);
    const hold = await holdParquet(s);
    const page = await s.open(permalinkOf(INDICATOR_PAGE, view));
    await page.waitForSelector(`${TREND_HOST}[data-phase="loading"]`, { timeout: REDRAW_TIMEOUT });
    await page.locator('[data-pending]:visible [data-cancel]').first().click();
    await page.waitForSelector(`${TREND_HOST}[data-phase="idle"]:not([aria-busy])`);
    const shown = await formView(page);
    expect(sameSet(shown.geo, c.defaults)).toBe(true);
    expect(sameSet(await chipCodes(page), c.defaults), 'the place picker shows the places of the chart shown').toBe(true);
    expect(shown.years).toEqual(c.defaultYears);
    expect(new URL(page.url()).search, 'the default view has no parameters').toBe('');
    expect(await page.locator('[data-pending]:visible').count()).toBe(0);
    expect(await page.locator('[data-status]').textContent()).toMatch(/^Showing /);
    await hold.release();
    await submitView(page, view);
    expect(await figureTable(page, TREND_HOST)).toEqual(await expectedTable(c.indicator, view.geo, view.years));
  });

  for (const [name, pattern, fail, message] of [
    ['a refused Range read (416)', PARQUET, (r: Route) => r.fulfill({ status: 416, body: '' }), /the data release could not be read \(HTTP 416\)/],
    [
      'a Parquet body cut short',
      PARQUET,
      async (r: Route) => {
        const real = await r.fetch();
        const body = await real.body();
        // The headers as sent, but for the length: the body really is shorter, not merely cut off in transit.
        const headers = Object.fromEntries(Object.entries(real.headers()).filter(([h]) => h.toLowerCase() !== 'content-length'));
        await r.fulfill({ status: real.status(), headers, body: body.subarray(0, Math.floor(body.length / 2)) });
      },
      /the data release could not be read \(the server sent [\d,]+ of [\d,]+ bytes\)/,
    ],
    ['missing chart code (a 404 for its script)', CODE, (r: Route) => r.fulfill({ status: 404, body: 'Not found' }), /the chart code could not be loaded/],
  ] as const) {
    it(`${name}: a plain error, the chart kept and said to be kept; Try again draws the view`, async () => {
      const { c, view } = await indicatorView();
      const s = await session([pattern === CODE ? /redraw\.[\w-]+\.js/ : PARQUET_URL]);
      await s.context.route(pattern, fail);
      const page = await s.open(permalinkOf(INDICATOR_PAGE, view));
      const built = await figureTable(page, TREND_HOST);
      await page.waitForSelector(`${TREND_HOST}[data-phase="failed"]:not([aria-busy])`, { timeout: REDRAW_TIMEOUT });
      const status = (await page.locator('[data-status]').textContent()) ?? '';
      expect(status).toMatch(/^Not updated: /);
      expect(status).toMatch(message);
      expect(status).not.toMatch(/Updated:|No data/);
      expect(await page.locator('[data-pending]:visible').first().textContent()).toMatch(message);
      expect(await figureTable(page, TREND_HOST), 'the chart keeps the view it showed, and says so').toEqual(built);

      await s.context.unroute(pattern);
      await page.locator('[data-pending]:visible [data-retry]').first().click();
      await waitForView(page, view);
      expect(await figureTable(page, TREND_HOST)).toEqual(await expectedTable(c.indicator, view.geo, view.years));
      expect(await page.locator('[data-pending]:visible').count()).toBe(0);
    });
  }

  it('the URL the no-JavaScript form submits opens that view', async () => {
    const { c, view } = await indicatorView();
    const off = await session([], false);
    const plain = await off.open(INDICATOR_PAGE);
    const form = plain.locator('form[data-controls]');
    await form.locator('select[name=geo]').selectOption(view.geo);
    await form.locator('input[name=from]').fill(String(view.years[0]));
    await form.locator('input[name=to]').fill(String(view.years[1]));
    await Promise.all([plain.waitForURL(/from=/), form.locator('button[type=submit]').click()]);
    const submitted = new URL(plain.url());
    expect(sameSet(submitted.searchParams.getAll('geo'), view.geo)).toBe(true);
    expect([submitted.searchParams.get('from'), submitted.searchParams.get('to')]).toEqual(view.years.map(String));

    const s = await session();
    const page = await s.open(`${submitted.pathname}${submitted.search}`);
    await waitForView(page, view);
    expect(await figureTable(page, TREND_HOST)).toEqual(await expectedTable(c.indicator, view.geo, view.years));
    expect(await page.locator('[data-notice]').isVisible(), 'nothing in the form’s URL was dropped').toBe(false);
    const url = new URL(page.url());
    expect(sameSet(url.searchParams.get('geo')!.split(','), view.geo)).toBe(true);
    expect(url.searchParams.get('years')).toBe(yearsParam(view.years));
    expect(url.searchParams.has('from')).toBe(false);
  });

  it('odd paths: links and the address bar stay on the site, and the page script runs', async () => {
    const s = await session();
    const c = await controlsOf(await s.open(DASHBOARD));
    const view = await pickView(c);
    const query = `?geo=${view.geo.join(',')}&years=${yearsParam(view.years)}`;
    for (const odd of [`//evil.example/%2E%2E%2Ftrafficking-in-persons/`, `///trafficking-in-persons/`]) {
      // Built by hand: new URL() would read "//evil.example/…" as another host.
      const page = await s.newPage();
      await page.goto(`${server.origin}${odd}${query}`, { waitUntil: 'load' });
      expect(server.requests.some((r) => r.url === `${odd}${query}`), 'the browser asked for the odd path itself').toBe(true);
      await waitForView(page, view);
      const link = page.locator(`${TREND_HOST} .source a`);
      expect(await link.getAttribute('href')).toBe(`/trafficking-in-persons/${new URL(page.url()).search}`);
      expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).origin).toBe(server.origin);
      expect(page.url()).toBe(`${server.origin}/trafficking-in-persons/${new URL(page.url()).search}`);
      await page.close();
    }
  });
});
