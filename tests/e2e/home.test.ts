/**
 * The home page as a front door, in Chromium against the built site:
 * - with JavaScript off, one chart per domain, drawn in the HTML, whose big number and year are the release's (the
 *   series computed again by SQL in tests/support/headline-sql.ts, not by the site's code);
 * - the search box, by keyboard alone, finds a region ("Eastern Africa"), indicators by a plain word ("pangolin",
 *   "counterfeit", "Mediterranean") and countries by a variant name ("Turkey", "Ivory Coast", "Vietnam", "UK"), and
 *   opens what it found; axe finds nothing serious with its list open;
 * - without JavaScript the form opens /search/, which lists every place, region and indicator as links;
 * - screenshots at 390 and 1366 px are written to .tmp/home-shots/ for review.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { distRelease, ROOT, serve, type StaticServer } from './support/server.ts';
import { openSession, requireChromium, type Session } from './support/browser.ts';
import { BUILT, DOMAIN_SLUGS, setUp, title } from './support/suite.ts';
import { HEADLINES, indicatorsOf } from '../../src/lib/headlines.ts';
import { makeLocale } from '../../src/i18n/locale.ts';
import { releaseQuerier } from '../support/release-query.ts';
import { expectedHeadline, expectedLatest, type Sql } from '../support/headline-sql.ts';
import type { Catalog } from '../../scripts/pipeline/release/catalog.ts';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

describe.skipIf(!BUILT)(title('home page and site search'), () => {
  let server: StaticServer;
  let noJs: Session;
  let withJs: Session;
  let sql: Sql;
  let catalog: Catalog;

  const ready = setUp(async () => {
    requireChromium();
    server = await serve();
    noJs = await openSession(server.origin, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    withJs = await openSession(server.origin);
    const { dir } = distRelease();
    catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
    const q = await releaseQuerier(dir);
    sql = (text, params = []) => q({ sql: text, params });
  });

  afterAll(async () => {
    await noJs?.close();
    await withJs?.close();
    await server?.close();
  });

  it('draws one chart per domain with JavaScript off, each with its number, year, source and release', async () => {
    ready();
    const page = await noJs.open('/');
    const sections = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('section.headline')].map((s) => ({
        domain: s.dataset['domain'],
        figures: s.querySelectorAll('figure.chart-figure').length,
        visibleSvgs: [...s.querySelectorAll('figure.chart-figure .chart-svg svg')].filter((svg) => svg.checkVisibility() && svg.getBoundingClientRect().width > 150).length,
        number: s.querySelector('.headline-number strong')?.textContent?.trim() ?? '',
        label: s.querySelector('.headline-number')?.textContent?.trim() ?? '',
        what: s.querySelector('.headline-what')?.textContent?.trim() ?? '',
        members: (s.querySelector('.headline-members p')?.textContent ?? '').split(', ').filter((x) => x !== ''),
        source: s.querySelector('figure .source')?.textContent?.trim() ?? '',
        dashboard: [...s.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      })),
    );
    expect(sections.map((s) => s.domain)).toEqual(DOMAIN_SLUGS);
    const locale = makeLocale('en');
    for (const s of sections) {
      expect(s.figures, `${s.domain}: figures`).toBe(1);
      expect(s.visibleSvgs, `${s.domain}: a visible chart`).toBe(1);
      expect(s.dashboard, `${s.domain}: a link to its dashboard`).toContain(`/${s.domain}/`);
      expect(s.source, `${s.domain}: source line with the release`).toContain(catalog.version);
      const choice = HEADLINES[s.domain!]!;
      const partial = catalog.indicators.find((i) => i.id === indicatorsOf(choice)[0])?.partial_periods.map((p) => p.year) ?? [];
      const latest = expectedLatest(await expectedHeadline(sql, choice), partial)!;
      const shown = locale.number(latest.value!);
      expect(s.number, `${s.domain}: the big number`).toBe(choice.kind === 'pooled' ? `${shown}%` : shown);
      expect(s.label, `${s.domain}: its year`).toContain(String(latest.year));
      // A sum of countries is said to be one, with how many, and never called a world total.
      if (choice.kind === 'panel') {
        expect(s.what).toMatch(new RegExp(`Sum of the same ${latest.countries} countries every year .*not a world total`));
        expect(s.members, `${s.domain}: the countries summed, named`).toHaveLength(latest.countries);
      } else expect(s.members).toEqual([]);
    }
  });

  /** Types into the home page's search box, waits for the list, and returns the options' text. */
  async function typeAndList(page: Page, text: string): Promise<string[]> {
    const box = page.locator('#site-search');
    await box.focus();
    await box.fill('');
    await page.keyboard.type(text);
    await page.waitForFunction(
      (t) => document.querySelector('form[data-search] [data-search-status]')?.textContent?.includes(t) ?? false,
      text,
    );
    return page.locator('#site-search-list [role="option"]').allTextContents();
  }

  /** Moves down the list to the first option whose text matches, by keyboard, and opens it with Enter. */
  async function openByKeyboard(page: Page, options: string[], match: RegExp): Promise<void> {
    const at = options.findIndex((o) => match.test(o));
    expect(at, `an option matching ${match} in ${JSON.stringify(options)}`).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
    const active = await page.locator('#site-search').getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toMatch(match);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/'), page.keyboard.press('Enter')]);
  }

  it.each([
    { typed: 'Eastern Africa', option: /^Eastern Africa UN region/, path: /^\/(region\/014\/|search\/)$/, first: true },
    { typed: 'pangolin', option: /^Pangolin seizure incidents recorded by EIA Indicator/, path: /^\/indicator\/wl_pangolin_seizures\/$/, first: false },
    { typed: 'counterfeit', option: /^Medicine samples flagged as counterfeit/, path: /^\/indicator\/med_samples_counterfeit\/$/, first: true },
    { typed: 'Mediterranean', option: /^Central Mediterranean Breakdown/, path: /^\/indicator\/smg_dead_missing\/$/, first: false },
    { typed: 'Turkey', option: /^Türkiye \(also Turkey\)/, path: /^\/country\/TUR\/$/, first: true },
    { typed: 'Ivory Coast', option: /^Côte d’Ivoire \(also Ivory Coast\)/, path: /^\/country\/CIV\/$/, first: true },
    { typed: 'Vietnam', option: /^Viet Nam \(also Vietnam\)/, path: /^\/country\/VNM\/$/, first: true },
    { typed: 'UK', option: /^United Kingdom of Great Britain and Northern Ireland/, path: /^\/country\/GBR\/$/, first: true },
  ])('search: "$typed" lists $option and opens it by keyboard', async ({ typed, option, path, first }) => {
    ready();
    const page = await withJs.open('/');
    const options = await typeAndList(page, typed);
    if (first) expect(options[0], `the first match for ${typed}`).toMatch(option);
    expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('true');
    await openByKeyboard(page, options, option);
    const url = new URL(page.url());
    expect(url.pathname).toMatch(path);
    if (url.hash) {
      // The section a link names is where the page scrolled to.
      await page.waitForTimeout(300);
      const top = await page.locator(url.hash).evaluate((el) => el.getBoundingClientRect().top);
      expect(top, `${url.hash} is at the top of the window`).toBeGreaterThanOrEqual(-1);
      expect(top).toBeLessThan(100);
    }
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    // A region without a page of its own yet leads to its section of /search/, which lists its countries.
    if (url.pathname === '/search/') expect(await page.locator(`${url.hash} + details li a`).count()).toBeGreaterThan(10);
  });

  it('search: Escape closes the list, and Enter with nothing chosen lists the matches on /search/', async () => {
    ready();
    const page = await withJs.open('/');
    await typeAndList(page, 'pangolin');
    await page.keyboard.press('Escape');
    expect(await page.locator('#site-search-list').isHidden()).toBe(true);
    expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('false');
    await Promise.all([page.waitForURL('**/search/?q=pangolin'), page.keyboard.press('Enter')]);
    await page.waitForSelector('[data-search-results]:not([hidden]) [data-results-list] a');
    const found = await page.locator('[data-results-list] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(found).toContain('/indicator/wl_pangolin_seizures/');
    expect(found).toContain('/wildlife/');
  });

  it('axe finds nothing serious on the home page with the search list open', async () => {
    ready();
    const page = await withJs.open('/');
    await typeAndList(page, 'Eastern');
    await page.keyboard.press('ArrowDown');
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const severe = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(severe).toEqual([]);
  });

  it('without JavaScript the form opens /search/, which lists every country, region and indicator as links', async () => {
    ready();
    const page = await noJs.open('/');
    await page.fill('#site-search', 'Turkey');
    await Promise.all([page.waitForURL('**/search/?q=Turkey'), page.click('form[data-search] button[type="submit"]')]);
    const hrefs = new Set(await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))));
    const index = (await (await fetch(new URL('/search-index.json', server.origin))).json()) as { kind: string; href: string }[];
    const missing = index.filter((e) => e.kind !== 'region' && !hrefs.has(e.href)).map((e) => e.href);
    expect(missing).toEqual([]);
    // Regions are sections of the page (or links to their own pages once those exist).
    for (const r of index.filter((e) => e.kind === 'region')) {
      const target = r.href.startsWith('/search/#') ? await page.locator(r.href.slice('/search/'.length)).count() : Number(hrefs.has(r.href));
      expect(target, r.href).toBe(1);
    }
    // Find-in-page finds a country by its other name.
    expect(await page.locator('main li', { hasText: 'also: Turkey' }).locator('a').getAttribute('href')).toBe('/country/TUR/');
  });

  it('screenshots at 390 and 1366 px (for review)', async () => {
    ready();
    const dir = join(ROOT, '.tmp', 'home-shots');
    mkdirSync(dir, { recursive: true });
    for (const width of [390, 1366]) {
      const s = await openSession(server.origin, { viewport: { width, height: 900 } });
      const page = await s.open('/');
      await page.screenshot({ path: join(dir, `home-${width}.png`), fullPage: true });
      await typeAndList(page, 'Eastern Africa');
      await page.keyboard.press('ArrowDown');
      await page.screenshot({ path: join(dir, `home-search-${width}.png`) });
      await s.close();
    }
  });

  it('requested nothing outside the origin and logged no errors', () => {
    ready();
    expect([...noJs.foreign, ...withJs.foreign]).toEqual([]);
    expect([...noJs.errors, ...withJs.errors]).toEqual([]);
  });
});
