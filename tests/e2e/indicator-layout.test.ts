/**
 * An indicator page as a reader meets it, in Chromium. On a 390 px phone (with and without JavaScript) the chart comes
 * first, with its unit, caveat and source in the figure; the definitions (definition, unit, caveat, coverage) follow
 * under it, folded, and open with a tap; nothing scrolls the page sideways. On a 1366 px laptop the definitions are
 * shown whole under the chart. Positions are measured on screen. Screenshots of both widths go to
 * .tmp/indicator-shots/ for review.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, setUp, title } from './support/suite.ts';
import { ROOT } from '../support/fixtures.ts';

/** One indicator with a trend, map and table; one published only in breakdowns (its first chart is a flow map). */
const PAGES = ['/indicator/tip_victims_detected/', '/indicator/wl_pangolin_seizure_routes/'];

interface Layout {
  /** The first figure's top, and whether its unit, caveat and source line are on screen in it. */
  chartTop: number | null;
  withChart: { subtitle: boolean; caveat: boolean; source: boolean };
  /** The list whose first term is "Definition": its top and whether it is shown; the disclosure that holds it. */
  definitionsTop: number | null;
  definitionsShown: boolean;
  summaryShown: boolean;
  /** How far the page scrolls sideways (0: not at all). */
  sideways: number;
}

function layout(page: Page): Promise<Layout> {
  return page.evaluate((): Layout => {
    const top = (el: Element | null) => (el ? el.getBoundingClientRect().top + window.scrollY : null);
    const fig = [...document.querySelectorAll('main figure.chart-figure')].find((f) => f.checkVisibility()) ?? null;
    const shown = (sel: string) => !!fig?.querySelector(sel)?.checkVisibility();
    const dl = [...document.querySelectorAll('main dl')].find((d) => d.querySelector('dt')?.textContent?.trim() === 'Definition') ?? null;
    // A folded list has no box of its own: its place is its disclosure's.
    const box = dl && !dl.checkVisibility() ? dl.closest('details') : dl;
    const summary = dl?.closest('details')?.querySelector('summary') ?? null;
    return {
      chartTop: top(fig),
      withChart: { subtitle: shown('.subtitle'), caveat: shown('.caveat'), source: shown('.source') },
      definitionsTop: top(box),
      definitionsShown: !!dl?.checkVisibility(),
      summaryShown: !!summary?.checkVisibility(),
      sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

describe.skipIf(!BUILT)(title('an indicator page on a phone and a laptop'), () => {
  let server: StaticServer;
  const sessions = new Map<string, Session>();

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    sessions.set('390', await openSession(server.origin, { viewport: { width: 390, height: 844 } }));
    sessions.set('390-nojs', await openSession(server.origin, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } }));
    sessions.set('1366', await openSession(server.origin, { viewport: { width: 1366, height: 900 } }));
  });

  afterAll(async () => {
    for (const s of sessions.values()) await s.close();
    await server?.close();
  });

  const phone = PAGES.flatMap((path) => [{ path, session: '390' }, { path, session: '390-nojs' }]);

  it.each(phone)('$path at $session: the chart first, with its unit, caveat and source; the definitions folded under it; no sideways scroll', async ({ path, session }) => {
    ready();
    const page = await sessions.get(session)!.open(path);
    const l = await layout(page);
    expect(l.chartTop, 'a chart on the page').not.toBeNull();
    expect(l.definitionsTop, 'the definitions on the page').not.toBeNull();
    expect(l.chartTop!, 'the chart’s top above the definitions').toBeLessThan(l.definitionsTop!);
    expect(l.withChart, 'unit, caveat and source in the chart’s figure').toEqual({ subtitle: true, caveat: true, source: true });
    expect([l.definitionsShown, l.summaryShown], 'the definitions folded behind a summary').toEqual([false, true]);
    expect(l.sideways, 'sideways scroll (px)').toBeLessThanOrEqual(0);
    // Folded, never hidden for good: a tap opens them, still under the chart and still within the screen's width.
    await page.locator('main details:has(dl) > summary').click();
    const open = await layout(page);
    expect(open.definitionsShown, 'shown after a tap').toBe(true);
    expect(open.chartTop!).toBeLessThan(open.definitionsTop!);
    expect(open.sideways, 'sideways scroll when open (px)').toBeLessThanOrEqual(0);
    await page.close();
  });

  it.each(PAGES)('%s at 1366 px: the definitions shown whole under the chart', async (path) => {
    ready();
    const page = await sessions.get('1366')!.open(path);
    const l = await layout(page);
    expect(l.chartTop!, 'the chart’s top above the definitions').toBeLessThan(l.definitionsTop!);
    expect([l.definitionsShown, l.summaryShown], 'shown, with no disclosure to open').toEqual([true, false]);
    expect(l.sideways, 'sideways scroll (px)').toBeLessThanOrEqual(0);
    await page.close();
  });

  it('screenshots at 390 and 1366 px (for review)', async () => {
    ready();
    const dir = join(ROOT, '.tmp', 'indicator-shots');
    mkdirSync(dir, { recursive: true });
    for (const session of ['390', '1366']) {
      const page = await sessions.get(session)!.open(PAGES[0]!);
      await page.screenshot({ path: join(dir, `indicator-${session}.png`), fullPage: true });
      await page.close();
    }
  });

  it('requested nothing outside the origin and logged no errors', () => {
    ready();
    const all = [...sessions.values()];
    expect(all.flatMap((s) => s.foreign)).toEqual([]);
    expect(all.flatMap((s) => s.errors)).toEqual([]);
  });
});
