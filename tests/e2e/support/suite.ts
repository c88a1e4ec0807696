/**
 * Shared set-up of the end-to-end files: skipped (with the reason in the suite's title) only when the site has not
 * been built; failing when Chromium is missing; and the pages every file visits.
 */
import { beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { hasDist, NO_DIST_REASON } from './server.ts';

export const BUILT = hasDist();
if (!BUILT) console.warn(`end-to-end tests ${NO_DIST_REASON}`);

/** The suite's title, which says why it was skipped when it was. */
export function title(name: string): string {
  return BUILT ? name : `${name} (${NO_DIST_REASON})`;
}

export const DOMAIN_SLUGS = ['trafficking-in-persons', 'migrant-smuggling', 'firearms', 'wildlife', 'falsified-medicines', 'cybercrime'];

/**
 * Runs the suite's set-up in beforeAll, and returns a check for the start of each test that rethrows its error: so a
 * missing browser or axe-core fails every test by name (a failing beforeAll would report them as skipped).
 */
export function setUp(fn: () => Promise<void>): () => void {
  let error: unknown;
  beforeAll(async () => {
    try {
      await fn();
    } catch (e) {
      error = e;
    }
  });
  return () => {
    if (error) throw error;
  };
}

/** Every page type, with the fewest charts it must show (0: a page of text and tables). */
export const PAGE_TYPES: { path: string; type: string; minCharts: number }[] = [
  { path: '/', type: 'home', minCharts: 6 },
  { path: '/search/', type: 'search', minCharts: 0 },
  ...DOMAIN_SLUGS.map((slug) => ({ path: `/${slug}/`, type: 'dashboard', minCharts: 2 })),
  { path: '/migrant-smuggling/breakdown/migration-route/', type: 'breakdown over time', minCharts: 2 },
  ...['KEN', 'USA', 'GBR_S'].map((iso) => ({ path: `/country/${iso}/`, type: 'country', minCharts: 1 })),
  { path: '/indicator/tip_victims_detected/', type: 'indicator', minCharts: 2 },
  { path: '/methodology/', type: 'methodology', minCharts: 0 },
  { path: '/data/', type: 'data', minCharts: 0 },
  { path: '/countries/', type: 'countries', minCharts: 0 },
  { path: '/regions/', type: 'regions', minCharts: 0 },
  { path: '/region/014/', type: 'region', minCharts: 4 },
  { path: '/grouping/car/', type: 'grouping', minCharts: 2 },
  { path: '/indicators/', type: 'indicators', minCharts: 0 },
  { path: '/releases/', type: 'releases', minCharts: 0 },
  { path: '/handout/trafficking-in-persons/', type: 'handout', minCharts: 2 },
  { path: '/handout/country/KEN/', type: 'handout', minCharts: 1 },
];

/** Text of a figure's data table (header row first), as a reader of the table sees it. */
export function figureTable(page: Page, host: string): Promise<string[][]> {
  return page.locator(host).evaluate((el) =>
    [...el.querySelectorAll('.chart-table table tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
}

/** The host of a page's redrawable trend chart. */
export const TREND_HOST = '.figure-host[data-chart]';
