/**
 * A page's redrawable trend chart as the end-to-end tests drive it: what its controls offer, a view other than the
 * default (with data in the release), submitting a view through the form as a person does, and waiting until the
 * chart says DuckDB drew that view. Timings are never asserted: the timeout is only how long to wait.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { TREND_HOST } from './suite.ts';
import { geosWithData } from './release.ts';

/** Long enough for a first redraw on a loaded 2-core machine; a redraw normally takes well under a second. */
export const REDRAW_TIMEOUT = 120_000;

export interface Controls {
  indicator: string;
  offered: string[];
  defaults: string[];
  defaultYears: [number, number];
  range: [number, number];
}

export async function controlsOf(page: Page): Promise<Controls> {
  return page.evaluate((hostSel) => {
    const host = document.querySelector<HTMLElement>(hostSel);
    const form = (host?.closest('.figure-block')?.parentElement ?? host?.parentElement)?.querySelector<HTMLFormElement>('form[data-controls]');
    if (!host || !form) throw new Error(`no ${hostSel} with a form[data-controls] beside it`);
    const spec = JSON.parse(host.dataset['chart'] ?? '{}') as { indicator: string; defaults: { geo: string[]; years: [number, number] } };
    const select = form.querySelector<HTMLSelectElement>('select[name=geo]')!;
    const from = form.querySelector<HTMLInputElement>('input[name=from]')!;
    const to = form.querySelector<HTMLInputElement>('input[name=to]')!;
    return {
      indicator: spec.indicator,
      // A disabled option is a place listed as not drawable ("— did not report"), never offered.
      offered: [...select.options].filter((o) => !o.disabled).map((o) => o.value),
      defaults: spec.defaults.geo,
      defaultYears: spec.defaults.years,
      range: [Number(from.min), Number(to.max)] as [number, number],
    };
  }, TREND_HOST);
}

/** A view different from the default: the first default country plus two others with data, over recent years. */
export async function pickView(c: Controls, offset = 0): Promise<View> {
  const years: [number, number] = [Math.max(c.range[0], c.range[1] - 6 - offset), c.range[1] - offset];
  const candidates = (await geosWithData(c.indicator, years)).filter((g) => c.offered.includes(g) && !c.defaults.includes(g));
  expect(candidates.length, `countries with data for ${c.indicator} in ${years.join('–')}`).toBeGreaterThanOrEqual(2);
  return { geo: [c.defaults[0]!, ...candidates.slice(offset, offset + 2)], years, defaultYears: c.defaultYears };
}

export interface View {
  geo: string[];
  years: [number, number];
  /** The page's default years: the URL leaves `years` out when the view has them. */
  defaultYears: [number, number];
}

export const yearsParam = (y: [number, number]) => (y[0] === y[1] ? String(y[0]) : `${y[0]}-${y[1]}`);

/** The form beside the page's redrawable trend. */
export const trendForm = (page: Page): Locator => page.locator(TREND_HOST).locator('xpath=ancestor::*[.//form[@data-controls]][1]').locator('form[data-controls]');

/** A place's name as the form lists it (the plain list's option, which the picker is built from). */
export const placeName = (form: Locator, code: string): Promise<string> =>
  form.locator(`select[name=geo] option[value="${code}"]`).evaluate((o: HTMLOptionElement) => (o.dataset['name'] ?? o.textContent ?? '').trim());

/**
 * Chooses `geo` in the form's place picker (the combobox that replaces the plain list) by keyboard alone: Backspace
 * in the empty field removes the chosen places, then each place is typed, reached with ArrowDown and added with Enter.
 */
export async function choosePlaces(form: Locator, geo: readonly string[]): Promise<void> {
  const input = form.locator('input[role=combobox]');
  await input.fill('');
  for (let n = await form.locator('.picker-chips button').count(); n > 0; n--) await input.press('Backspace');
  for (const code of geo) {
    await input.fill(await placeName(form, code));
    for (let moves = 0; ; moves++) {
      if (moves > 20) throw new Error(`${code}: not reached with ArrowDown in the place picker`);
      await input.press('ArrowDown');
      if ((await input.getAttribute('aria-activedescendant'))?.endsWith(`-place-${code}`)) break;
    }
    await input.press('Enter');
  }
}

/** Uses the form as a person does, then waits until the host says DuckDB drew this view. */
export async function submitView(page: Page, view: View): Promise<string> {
  const form = trendForm(page);
  await choosePlaces(form, view.geo);
  await form.locator('input[name=from]').fill(String(view.years[0]));
  await form.locator('input[name=to]').fill(String(view.years[1]));
  await form.locator('button[type=submit], input[type=submit]').first().click();
  return waitForView(page, view);
}

/** Waits until the host says DuckDB drew `view` and nothing is loading; returns the host's `data-state`. */
export async function waitForView(page: Page, view: View): Promise<string> {
  const handle = await page.waitForFunction(
    ({ hostSel, geo, years, defaultYears }) => {
      const host = document.querySelector<HTMLElement>(hostSel);
      if (!host || host.dataset['renderedBy'] !== 'browser' || host.getAttribute('aria-busy') === 'true') return false;
      const p = new URLSearchParams(host.dataset['state'] ?? '');
      const shown = (p.get('geo') ?? '').split(',');
      return (p.get('years') ?? defaultYears) === years && shown.length === geo.length && geo.every((g) => shown.includes(g)) ? host.dataset['state']! : false;
    },
    { hostSel: TREND_HOST, geo: view.geo, years: yearsParam(view.years), defaultYears: yearsParam(view.defaultYears) },
    { timeout: REDRAW_TIMEOUT, polling: 50 },
  );
  return (await handle.jsonValue()) as string;
}
