/**
 * Series breaks and breakdowns over time on the built site.
 * - The firearms dashboard's trend marks Brazil 2018 (89,615 firearms seized after 2,284 in 2017): the point's label
 *   (tooltip, screen reader) and the figure's table say the jump and quote the release's note; a redraw to other
 *   years keeps the mark; the tooltip shows it on keyboard focus.
 * - A breakdown's over-time page shows, for every category, the release's values year by year (missing years as no
 *   data, suppressed cells as suppressed, never a number), and the dashboard links it.
 * Expected values are read from the release's observations.parquet by DuckDB in this file, with SQL written here
 * (not the site's queries), and the jump's factor is worked out here from those two values.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distRelease, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';
import { controlsOf, submitView } from './support/trend-view.ts';
import { columnIndex, figureByTitle, pageFigures, textOf, type PageFigure } from '../support/figure-html.ts';
import { readDisplayed, shows } from '../support/displayed-value.ts';
import { releaseQuerier, type Rows } from '../support/release-query.ts';

const TOTALS = "dimension = 'total' AND category = 'total' AND counterpart IS NULL AND sex = 'total' AND age = 'total'";
const en = (n: number) => n.toLocaleString('en-US');

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

/** The label of the value mark `key` in every layout of figure `figureId` (the build draws 2–3 layouts). */
function markLabels(page: string, figureId: string, key: string): string[] {
  const start = page.indexOf(`id="${figureId}"`);
  const figure = page.slice(start, page.indexOf('</figure>', start));
  return [...figure.matchAll(new RegExp(`data-key="${key.replace(/[|]/g, '\\|')}" aria-label="([^"]*)"`, 'g'))].map((m) => textOf(m[1]!));
}

/** Rows of a one-year-per-row figure table as year → cell of `column`. */
function byYear(f: PageFigure, column: string): Map<number, string> {
  const y = columnIndex(f.table, 'Year');
  const c = columnIndex(f.table, column);
  return new Map(f.table.rows.map((r) => [Number(r[y]), r[c]!]));
}

