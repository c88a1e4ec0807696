/**
 * Maps in time, in Chromium against the built site: a world map's year control, moved by keyboard, redraws the map,
 * its legend, its description and its data table for that year; the values drawn (each mark's label) and tabled equal
 * that year's values in the release's own CSV (dist/data/<version>/csv/indicators/<id>.csv, read here with a plain CSV
 * parse: never the site's query or chart code); the same for the rate per 100,000 the measure control switches to, and
 * for a flow map's year (its flows summed here from the CSV). The choice is in the URL and a permalink restores it in a
 * fresh profile; a bad year in a link is reported and the map stays on its latest values; with reduced motion Play
 * steps one year. The year changes read the view file by range requests and load no query engine. Screenshots at 390
 * and 1366 px of the dashboard after a year change are written to .tmp/map-shots/ for review. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import type { Page } from 'playwright-core';
import { distRelease, ROOT } from './support/server.ts';
import { checkedSessions, chooseMapYear as chooseYear, expectNoSeriousAxe } from './support/checked-sessions.ts';
import { BUILT, title } from './support/suite.ts';
import { shows, type RawValue } from '../support/displayed-value.ts';
import { tablePage } from '../support/figure-html.ts';
import { DIST } from './support/server.ts';

const REDRAW = 30_000;
const DASHBOARD = '/trafficking-in-persons/';

interface Released {
  name: string;
  raw: RawValue | null;
}

function csv(path: string): Record<string, string>[] {
  return csvParse(readFileSync(join(distRelease().dir, path), 'utf8'));
}

/** Countries (and Kosovo), the places a world map draws, by code, with the name the site shows. */
function mapPlaces(): Map<string, string> {
  return new Map(csv('csv/geo.csv').filter((g) => g['kind'] === 'country' || g['geo'] === 'XKX').map((g) => [g['geo']!, g['name']!]));
}

/** Each country's national total of `indicator` in `year`, as the release's CSV has it. */
function releasedYear(indicator: string, year: number): Map<string, Released> {
  const places = mapPlaces();
  const out = new Map<string, Released>();
  for (const r of csv(`csv/indicators/${indicator}.csv`)) {
    if (Number(r['year']) !== year || r['sex'] !== 'total' || r['age'] !== 'total' || r['dimension'] !== 'total' || r['category'] !== 'total' || r['counterpart'] !== '') continue;
    const name = places.get(r['geo']!);
    if (name === undefined) continue;
    const raw: RawValue | null = r['censored'] ? { censored: r['censored'] } : r['value'] === '' ? null : Number(r['value']);
    out.set(r['geo']!, { name, raw });
  }
  return out;
}

/** Years of `indicator` in which a country has a value. */
function releasedYears(indicator: string): number[] {
  const places = mapPlaces();
  const years = new Set<number>();
  for (const r of csv(`csv/indicators/${indicator}.csv`)) {
    if (r['sex'] === 'total' && r['age'] === 'total' && r['dimension'] === 'total' && r['category'] === 'total' && r['counterpart'] === '' && places.has(r['geo']!) && (r['value'] !== '' || r['censored'] !== '')) years.add(Number(r['year']));
  }
  return [...years].sort((a, b) => a - b);
}

