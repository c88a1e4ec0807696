/**
 * Places on the built site: a country page exists exactly for the countries, territories and reporting jurisdictions
 * that have a national total (a value or a flag) in the release — read here from the served Parquet with SQL of this
 * test's own, not through the site's code — each page shows at least one chart, and the home page, its go-to box and
 * /countries/ all count and list the same places.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeLocale } from '../../src/i18n/locale.ts';
import { sql } from './support/release.ts';
import { DIST } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

/** Codes of the built country pages. */
function builtPlaces(): string[] {
  const dir = join(DIST, 'country');
  return readdirSync(dir).filter((d) => existsSync(join(dir, d, 'index.html'))).sort();
}

describe.skipIf(!BUILT)(title('places with a page'), () => {
  it('are exactly the places with a national total in the release', async () => {
    const rows = await sql(`
      SELECT DISTINCT o.geo FROM observations o JOIN geo g ON g.geo = o.geo
      WHERE g.kind IN ('country', 'territory', 'subnational')
        AND o.sex = 'total' AND o.age = 'total' AND o.dimension = 'total' AND o.category = 'total' AND o.counterpart IS NULL
        AND (o.value IS NOT NULL OR o.censored IS NOT NULL)
      ORDER BY o.geo`);
    const expected = rows.map((r) => String(r['geo']));
    expect(builtPlaces()).toEqual(expected);
    // Tuvalu reports only breakdowns (victims repatriated, '<5'): no page, rather than a page without a figure.
    expect(expected).not.toContain('TUV');
    expect(expected).toContain('KEN');
  });

  it('each show at least one chart', () => {
    const without = builtPlaces().filter((geo) => !/<figure class="chart-figure"[\s\S]*?<svg/.test(html(`country/${geo}`)));
    expect(without).toEqual([]);
  });

  it('are counted and listed alike on the home page, on /search/ and on /countries/', () => {
    const places = builtPlaces();
    const locale = makeLocale('en');
    const n = locale.number(places.length);
    const home = html('');
    const countries = html('countries');
    expect(home).toContain(locale.t('home.allCountries', { n }));
    expect(countries).toContain(locale.t('countries.intro', { n }));
    const linked = (page: string, attr: string) => [...new Set([...page.matchAll(new RegExp(`${attr}="/country/([^/"]+)/"`, 'g'))].map((m) => m[1]!))].sort();
    const search = html('search');
    expect(linked(search.slice(search.indexOf('<main')), 'href')).toEqual(places);
    expect(linked(countries.slice(countries.indexOf('<main')), 'href')).toEqual(places);
  });
});