describe.skipIf(!BUILT)(title('series breaks and breakdowns over time'), () => {
  let sql: (text: string, params?: (string | number)[]) => Promise<Rows>;
  let server: StaticServer;
  let session: Session;
  let brazil: { v2017: number; v2018: number; note: string };

  const ready = setUp(async () => {
    requireChromium();
    const q = await releaseQuerier(distRelease().dir);
    sql = (text, params = []) => q({ sql: text, params });
    const rows = await sql(`SELECT year, value, note FROM observations WHERE indicator = 'fa_arms_seized' AND geo = 'BRA' AND ${TOTALS} AND year IN (2017, 2018) ORDER BY year`);
    expect(rows.map((r) => r['year'])).toEqual([2017, 2018]);
    brazil = { v2017: Number(rows[0]!['value']), v2018: Number(rows[1]!['value']), note: String(rows[1]!['note']) };
    server = await serve();
    session = await openSession(server.origin);
  });

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  /** "a rise to 39 times the 2017 value (2,284)", from the release's two values. */
  const jumpWords = () => `a rise to ${Math.round(brazil.v2018 / brazil.v2017)} times the 2017 value (${en(brazil.v2017)})`;

  it('the firearms trend marks Brazil 2018 with the jump and the note, in the point label and the table (no JavaScript)', () => {
    ready();
    expect(brazil.v2018 / brazil.v2017).toBeGreaterThanOrEqual(10);
    const page = html('firearms');
    const labels = markLabels(page, 'trend-figure', 'Brazil|2018');
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) {
      expect(label).toContain(`Brazil, 2018: ${en(brazil.v2018)}. Series break`);
      expect(label).toContain(jumpWords());
      expect(label).toContain(`Note: ${brazil.note}`);
    }
    // The 2017 point is not marked; a ring is drawn in each layout.
    for (const label of markLabels(page, 'trend-figure', 'Brazil|2017')) expect(label).not.toContain('Series break');
    const figure = pageFigures(page).find((f) => f.id === 'trend-figure')!;
    expect(figure.table.columns).toContain('Series breaks');
    const cell = byYear(figure, 'Series breaks').get(2018)!;
    expect(cell).toContain(`Brazil: ${jumpWords()}`);
    expect(cell).toContain(brazil.note);
    expect(shows(byYear(figure, 'Brazil').get(2018)!, brazil.v2018)).toBe(true);
    expect(figure.description).toContain(`Brazil, 2018: ${jumpWords()}`);
  });

  it('the tooltip shows the break and the note on keyboard focus, and a redraw to other years keeps the mark', async () => {
    ready();
    const page = await session.open('/firearms/');
    const mark = page.locator('#trend-figure .chart-layout:visible [data-key="Brazil|2018"]');
    await mark.focus();
    const tip = page.locator('.chart-tooltip');
    await expect.poll(() => tip.textContent()).toContain(jumpWords());
    expect(await tip.textContent()).toContain(brazil.note);
    await page.keyboard.press('Escape');

    const c = await controlsOf(page);
    await submitView(page, { geo: ['BRA', 'COL'], years: [2016, 2020], defaultYears: c.defaultYears });
    const redrawn = page.locator('#trend-figure .chart-layout:visible [data-key="Brazil|2018"]');
    const label = await redrawn.getAttribute('aria-label');
    expect(label).toContain(jumpWords());
    expect(label).toContain(`Note: ${brazil.note}`);
    expect(await page.locator('#trend-figure .chart-layout:visible circle[r="7.5"]').count()).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('the migration routes page shows every route of the release, each year as the release has it', async () => {
    ready();
    const rows = await sql(`SELECT category, year, value, censored FROM observations
      WHERE indicator = 'smg_dead_missing' AND geo = '001' AND dimension = 'migration route' AND sex = 'total' AND age = 'total'`);
    const routes = [...new Set(rows.map((r) => String(r['category'])))];
    expect(routes).toContain('Central Mediterranean');
    const page = html('migrant-smuggling/breakdown/migration-route');
    const [y0, y1] = [Math.min(...rows.map((r) => Number(r['year']))), Math.max(...rows.map((r) => Number(r['year'])))];
    let checked = 0;
    for (const route of routes) {
      const panel = figureByTitle(page, route);
      const cells = byYear(panel, route);
      for (let year = y0; year <= y1; year++) {
        const r = rows.find((x) => x['category'] === route && x['year'] === year);
        const shown = cells.get(year)!;
        if (!r) expect(readDisplayed(shown).kind, `${route} ${year}`).toBe('missing');
        else expect(shows(shown, r['censored'] ? { censored: String(r['censored']) } : Number(r['value'])), `${route} ${year}: "${shown}"`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(routes.length * (y1 - y0 + 1));
    // The overview draws the largest routes on one scale, Central Mediterranean among them.
    const overview = pageFigures(page).find((f) => f.id === 'overview-0-figure')!;
    expect(overview.table.columns).toContain('Central Mediterranean');
  });

  it('a flows page follows pairs of places year by year; a suppressed cell is shown as suppressed, never a number', async () => {
    ready();
    const page = html('trafficking-in-persons/breakdown/citizenship');
    const names = new Map((await sql('SELECT geo, name FROM geo')).map((r) => [String(r['name']), String(r['geo'])]));
    const panels = pageFigures(page).filter((f) => f.id.startsWith('panel-'));
    expect(panels.length).toBe(30);
    let censored = 0;
    for (const panel of panels) {
      const [from, to] = panel.title.split(' → ').map((n) => names.get(n)!);
      const rows = await sql(`SELECT year, value, censored FROM observations WHERE indicator = 'tip_victims_by_citizenship'
        AND dimension = 'citizenship' AND counterpart = ? AND geo = ? AND sex = 'total' AND age = 'total'`, [from!, to!]);
      expect(rows.length, panel.title).toBeGreaterThan(0);
      for (const [year, shown] of byYear(panel, panel.title)) {
        const r = rows.find((x) => x['year'] === year);
        if (!r) expect(readDisplayed(shown).kind, `${panel.title} ${year}`).toBe('missing');
        else if (r['censored']) {
          expect(readDisplayed(shown), `${panel.title} ${year}`).toEqual({ kind: 'censored', mark: String(r['censored']) });
          censored++;
        } else expect(shows(shown, Number(r['value'])), `${panel.title} ${year}: "${shown}"`).toBe(true);
      }
    }
    expect(censored).toBeGreaterThan(0);
  });

  it('each dashboard breakdown links its page over time, and the page exists', () => {
    ready();
    const links = [...html('migrant-smuggling').matchAll(/<p class="over-time-link"><a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => m[1]!);
    expect(links).toEqual(['/migrant-smuggling/breakdown/migration-route/', '/migrant-smuggling/breakdown/cause-of-death/']);
    const tip = [...html('trafficking-in-persons').matchAll(/<p class="over-time-link"><a href="([^"]+)"/g)].map((m) => m[1]!);
    expect(tip).toEqual(['/trafficking-in-persons/breakdown/form-of-exploitation/', '/trafficking-in-persons/breakdown/sex/', '/trafficking-in-persons/breakdown/age/', '/trafficking-in-persons/breakdown/citizenship/']);
    for (const href of [...links, ...tip]) expect(() => html(href.slice(1, -1)), href).not.toThrow();
  });

  it('requested nothing outside the origin and logged no errors', () => {
    ready();
    expect(session.foreign).toEqual([]);
    expect(session.errors).toEqual([]);
  });
});
