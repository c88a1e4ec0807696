/**
 * The home page's headline series (src/lib/headlines.ts): on small hand-made rows whose sums are worked out here, and
 * on the release, where each domain's series is computed again by SQL written in this test (DuckDB over the
 * release's Parquet), not by the module.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headlineSeries, HEADLINES, indicatorsOf, panelSeries, pooledSeries, publisherSeries, type ReportedValue } from '../../src/lib/headlines.ts';
import { DOMAINS } from '../../src/data/domains.ts';
import type { Catalog } from '../../scripts/pipeline/release/catalog.ts';
import { releaseQuerier } from '../support/release-query.ts';
import { expectedHeadline, expectedLatest, TOTALS, type Sql } from '../support/headline-sql.ts';

const v = (geo: string, year: number, value: number | null, censored: string | null = null): ReportedValue => ({ geo, year, value, censored });

describe('panelSeries: the same countries every year', () => {
  // A and B report every year; C skips 2020; D has a suppressed count in 2021; E reports only before the span.
  const rows = [
    v('A', 2019, 10), v('A', 2020, 12), v('A', 2021, 20),
    v('B', 2019, 5), v('B', 2020, 0), v('B', 2021, 30),
    v('C', 2019, 100), v('C', 2021, 100),
    v('D', 2019, 7), v('D', 2020, 8), v('D', 2021, null, '<5'),
    v('E', 2015, 1000),
  ];

  it('sums only the countries with a number in every year, and counts the others out', () => {
    const s = panelSeries(rows, [2019, 2021], []);
    expect(s.members).toEqual(['A', 'B']);
    expect(s.points.map((p) => [p.year, p.value, p.countries])).toEqual([[2019, 15, 2], [2020, 12, 2], [2021, 50, 2]]);
    expect(s.leftOut).toEqual({ skipped: 1, suppressed: 1 });
    expect(s.latest?.year).toBe(2021);
    // B is 30 of 50 in 2021.
    expect(s.largest).toEqual({ geo: 'B', share: 0.6 });
  });

  it('cites every row a year’s sum adds, and none when one of them has no row', () => {
    const ref = (r: ReportedValue) => ({ ...r, source_ref: `t.csv::${r.year - 2000}${r.geo === 'A' ? 1 : 2}` });
    const s = panelSeries(rows.map((r) => (r.geo === 'A' || r.geo === 'B' ? ref(r) : r)), [2019, 2021], []);
    // A's rows are 191, 201, 211; B's 192, 202, 212 (hand-made refs): each year cites its two.
    expect(s.points.map((p) => p.source_ref)).toEqual(['t.csv::191-192', 't.csv::201-202', 't.csv::211-212']);
    const unref = panelSeries(rows.map((r) => (r.geo === 'A' ? ref(r) : r)), [2019, 2021], []);
    expect(unref.points.map((p) => p.source_ref ?? null)).toEqual([null, null, null]);
  });

  it('never takes a partial year for the latest', () => {
    const s = panelSeries(rows, [2019, 2021], [2021]);
    expect(s.points.find((p) => p.year === 2021)?.partial).toBe(true);
    expect(s.latest?.year).toBe(2020);
    expect(s.latest?.value).toBe(12);
  });

  it('gives no points when no country reports every year', () => {
    expect(panelSeries(rows, [2014, 2021], []).points).toEqual([]);
  });
});

describe('publisherSeries: the publisher’s own total', () => {
  it('keeps censored values censored and skips partial years for the latest', () => {
    const rows: ReportedValue[] = [
      { geo: '001', year: 2022, value: 90, censored: null },
      { geo: '001', year: 2023, value: null, censored: '<5', value_min: 1, value_max: 4 },
      { geo: '001', year: 2024, value: 40, censored: null },
      { geo: 'KEN', year: 2024, value: 3, censored: null },
    ];
    const s = publisherSeries(rows, '001', [2024]);
    expect(s.points.map((p) => [p.year, p.value, p.censored, p.min, p.max, p.partial])).toEqual([
      [2022, 90, null, null, null, false],
      [2023, null, '<5', 1, 4, false],
      [2024, 40, null, null, null, true],
    ]);
    expect(s.latest?.year).toBe(2022);
  });
});

describe('pooledSeries: failed ÷ tested over the countries reporting both', () => {
  it('pools counts, not shares, and says how many countries and samples', () => {
    const failed = [v('A', 2010, 2), v('B', 2010, 8), v('C', 2012, 0), v('D', 2012, 5)];
    // D reports failures in 2012 but no samples tested: left out of 2012. 2011 has no country with both.
    const tested = [v('A', 2010, 100), v('B', 2010, 300), v('A', 2011, 50), v('C', 2012, 50)];
    const s = pooledSeries(failed, tested, []);
    expect(s.points.map((p) => [p.year, p.value, p.countries, p.base ?? null])).toEqual([
      [2010, 2.5, 2, 400],
      [2011, null, 0, null],
      [2012, 0, 1, 50],
    ]);
    // With refs, a year’s share cites the failed and tested rows of the countries it pools (and only those).
    const r = (x: ReportedValue, row: number) => ({ ...x, source_ref: `m.csv::${row}` });
    const cited = pooledSeries(failed.map((x, i) => r(x, 10 + i)), tested.map((x, i) => r(x, 20 + i)), []);
    expect(cited.points.map((p) => p.source_ref ?? null)).toEqual(['m.csv::10-11,20-21', null, 'm.csv::12,23']);
    expect(s.latest?.year).toBe(2012);
  });
});

describe('every domain has a headline', () => {
  it('one choice per dashboard', () => {
    expect(Object.keys(HEADLINES).sort()).toEqual(DOMAINS.map((d) => d.slug).sort());
  });
});

const RELEASE_ROOT = process.env['RELEASE_DIR'] ?? 'public/data';
const pointer = join(RELEASE_ROOT, 'current.json');

describe.skipIf(!existsSync(pointer))('headline series of the release equal the same sums done in SQL', () => {
  let sql: Sql;
  let catalog: Catalog;

  beforeAll(async () => {
    const dir = join(RELEASE_ROOT, (JSON.parse(readFileSync(pointer, 'utf8')) as { version: string }).version);
    catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog;
    const q = await releaseQuerier(dir);
    sql = (text, params = []) => q({ sql: text, params });
  }, 120_000);

  async function inputRows(indicator: string, geo: string | null): Promise<ReportedValue[]> {
    const rows = await sql(
      `SELECT o.geo, o.year, o.value, o.censored, o.value_min, o.value_max FROM observations o JOIN geo g ON g.geo = o.geo
       WHERE o.indicator = ? AND ${TOTALS('o')} AND ${geo === null ? "g.kind = 'country'" : 'o.geo = ?'}`,
      geo === null ? [indicator] : [indicator, geo],
    );
    return rows.map((r) => ({ geo: String(r['geo']), year: Number(r['year']), value: r['value'] === null ? null : Number(r['value']), censored: (r['censored'] as string | null) ?? null, value_min: r['value_min'] as number | null, value_max: r['value_max'] as number | null }));
  }

  const partialOf = (id: string) => catalog.indicators.find((i) => i.id === id)?.partial_periods.map((p) => p.year) ?? [];

  it.each(Object.entries(HEADLINES))('%s', async (slug, choice) => {
    const rows = new Map<string, ReportedValue[]>();
    for (const id of indicatorsOf(choice)) rows.set(id, await inputRows(id, choice.kind === 'publisher' ? choice.geo : null));
    const partial = partialOf(indicatorsOf(choice)[0]!);
    const got = headlineSeries(choice, rows, partial);
    const expected = await expectedHeadline(sql, choice);
    if (choice.kind === 'panel') console.log(`${slug}: ${expected[0]?.countries ?? 0} countries reported ${choice.indicator} in every year ${choice.years[0]}–${choice.years[1]}`);
    const drawn = got.points.filter((p) => p.countries > 0).map((p) => ({ year: p.year, value: p.value, countries: p.countries }));
    expect(drawn.length).toBeGreaterThan(3);
    expect(drawn.map((p) => p.year)).toEqual(expected.map((p) => p.year));
    drawn.forEach((p, i) => {
      expect(p.countries, `${p.year}: countries`).toBe(expected[i]!.countries);
      if (expected[i]!.value === null) expect(p.value).toBeNull();
      else expect(p.value, `${p.year}: value`).toBeCloseTo(expected[i]!.value!, 9);
    });
    expect(got.latest?.year).toBe(expectedLatest(expected, partial)?.year);
  });

  // Two figures read from the publishers' files by other means (tests/e2e/displayed-values.test.ts): IOM's world total
  // for 2023 and AfRSG's African total for 2017.
  it('the publishers’ totals are the ones in their files', async () => {
    const rows = async (id: string, geo: string) => new Map([[id, await inputRows(id, geo)]]);
    const smuggling = headlineSeries(HEADLINES['migrant-smuggling']!, await rows('smg_dead_missing', '001'), partialOf('smg_dead_missing'));
    expect([smuggling.latest?.year, smuggling.latest?.value]).toEqual([2023, 8606]);
    const rhinos = headlineSeries(HEADLINES['wildlife']!, await rows('wl_rhinos_poached', '002'), []);
    expect([rhinos.latest?.year, rhinos.latest?.value]).toEqual([2017, 1124]);
  });
});
