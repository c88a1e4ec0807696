/**
 * With JavaScript: submitting a chart's controls on a dashboard and on an indicator page redraws the chart with data
 * read from the indicator's series view file, with no query engine (the figure's table must equal the shared query
 * run by DuckDB in Node on the release's observations), writes the view into the URL, and that URL reproduces the view in a fresh browser profile.
 * A malformed link shows its notice; the tabs follow `?tab=`. No request leaves the origin, no console errors.
 * Timings are never asserted here (`npm run bench` measures them).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkedSessions } from './support/checked-sessions.ts';
import { BUILT, figureTable, title, TREND_HOST } from './support/suite.ts';
import { expectedTable } from './support/release.ts';
import { controlsOf, pickView, REDRAW_TIMEOUT, submitView, yearsParam, type View } from './support/trend-view.ts';

/** What the URL must say for this view. */
function expectUrlState(page: Page, state: string, view: View) {
  const url = new URL(page.url());
  expect(url.search, 'the URL carries the state the host reports').toBe(state);
  expect(new Set(url.searchParams.get('geo')!.split(','))).toEqual(new Set(view.geo));
  expect(url.searchParams.get('years') ?? yearsParam(view.defaultYears)).toBe(yearsParam(view.years));
}

describe.skipIf(!BUILT)(title('interaction with JavaScript'), () => {
  // Every test's sessions must stay on the origin and log no error; then they are closed (checked-sessions.ts).
  const { session, server } = checkedSessions();
  /** Permalink and table of the indicator-page view, for the fresh-profile test. */
  let permalink: { url: string; table: string[][] } | undefined;

  it('dashboard: the trend redraws from its view file, twice, and the URL follows', async () => {
    const s = await session();
    const page = await s.open('/trafficking-in-persons/');
    const before = await figureTable(page, TREND_HOST);
    const c = await controlsOf(page);

    const first = await pickView(c);
    const state = await submitView(page, first);
    expectUrlState(page, state, first);
    expect(await figureTable(page, TREND_HOST)).toEqual(await expectedTable(c.indicator, first.geo, first.years));
    expect(await figureTable(page, TREND_HOST)).not.toEqual(before);
    expect(await page.locator(`${TREND_HOST} .chart-svg svg >> visible=true`).count()).toBe(1);

    // A second change runs on the code and file footer already loaded (the "warm" path).
    const second = await pickView(c, 1);
    const state2 = await submitView(page, second);
    expectUrlState(page, state2, second);
    expect(await figureTable(page, TREND_HOST)).toEqual(await expectedTable(c.indicator, second.geo, second.years));
    // The data came from the indicator's series view file by Range reads, with no query engine and not from the
    // whole observations table.
    expect(server().requests.some((r) => r.url.endsWith(`/views/series/${c.indicator}.parquet`) && r.range !== null)).toBe(true);
    expect(server().requests.filter((r) => /observations\.parquet|\.wasm$|duckdb/.test(r.url))).toEqual([]);
  });

  it('indicator page: the trend redraws from its view file and the URL follows', async () => {
    const s = await session();
    const page = await s.open('/indicator/tip_victims_detected/');
    const c = await controlsOf(page);
    const view = await pickView(c);
    const state = await submitView(page, view);
    expectUrlState(page, state, view);
    const table = await figureTable(page, TREND_HOST);
    expect(table).toEqual(await expectedTable(c.indicator, view.geo, view.years));
    permalink = { url: page.url(), table };
  });

  it('a permalink reproduces the view in a fresh browser profile', async () => {
    expect(permalink, 'set by the indicator-page test above').toBeDefined();
    const s = await session();
    const page = await s.open(permalink!.url);
    await page.waitForSelector(`${TREND_HOST}[data-rendered-by="browser"]:not([aria-busy="true"])`, { timeout: REDRAW_TIMEOUT });
    expect(await figureTable(page, TREND_HOST)).toEqual(permalink!.table);
    expect(page.url()).toBe(permalink!.url);
    await expect(page.locator('[data-notice]').isVisible()).resolves.toBe(false);
  });

  it('a malformed link shows the notice and the default view', async () => {
    const s = await session();
    const clean = await (await s.open('/indicator/tip_victims_detected/')).evaluate(() => document.querySelector('.figure-host[data-chart] .chart-table')?.textContent);
    const page = await s.open('/indicator/tip_victims_detected/?geo=ZZZ&years=abc');
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/geo=ZZZ/);
    expect(await page.evaluate(() => document.querySelector('.figure-host[data-chart] .chart-table')?.textContent)).toBe(clean);
    expect(await page.locator(`${TREND_HOST} .chart-svg svg >> visible=true`).isVisible()).toBe(true);
  });

  it('tabs: ?tab=map opens on the map, and choosing a tab updates the URL', async () => {
    const s = await session();
    const page = await s.open('/indicator/tip_victims_detected/?tab=map');
    await expect(page.locator('#panel-map').isVisible()).resolves.toBe(true);
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('#panel-chart')?.hidden ?? false) === true);
    await page.locator('a[data-tab="table"]').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('tab') === 'table');
    expect(await page.locator('#panel-table').isVisible()).toBe(true);
    expect(await page.locator('#panel-map').isVisible()).toBe(false);
  });

  // The home page's search box: tests/e2e/home.test.ts (the go-to box stays on the 404 page: not-found.test.ts).
});
