/**
 * The place picker in real Chromium, by keyboard alone, on the firearms dashboard: typing finds a place whatever its
 * accents, the arrow keys reach it, Enter adds it and the chart is redrawn with it (a drawn value checked against the
 * release read here by DuckDB); Backspace and a chip's Remove button remove; at the limit the picker refuses and says
 * so; Germany, which has no IAFQ firearms figures, is listed as "did not report" and cannot be added; axe finds
 * nothing serious with the list open. Without JavaScript the plain list stays, with the same places.
 * Timings are never asserted: the timeouts are only how long to wait.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, figureTable, setUp, title, TREND_HOST } from './support/suite.ts';
import { expectedTable, sql } from './support/release.ts';
import { controlsOf, trendForm, waitForView, type View } from './support/trend-view.ts';

const PAGE = '/firearms/';
const INDICATOR = 'fa_arms_seized';
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const TOTALS = `sex = 'total' AND age = 'total' AND dimension = 'total' AND category = 'total' AND counterpart IS NULL`;

/**
 * The table without its "Series breaks" column: Brazil's 2018 jump is marked there (series-breaks.test.ts checks the
 * marks); here the values are compared with the release.
 */
function withoutBreaks(table: string[][]): string[][] {
  const at = table[0]!.indexOf('Series breaks');
  return at < 0 ? table : table.map((r) => r.filter((_, i) => i !== at));
}

/** A place's name in the release's geo table (not from the page). */
async function nameOf(geo: string): Promise<string> {
  return String((await sql('SELECT name FROM geo WHERE geo = ?', [geo]))[0]!['name']);
}

/** Countries with a national total of the indicator, read from the release. */
async function reporting(): Promise<string[]> {
  return (await sql(`SELECT DISTINCT geo FROM observations WHERE indicator = ? AND ${TOTALS} ORDER BY geo`, [INDICATOR])).map((r) => String(r['geo']));
}

interface PickerView {
  chips: string[];
  expanded: string | null;
  active: string | null;
  status: string;
}

async function pickerView(form: Locator): Promise<PickerView> {
  return form.evaluate((f) => {
    const input = f.querySelector('input[role=combobox]')!;
    const active = input.getAttribute('aria-activedescendant');
    return {
      chips: [...f.querySelectorAll('.picker-chips button')].map((b) => b.getAttribute('aria-label') ?? ''),
      expanded: input.getAttribute('aria-expanded'),
      active: active ? (document.getElementById(active)?.textContent ?? `missing #${active}`) : null,
      status: f.querySelector('.picker-status')?.textContent ?? '',
    };
  });
}