/** The figure's data table, as text: header, then rows (once written: a redrawn map's follows the map by a frame). */
async function tableOf(page: Page, figure: string): Promise<string[][]> {
  await page.locator(`#${figure} details.chart-table:not([data-table-pending]) table`).waitFor({ state: 'attached', timeout: REDRAW });
  return page.locator(`#${figure}`).evaluate((f) => [...f.querySelectorAll('.chart-table table tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
}

/** Every mark of the map: its code and its label ("Nigeria: 1,234 persons"). */
async function marksOf(page: Page, figure: string): Promise<{ key: string; label: string }[]> {
  return page.locator(`#${figure} svg [data-key]`).evaluateAll((els) => els.map((e) => ({ key: e.getAttribute('data-key')!, label: e.getAttribute('aria-label')! })));
}

/** The table and the marks show exactly the released values of the year: every place with one, no other value. */
async function expectYear(page: Page, figure: string, released: Map<string, Released>, where: string) {
  const table = await tableOf(page, figure);
  const [head, ...rows] = table;
  expect(head, where).toEqual(['Country or area', expect.stringMatching(/^Value/)]);
  const withValue = [...released.values()].filter((r) => r.raw !== null);
  expect(withValue.length, `${where}: places with a value that year`).toBeGreaterThan(5);
  const shown = new Map(rows.map(([name, value]) => [name!, value!]));
  for (const r of withValue) {
    const cell = shown.get(r.name);
    expect(cell, `${where}: ${r.name} in the table`).toBeDefined();
    expect(shows(cell!, r.raw!), `${where}: ${r.name} shows "${cell}", the release has ${JSON.stringify(r.raw)}`).toBe(true);
  }
  expect(rows.filter(([, v]) => v !== 'No data').length, `${where}: rows with a value`).toBe(withValue.length);
  const marks = await marksOf(page, figure);
  expect(marks.length, `${where}: marks drawn`).toBeGreaterThan(5);
  for (const m of marks) {
    const r = released.get(m.key);
    expect(r?.raw ?? null, `${where}: a mark for ${m.key}, which has no value that year`).not.toBeNull();
    // "Nigeria: 1,234 persons": the name without a year (every value is of the year shown), then the value.
    expect(m.label.startsWith(`${r!.name}: `), `${where}: mark ${m.key} is labelled "${m.label}"`).toBe(true);
    const value = m.label.slice(r!.name.length + 2);
    if (typeof r!.raw === 'number') expect(shows(value, r!.raw), `${where}: mark ${m.key} "${m.label}"`).toBe(true);
    else expect(value, `${where}: mark ${m.key}`).toContain(`(${r!.raw!.censored})`);
  }
}

describe.skipIf(!BUILT)(title('maps in time'), () => {
  const { session, server } = checkedSessions();
  let permalink = '';
  let permalinkTable: string[][] = [];

  it('the dashboard map’s year control redraws the map, legend, description and table with that year’s released values', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    const controls = page.locator('[data-map-controls="map"]');
    await controls.waitFor({ state: 'visible' });
    const years = releasedYears('tip_victims_detected');
    const legendBefore = await page.locator('#map-figure .map-legend').innerHTML();
    // A year in the middle, with many countries.
    const year = years[Math.floor(years.length / 2)]!;
    const requestsBefore = server().requests.length;
    await chooseYear(page, 'map', 'map-figure', years, year);
    await expectYear(page, 'map-figure', releasedYear('tip_victims_detected', year), `${DASHBOARD} ${year}`);
    expect(await page.locator('#map-figure h3').textContent()).toContain(String(year));
    const description = (await page.locator('#map-figure-desc').textContent()) ?? '';
    const n = [...releasedYear('tip_victims_detected', year).values()].filter((r) => r.raw !== null).length;
    expect(description).toContain(`Countries or areas with data: ${n}.`);
    expect(await page.locator('[data-map-controls="map"] output').textContent()).toBe(String(year));
    // The classes are the map's, whatever the year: the legend's ramp and breaks do not change.
    const ramp = (html: string) => html.replace(/<rect[^>]*fill="url[^>]*>.*$/s, '');
    expect(ramp(await page.locator('#map-figure .map-legend').innerHTML())).toBe(ramp(legendBefore));
    // Read from the series view file by range requests; no query engine, not the whole observations table.
    const made = server().requests.slice(requestsBefore);
    expect(made.some((r) => r.url.endsWith('/views/series/tip_victims_detected.parquet') && r.range !== null)).toBe(true);
    expect(made.filter((r) => /observations\.parquet|\.wasm$|duckdb/.test(r.url))).toEqual([]);
    const url = new URL(page.url());
    expect(url.searchParams.get('map')).toBe(String(year));
    permalink = page.url();
    permalinkTable = await tableOf(page, 'map-figure');

    // Back to the right end: the latest values, as the page was built.
    await page.locator('[data-map-controls="map"] input[type=range]').focus();
    await page.keyboard.press('End');
    await page.waitForSelector('.figure-host[data-rendered-by="build"] #map-figure', { timeout: REDRAW });
    expect(new URL(page.url()).searchParams.get('map')).toBeNull();
    expect(await page.locator('[data-map-controls="map"] output').textContent()).toBe('Latest reported');
  });

  it('a year’s data table is written a frame after its map; one open when the year changes stays open, with the new year’s rows in the map’s frame', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    await page.locator('[data-map-controls="map"]').waitFor({ state: 'visible' });
    const years = releasedYears('tip_victims_detected');
    const [first, second, third] = [years.length - 1, years.length - 2, years.length - 3].map((i) => years[i]!) as [number, number, number];
    /** Presses ArrowLeft; what the figure's table was in the task that put the new year's map on the page. */
    const step = async () => {
      await page.evaluate(() => {
        const host = document.querySelector<HTMLElement>('.figure-host[data-map*=\'"chartId":"map"\']')!;
        const before = host.dataset['years'];
        (window as unknown as { atMap: Promise<unknown> }).atMap = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (host.dataset['years'] === before || host.dataset['renderedBy'] !== 'browser') return;
            observer.disconnect();
            const details = host.querySelector<HTMLDetailsElement>('details.chart-table')!;
            resolve({ years: host.dataset['years'], open: details.open, pending: details.hasAttribute('data-table-pending'), caption: details.querySelector('caption')?.textContent ?? null });
          });
          observer.observe(host, { attributes: true, childList: true });
        });
      });
      await page.keyboard.press('ArrowLeft');
      return page.evaluate(() => (window as unknown as { atMap: Promise<{ years: string; open: boolean; pending: boolean; caption: string | null }> }).atMap);
    };
    await page.locator('[data-map-controls="map"] input[type=range]').focus();
    // Closed: the map comes first, its table after.
    expect(await step()).toEqual({ years: `${first}-${first}`, open: false, pending: true, caption: null });
    await expectYear(page, 'map-figure', releasedYear('tip_victims_detected', first), `${DASHBOARD} ${first}, closed table`);
    // The reader opens the table and steps on: it stays open, and holds the new year when its map does.
    await page.locator('#map-figure details.chart-table > summary').click();
    await page.locator('[data-map-controls="map"] input[type=range]').focus();
    const open = await step();
    expect(open).toEqual({ years: `${second}-${second}`, open: true, pending: false, caption: expect.stringContaining(String(second)) });
    await expectYear(page, 'map-figure', releasedYear('tip_victims_detected', second), `${DASHBOARD} ${second}, open table`);
    expect(await page.locator('#map-figure details.chart-table').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    // Closed again: the next year's map comes first again, and its table is written after it.
    await page.locator('#map-figure details.chart-table > summary').click();
    await page.locator('[data-map-controls="map"] input[type=range]').focus();
    expect((await step()).pending).toBe(true);
    await expectYear(page, 'map-figure', releasedYear('tip_victims_detected', third), `${DASHBOARD} ${third}, written later`);
  });

  it('a redrawn year’s CSV download holds that year’s values, asked for before its table was written', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    await page.locator('[data-map-controls="map"]').waitFor({ state: 'visible' });
    const years = releasedYears('tip_victims_detected');
    // One step left of the right end (each country's latest): the last year.
    const year = years[years.length - 1]!;
    const actions = page.locator(`details.figure-actions[data-export*='"figure":"map-figure"']`);
    await actions.locator('summary').click();
    await page.waitForFunction(() => document.querySelector(`details.figure-actions[data-export*='"figure":"map-figure"']`)?.getAttribute('data-actions') === 'ready');
    // The download is asked for in the task that draws the year's map, when its table is not written yet.
    await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>(`.figure-host[data-map*='"chartId":"map"']`)!;
      const button = document.querySelector<HTMLButtonElement>(`details.figure-actions[data-export*='"figure":"map-figure"'] button[data-download=csv]`)!;
      const before = host.dataset['years'];
      (window as unknown as { csvAtMap: Promise<unknown> }).csvAtMap = new Promise((resolve) => {
        const original = URL.createObjectURL.bind(URL);
        let pending = false;
        URL.createObjectURL = (blob: Blob | MediaSource) => {
          void (blob as Blob).text().then((csv) => resolve({ pending, csv }));
          return original(blob);
        };
        const observer = new MutationObserver(() => {
          if (host.dataset['years'] === before || host.dataset['renderedBy'] !== 'browser') return;
          observer.disconnect();
          pending = host.querySelector('details.chart-table[data-table-pending]') !== null;
          button.click();
          // A download that never comes (the export found no table) is reported, not waited for.
          setTimeout(() => resolve({ pending, csv: `no download; status: ${document.querySelector('#map-figure-actions .actions-status, details.figure-actions .actions-status')?.textContent ?? ''}` }), 5000);
        });
        observer.observe(host, { attributes: true, childList: true });
      });
    });
    await page.locator('[data-map-controls="map"] input[type=range]').focus();
    await page.keyboard.press('ArrowLeft');
    const got = await page.evaluate(() => (window as unknown as { csvAtMap: Promise<{ pending: boolean; csv: string }> }).csvAtMap);
    expect(got.pending).toBe(true);
    const rows = csvParse(got.csv.replace(/^\uFEFF/, ''));
    const name = rows.columns[0]!;
    const released = releasedYear('tip_victims_detected', year);
    // A suppressed count is written as the table says it, never as a number.
    const expected = [...released.values()].filter((r) => r.raw !== null).map((r) => [r.name, typeof r.raw === 'number' ? String(r.raw) : `suppressed (${r.raw!.censored})`]);
    expect(rows.map((r) => [r[name], r['value']]).sort()).toEqual(expected.sort());
  });

  it('a permalink restores the year in a fresh profile', async () => {
    expect(permalink, 'set by the test above').not.toBe('');
    const s = await session();
    const page = await s.open(permalink);
    const year = Number(new URL(permalink).searchParams.get('map'));
    await page.waitForSelector(`.figure-host[data-years="${year}-${year}"]:not([aria-busy]) #map-figure`, { timeout: REDRAW });
    expect(await tableOf(page, 'map-figure')).toEqual(permalinkTable);
    expect(await page.locator('[data-map-controls="map"] input[type=range]').getAttribute('aria-valuetext')).toBe(String(year));
  });

  it('the measure control switches to the rate per 100,000 the release has, for the same year', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    const rateYears = releasedYears('tip_victims_detected_rate');
    const year = rateYears[Math.floor(rateYears.length / 2)]!;
    await page.locator('[data-map-controls="map"] input[type=radio][value="rate"]').check();
    await page.waitForSelector('.figure-host[data-rendered-by="browser"]:not([aria-busy]) #map-figure', { timeout: REDRAW });
    expect(new URL(page.url()).searchParams.get('measure')).toBe('rate');
    await chooseYear(page, 'map', 'map-figure', rateYears, year);
    await expectYear(page, 'map-figure', releasedYear('tip_victims_detected_rate', year), `${DASHBOARD} rate ${year}`);
    expect(await page.locator('#map-figure .subtitle').textContent()).toMatch(/^Per 100,000 population, /);
    // Which population: the note under the choice names it.
    expect(await page.locator('[data-map-controls="map"] .measure-note').textContent()).toContain('World Bank');
  });

  it('a flow map’s year control shows that year’s flows, summed here from the release CSV', async () => {
    const s = await session();
    const page = await s.open(DASHBOARD);
    const indicator = 'tip_victims_by_citizenship';
    const rows = csv(`csv/indicators/${indicator}.csv`).filter((r) => r['counterpart'] !== '' && r['counterpart'] !== r['geo'] && r['dimension'] === 'citizenship' && r['sex'] === 'total' && r['age'] === 'total');
    const years = [...new Set(rows.map((r) => Number(r['year'])))].sort((a, b) => a - b);
    const year = years[Math.floor(years.length / 2)]!;
    await chooseYear(page, 'flows-0', 'flow-figure-0', years, year);
    const names = new Map(csv('csv/geo.csv').map((g) => [g['geo']!, g['name']!]));
    const expected = new Map<string, { exact: number; censored: number }>();
    for (const r of rows.filter((x) => Number(x['year']) === year)) {
      const key = `${names.get(r['counterpart']!)} → ${names.get(r['geo']!)}`;
      const e = expected.get(key) ?? { exact: 0, censored: 0 };
      if (r['censored']) e.censored++;
      else e.exact += Number(r['value']);
      expected.set(key, e);
    }
    const [head, ...table] = await tableOf(page, 'flow-figure-0');
    const [o, d, v] = ['Origin', 'Destination', 'Value'].map((c) => head!.findIndex((h) => h.startsWith(c)));
    expect(table.length).toBe(expected.size);
    for (const r of table) {
      const e = expected.get(`${r[o!]} → ${r[d!]}`);
      expect(e, `${r[o!]} → ${r[d!]} in ${year}`).toBeDefined();
      // A flow with a suppressed part is at least its exact sum plus one per suppressed cell.
      if (e!.censored > 0) {
        expect(r[v!], `${r[o!]} → ${r[d!]}`).toMatch(/^at least /);
        expect(shows(r[v!]!.slice('at least '.length), e!.exact + e!.censored), `${r[o!]} → ${r[d!]}: "${r[v!]}"`).toBe(true);
      }
      else expect(shows(r[v!]!, e!.exact), `${r[o!]} → ${r[d!]}: "${r[v!]}" vs ${e!.exact}`).toBe(true);
    }
    expect(await page.locator('#flow-figure-0 .subtitle').textContent()).toContain(String(year));
    expect(new URL(page.url()).searchParams.get('flows-0')).toBe(String(year));
  });

  it('a bad year in a link is reported, and the map keeps its latest values', async () => {
    const s = await session();
    const page = await s.open(`${DASHBOARD}?map=1890`);
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toMatch(/map=1890.*no values for that year/);
    expect(await page.locator('.figure-host[data-map]').first().getAttribute('data-rendered-by')).toBeNull();
    expect(await page.locator('[data-map-controls="map"] output').textContent()).toBe('Latest reported');
    expect(new URL(page.url()).searchParams.get('map')).toBeNull();
  });

  it('with reduced motion, Play is "Next year" and steps one year; without, Play steps on until paused', async () => {
    const s = await session();
    const page = await s.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(new URL(DASHBOARD, server().origin).href);
    const years = releasedYears('tip_victims_detected');
    const button = page.locator('[data-map-controls="map"] button[data-play]');
    expect(await button.textContent()).toBe('Next year');
    await button.click();
    await page.waitForSelector(`.figure-host[data-years="${years[0]}-${years[0]}"]:not([aria-busy]) #map-figure`, { timeout: REDRAW });
    await button.click();
    await page.waitForSelector(`.figure-host[data-years="${years[1]}-${years[1]}"]:not([aria-busy]) #map-figure`, { timeout: REDRAW });

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    // The page without the year the steps above put in its address: Play starts from the latest values.
    await page.goto(new URL(DASHBOARD, server().origin).href);
    const play = page.locator('[data-map-controls="map"] button[data-play]');
    await play.waitFor({ state: 'visible' });
    expect(await play.textContent()).toBe('Play');
    await play.click();
    expect(await play.textContent()).toBe('Pause');
    await page.waitForSelector(`.figure-host[data-years="${years[1]}-${years[1]}"] #map-figure`, { timeout: REDRAW });
    await play.click();
    expect(await play.textContent()).toBe('Play');
    // Focus stayed on the button, and a keyboard focus is drawn.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-play'))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await play.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
  });

  it('without JavaScript, the map links a page of every year, each value as the release has it, citing its row', () => {
    const dashboard = readFileSync(join(DIST, 'trafficking-in-persons', 'index.html'), 'utf8');
    expect(dashboard).toMatch(/<p class="years-link"><a href="\/trafficking-in-persons\/years\/map-count\/">/);
    const page = tablePage(readFileSync(join(DIST, 'trafficking-in-persons', 'years', 'map-count', 'index.html'), 'utf8'));
    const years = releasedYears('tip_victims_detected');
    expect(page.table.columns).toEqual(['Country or area', ...years.map(String)]);
    expect(new Set(page.back)).toEqual(new Set(['/trafficking-in-persons/#map-figure']));
    const rows = new Map(page.table.rows.map((r, i) => [r[0]!, i]));
    let checked = 0;
    for (const year of years) {
      const col = page.table.columns.indexOf(String(year));
      for (const r of releasedYear('tip_victims_detected', year).values()) {
        const i = rows.get(r.name);
        if (r.raw === null) continue;
        expect(i, `${r.name} on the years page`).toBeDefined();
        const cell = page.table.cells[i!]![col]!;
        expect(shows(cell.text, r.raw), `${r.name} ${year}: "${cell.text}" vs ${JSON.stringify(r.raw)}`).toBe(true);
        expect(cell.ref, `${r.name} ${year} cites its row`).toMatch(/:\d+$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('axe finds nothing serious in a map redrawn for a year (its control, legend and table) nor on a years page', async () => {
    const s = await session();
    const years = releasedYears('tip_victims_detected');
    const page = await s.open(DASHBOARD);
    await chooseYear(page, 'map', 'map-figure', years, years[Math.floor(years.length / 2)]!);
    await expectNoSeriousAxe(page, `${DASHBOARD} after a year change`);
    await expectNoSeriousAxe(await s.open(`${DASHBOARD}years/map-count/`), 'the years page');
  });

  it('screenshots of the dashboard after a year change, at 390 and 1366 px (for review)', async () => {
    const dir = join(ROOT, '.tmp', 'map-shots');
    mkdirSync(dir, { recursive: true });
    const years = releasedYears('tip_victims_detected');
    for (const width of [390, 1366]) {
      const s = await session({ viewport: { width, height: 900 } });
      const page = await s.open(DASHBOARD);
      const year = years[Math.floor(years.length / 2)]!;
      await chooseYear(page, 'map', 'map-figure', years, year);
      await page.locator('section[aria-labelledby="map-h"]').screenshot({ path: join(dir, `dashboard-map-${width}.png`) });
    }
  });
});