describe.skipIf(!BUILT)(title('place picker: combobox by keyboard, did-not-report places, the limit'), { timeout: 300_000 }, () => {
  let server: StaticServer;
  const sessions: Session[] = [];
  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
  });

  async function open(javaScriptEnabled = true): Promise<Page> {
    ready();
    const s = await openSession(server.origin, { javaScriptEnabled });
    sessions.push(s);
    return s.open(PAGE);
  }

  afterEach(async () => {
    for (const s of sessions.splice(0)) {
      expect(s.foreign, 'requests that left the origin').toEqual([]);
      expect(s.errors, 'console errors, page errors, failed requests').toEqual([]);
      await s.close();
    }
  });
  afterAll(async () => {
    await server?.close();
  });

  it('without JavaScript the plain list stays, and lists Germany as "did not report", disabled', async () => {
    // The release itself: Germany has figures (so the observatory knows it) but none for this indicator.
    expect((await sql('SELECT count(*) AS n FROM observations WHERE geo = ? AND indicator = ?', ['DEU', INDICATOR]))[0]!['n']).toBe('0');
    expect(Number((await sql('SELECT count(*) AS n FROM observations WHERE geo = ?', ['DEU']))[0]!['n'])).toBeGreaterThan(0);
    const page = await open(false);
    const form = page.locator('form[data-controls]');
    expect(await form.locator('select[name=geo]').isVisible()).toBe(true);
    expect(await form.locator('input[role=combobox]').count()).toBe(0);
    const germany = form.locator('select[name=geo] option[value="DEU"]');
    expect(await germany.textContent()).toBe(`${await nameOf('DEU')} — did not report`);
    expect(await germany.isDisabled()).toBe(true);
    expect(await germany.evaluate((o) => (o.parentElement as HTMLOptGroupElement).label)).toBe('Cannot be drawn: no figures for this indicator');
    // Every country with a total in the release is offered, enabled.
    const offered = await form.locator('select[name=geo] option:not([disabled])').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).sort());
    expect(offered).toEqual(await reporting());
  });

  it('type, arrow, Enter adds a place and the chart is redrawn with it; Backspace and Remove take places away; the limit refuses', async () => {
    const page = await open();
    const c = await controlsOf(page);
    const form = trendForm(page);
    const input = form.locator('input[role=combobox]');
    const max = Number(await form.getAttribute('data-max-geos'));
    expect(max).toBe(8);

    // The plain list gave way to the combobox, which names its popup.
    expect(await form.locator('select[name=geo]').isVisible()).toBe(false);
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    const listId = (await input.getAttribute('aria-controls'))!;
    expect(await page.locator(`#${listId}[role=listbox]`).count()).toBe(1);
    const start = await pickerView(form);
    expect(start.chips).toEqual(await Promise.all(c.defaults.map(async (g) => `Remove ${await nameOf(g)}`)));

    // "cote" finds Côte d'Ivoire (accents and apostrophe set aside); Down makes it active; Enter adds it.
    await input.focus();
    await page.keyboard.type('cote');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowDown');
    const ivory = await nameOf('CIV');
    expect((await pickerView(form)).active).toBe(ivory);
    expect(await page.locator(`#${listId} [aria-selected=true]`).getAttribute('data-code')).toBe('CIV');
    await page.keyboard.press('Enter');
    let now = await pickerView(form);
    expect(now.expanded).toBe('false');
    expect(now.chips).toEqual([...start.chips, `Remove ${ivory}`]);
    await expect.poll(async () => (await pickerView(form)).status).toBe(`${ivory} added; ${c.defaults.length + 1} of ${max} places chosen.`);

    // The chart is redrawn with it: its latest value, read here from the release, is in the figure's table.
    const withIvory: View = { geo: [...c.defaults, 'CIV'], years: c.defaultYears, defaultYears: c.defaultYears };
    await waitForView(page, withIvory);
    const [latest] = await sql(`SELECT year, value FROM observations WHERE indicator = ? AND geo = 'CIV' AND ${TOTALS} AND value IS NOT NULL ORDER BY year DESC LIMIT 1`, [INDICATOR]);
    const table = await figureTable(page, TREND_HOST);
    const column = table[0]!.indexOf(ivory);
    expect(column, `a column for ${ivory} in ${table[0]!.join(' | ')}`).toBeGreaterThan(0);
    const row = table.find((r) => r[0] === String(latest!['year']))!;
    // Firearms are counted in whole numbers: the cell, without its thousands separators, is the release's value.
    expect(Number(row[column]!.replaceAll(',', ''))).toBe(Number(latest!['value']));
    expect(withoutBreaks(table)).toEqual(await expectedTable(INDICATOR, withIvory.geo, c.defaultYears));

    // Home and End reach the ends of the list once a place is active; Escape closes, then clears.
    await page.keyboard.type('a');
    await page.keyboard.press('ArrowDown');
    const codes = await page.locator(`#${listId} [role=option]`).evaluateAll((os) => os.map((o) => (o as HTMLElement).dataset['code']));
    await page.keyboard.press('End');
    expect(await page.locator(`#${listId} [aria-selected=true]`).getAttribute('data-code')).toBe(codes[codes.length - 1]);
    await page.keyboard.press('Home');
    expect(await page.locator(`#${listId} [aria-selected=true]`).getAttribute('data-code')).toBe(codes[0]);
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('a');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');

    // Germany did not report: found, reachable, but Enter refuses and says why; nothing is drawn for it.
    await page.keyboard.type('germ');
    await page.keyboard.press('ArrowDown');
    const germany = await nameOf('DEU');
    expect((await pickerView(form)).active).toBe(`${germany} — did not report`);
    expect(await page.locator(`#${listId} [aria-selected=true]`).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    now = await pickerView(form);
    expect(now.chips).toHaveLength(c.defaults.length + 1);
    await expect.poll(async () => (await pickerView(form)).status).toMatch(new RegExp(`^${germany} did not report figures for this indicator`));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // Up to the limit, then one more: refused, the list stays open, the message says what to do.
    const others = (await reporting()).filter((g) => !withIvory.geo.includes(g));
    for (const g of others.slice(0, max - withIvory.geo.length)) {
      await page.keyboard.type(await nameOf(g));
      await page.keyboard.press('ArrowDown');
      while ((await input.getAttribute('aria-activedescendant'))?.endsWith(`-${g}`) === false) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    expect((await pickerView(form)).chips).toHaveLength(max);
    const extra = others[max - withIvory.geo.length]!;
    await page.keyboard.type(await nameOf(extra));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    now = await pickerView(form);
    expect(now.chips).toHaveLength(max);
    expect(now.expanded).toBe('true');
    await expect.poll(async () => (await pickerView(form)).status).toBe(`You can compare up to ${max} places; remove one to add another.`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // Backspace in the empty field removes the last place; Shift+Tab reaches the last chip, Enter removes it.
    const full = (await pickerView(form)).chips;
    await page.keyboard.press('Backspace');
    expect((await pickerView(form)).chips).toEqual(full.slice(0, -1));
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(full[full.length - 2]);
    await page.keyboard.press('Enter');
    expect((await pickerView(form)).chips).toEqual(full.slice(0, -2));
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'the focus goes back to the field').toBe('combobox');
    await expect.poll(async () => (await pickerView(form)).status).toMatch(new RegExp(`removed; ${max - 2} of ${max} places chosen\\.$`));

    // The chart and the address bar follow: the view of the chips that remain.
    const kept = await form.evaluate((f) => [...f.querySelectorAll<HTMLElement>('.picker-chips button')].map((b) => b.dataset['code']!));
    await waitForView(page, { geo: kept, years: c.defaultYears, defaultYears: c.defaultYears });
    expect(new URL(page.url()).searchParams.get('geo')!.split(',').sort()).toEqual([...kept].sort());
    expect(withoutBreaks(await figureTable(page, TREND_HOST))).toEqual(await expectedTable(INDICATOR, kept, c.defaultYears));
  });

  it('axe finds no serious or critical violation with the list open', async () => {
    if (!existsSync(AXE)) throw new Error(`axe-core is not installed (${AXE})`);
    const page = await open();
    const input = trendForm(page).locator('input[role=combobox]');
    await input.focus();
    await page.keyboard.type('ger');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
    });
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});
