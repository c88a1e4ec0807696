/**
 * The shared SQL of src/data/queries.ts on a small release whose every value was chosen by hand; the expected rows
 * below are worked out by hand from the fixture table, not by running the queries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';
import type { SourceModule } from '../../scripts/pipeline/source-module.ts';
import { indicatorDef, observation, sourceRef, type Observation, type Sex } from '../../scripts/pipeline/model.ts';
import { censoredCount, requiredText, text, year } from '../../scripts/pipeline/values.ts';
import {
  bestCoveredQuery,
  bestCoveredSexAgeQuery,
  breakdownQuery,
  categoryRankingQuery,
  flowSeriesQuery,
  flowsQuery,
  latestQuery,
  profileQuery,
  seriesQuery,
  sexAgeQuery,
} from '../../src/data/queries.ts';
import { csvBytes } from '../support/fixtures.ts';
import { miniRelease } from '../support/mini-release.ts';
import { releaseQuerier, type Rows } from '../support/release-query.ts';

const manifest: SourceManifest = {
  id: 'toy-source', domain: 'falsified-medicines', feeds: ['falsified-medicines', 'trafficking-in-persons'], core: false, title: 'Toy',
  publisher: 'Test', release_date: '2024-01-01', url: 'https://example.org', licence: 'test', redistribution: { status: 'allowed', reason: 'test' }, citation: 'test', caveats: ['toy'],
  files: [{ name: 'toy.csv', url: null, sha256: '0'.repeat(64), format: 'csv', header_row: 1, columns: ['indicator', 'code', 'year', 'sex', 'dimension', 'category', 'partner', 'value'] }],
};

/** Rows as a person would type them: the row number in the comment is the spreadsheet row (header = 1). */
const TABLE: string[][] = [
  ['med_toy', 'KEN', '2018', 'total', 'total', 'total', '', '10'], // 2
  ['med_toy', 'KEN', '2019', 'total', 'total', 'total', '', '12'], // 3
  ['med_toy', 'KEN', '2020', 'total', 'total', 'total', '', '15'], // 4
  ['med_toy', 'KEN', '2020', 'total', 'medicine class', 'Antimalarials', '', '9'], // 5
  ['med_toy', 'KEN', '2020', 'total', 'medicine class', 'Antibiotics', '', '6'], // 6
  ['med_toy', 'KEN', '2020', 'total', 'test type', 'Screening', '', '11'], // 7
  ['med_toy', 'KEN', '2020', 'total', 'test type', 'Compendial', '', '4'], // 8
  ['med_toy', 'KEN', '2020', 'female', 'total', 'total', '', '8'], // 9
  ['med_toy', 'KEN', '2020', 'male', 'total', 'total', '', '7'], // 10
  ['med_toy', 'NGA', '2019', 'total', 'total', 'total', '', '7'], // 11
  ['med_toy', 'NGA', '2021', 'total', 'total', 'total', '', '<5'], // 12
  ['med_toy', 'NGA', '2021', 'total', 'test type', 'Screening', '', '3'], // 13
  ['med_toy', 'UGA', '2017', 'total', 'total', 'total', '', '3'], // 14
  ['med_toy', 'UGA', '2021', 'female', 'total', 'total', '', '2'], // 15
  ['med_toy', '002', '2020', 'total', 'total', 'total', '', '100'], // 16
  ['tip_toy', 'KEN', '2020', 'total', 'citizenship', 'UGA', 'UGA', '5'], // 17
  ['tip_toy', 'KEN', '2021', 'total', 'citizenship', 'UGA', 'UGA', '<5'], // 18
  ['tip_toy', 'KEN', '2020', 'total', 'citizenship', 'NGA', 'NGA', '2'], // 19
  ['tip_toy', 'KEN', '2020', 'total', 'citizenship', 'Unknown', '', '1'], // 20
  ['tip_toy', 'KEN', '2020', 'total', 'citizenship', 'Nationals', 'KEN', '40'], // 21
  ['tip_toy', 'NGA', '2020', 'total', 'citizenship', 'KEN', 'KEN', '3'], // 22
  ['tip_toy', 'NGA', '2019', 'total', 'citizenship', 'KEN', 'KEN', '1'], // 23
];

const toy: SourceModule = {
  id: 'toy-source',
  indicators: [
    indicatorDef('toy-source', 'falsified-medicines', {
      id: 'med_toy', title: 'Toy samples failed', unit: 'samples', definition: 'd', caveat: 'c', breakdowns: ['sex', 'category'],
      dimensions: [{ name: 'medicine class', exclusive: true }, { name: 'test type', exclusive: true }],
    }),
    indicatorDef('toy-source', 'trafficking-in-persons', {
      id: 'tip_toy', title: 'Toy victims by citizenship', unit: 'persons', definition: 'd', caveat: 'c', breakdowns: ['counterpart', 'category'],
      dimensions: [{ name: 'citizenship', exclusive: true, geo: true }],
    }),
  ],
  normalize({ tables, ledgers }) {
    const t = tables.get('toy.csv')!;
    const l = ledgers.get('toy.csv')!;
    const observations: Observation[] = t.rows.map((r) => {
      l.emit(r);
      const indicator = requiredText(t, r, 'indicator');
      return observation({
        domain: indicator === 'med_toy' ? 'falsified-medicines' : 'trafficking-in-persons',
        indicator, geo: requiredText(t, r, 'code'), year: year(t, r, 'year'), sex: requiredText(t, r, 'sex') as Sex,
        dimension: requiredText(t, r, 'dimension'), category: requiredText(t, r, 'category'), counterpart: text(t, r, 'partner'),
        ...censoredCount(t, r, 'value')!, unit: indicator === 'med_toy' ? 'samples' : 'persons', source: 'toy-source', source_ref: sourceRef(t.file, t.sheet, r.row),
      });
    });
    return { observations, events: [], quality: [] };
  },
};

const ref = (row: number) => `toy.csv::${row}`;
const LT5 = { value: null, censored: '<5', value_min: 1, value_max: 4 };

describe('the shared queries, on a hand-made release', () => {
  let q: (query: Parameters<Awaited<ReturnType<typeof releaseQuerier>>>[0]) => Promise<Rows>;
  beforeAll(async () => {
    const res = await miniRelease([toy], { 'toy-source': { 'toy.csv': csvBytes([manifest.files[0]!.columns, ...TABLE]) } }, { 'toy-source': manifest }).run();
    q = await releaseQuerier(res.dir);
  });

  it('series: the totals of the chosen places within the years, both ends included, nothing else', async () => {
    expect(await q(seriesQuery('med_toy', ['KEN', 'NGA'], [2019, 2021]))).toEqual([
      { geo: 'KEN', year: 2019, value: 12, censored: null, value_min: null, value_max: null, source_ref: ref(3) },
      { geo: 'KEN', year: 2020, value: 15, censored: null, value_min: null, value_max: null, source_ref: ref(4) },
      { geo: 'NGA', year: 2019, value: 7, censored: null, value_min: null, value_max: null, source_ref: ref(11) },
      { geo: 'NGA', year: 2021, ...LT5, source_ref: ref(12) },
    ]);
  });

  it('latest: each place’s latest year within the range, with that year', async () => {
    const brief = (rows: Rows) => rows.map((r) => [r['geo'], r['year'], r['value'] ?? r['censored']]);
    expect(brief(await q(latestQuery('med_toy', [2000, 2030])))).toEqual([
      ['002', 2020, 100],
      ['KEN', 2020, 15],
      ['NGA', 2021, '<5'],
      ['UGA', 2017, 3],
    ]);
    expect(brief(await q(latestQuery('med_toy', [2000, 2020])))).toEqual([
      ['002', 2020, 100],
      ['KEN', 2020, 15],
      ['NGA', 2019, 7],
      ['UGA', 2017, 3],
    ]);
    expect(brief(await q(latestQuery('med_toy', [2019, 2019])))).toEqual([['KEN', 2019, 12], ['NGA', 2019, 7]]);
  });

  it('breakdown: the parts of ONE dimension only, never the other breakdown of the same samples', async () => {
    const brief = (rows: Rows) => rows.map((r) => [r['year'], r['part'], r['unit'], r['value']]);
    expect(brief(await q(breakdownQuery('med_toy', 'KEN', [2018, 2021], 'medicine class')))).toEqual([
      [2020, 'Antibiotics', 'samples', 6],
      [2020, 'Antimalarials', 'samples', 9],
    ]);
    expect(brief(await q(breakdownQuery('med_toy', 'KEN', [2018, 2021], 'test type')))).toEqual([
      [2020, 'Compendial', 'samples', 4],
      [2020, 'Screening', 'samples', 11],
    ]);
    expect(await q(breakdownQuery('med_toy', 'KEN', [2021, 2021], 'test type'))).toEqual([]);
  });

  it('sex parts: of the totals, without the total itself', async () => {
    expect((await q(sexAgeQuery('med_toy', 'KEN', [2020, 2020], 'sex'))).map((r) => [r['part'], r['value']])).toEqual([['female', 8], ['male', 7]]);
    expect(await q(sexAgeQuery('med_toy', 'KEN', [2020, 2020], 'age'))).toEqual([]);
  });

  it('best covered: the place with most values in the breakdown, then the latest year', async () => {
    // test type: KEN has 2 values (2020), NGA 1 (2021). Sex: KEN 2 (2020), UGA 1 (2021).
    const brief = (rows: Rows) => rows.map((r) => [r['geo'], Number(r['n']), r['year_max']]);
    expect(brief(await q(bestCoveredQuery('med_toy', 'test type')))).toEqual([['KEN', 2, 2020]]);
    expect(brief(await q(bestCoveredSexAgeQuery('med_toy', 'sex')))).toEqual([['KEN', 2, 2020]]);
  });

  it('flows: summed over the years, a censored part counted apart; self-flows and labels without a place left out', async () => {
    const brief = (rows: Rows) => rows.map((r) => [r['origin'], r['destination'], r['value'], Number(r['censored_cells']), r['year_min'], r['year_max']]);
    expect(brief(await q(flowsQuery('tip_toy', [2020, 2021], 'citizenship')))).toEqual([
      ['UGA', 'KEN', 5, 1, 2020, 2021],
      ['KEN', 'NGA', 3, 0, 2020, 2020],
      ['NGA', 'KEN', 2, 0, 2020, 2020],
    ]);
    // Each flow cites the rows it sums, the suppressed one too (UGA → KEN: rows 17 and 18).
    expect((await q(flowsQuery('tip_toy', [2019, 2021], 'citizenship'))).map((r) => [r['origin'], r['destination'], r['source_refs']])).toEqual([
      ['UGA', 'KEN', 'toy.csv::17\ntoy.csv::18'],
      ['KEN', 'NGA', 'toy.csv::22\ntoy.csv::23'],
      ['NGA', 'KEN', 'toy.csv::19'],
    ]);
    // One place, both directions; 2019 only.
    expect(brief(await q(flowsQuery('tip_toy', [2019, 2019], 'citizenship', { geo: 'KEN' })))).toEqual([['KEN', 'NGA', 1, 0, 2019, 2019]]);
    // An outward dimension (where a seizure was going) runs from the reporting country (row 17: KEN → UGA, 18 suppressed).
    expect(brief(await q(flowsQuery('tip_toy', [2020, 2021], 'citizenship', { outward: true })))).toEqual([
      ['KEN', 'UGA', 5, 1, 2020, 2021],
      ['NGA', 'KEN', 3, 0, 2020, 2020],
      ['KEN', 'NGA', 2, 0, 2020, 2020],
    ]);
  });

  it('flow series: one row per pair and year, never summed (a censored cell stays one), with source and note', async () => {
    const rows = await q(flowSeriesQuery('tip_toy', [2019, 2021], 'citizenship'));
    // Rows 17, 18 (UGA → KEN, 2020 and a censored 2021), 19 (NGA → KEN), 22 and 23 (KEN → NGA); not 20 (no place) nor 21 (self).
    expect(rows.map((r) => [r['origin'], r['destination'], r['year'], r['value'], r['censored'], r['source']])).toEqual([
      ['KEN', 'NGA', 2019, 1, null, 'toy-source'],
      ['KEN', 'NGA', 2020, 3, null, 'toy-source'],
      ['NGA', 'KEN', 2020, 2, null, 'toy-source'],
      ['UGA', 'KEN', 2020, 5, null, 'toy-source'],
      ['UGA', 'KEN', 2021, null, '<5', 'toy-source'],
    ]);
    expect(Object.keys(rows[0]!)).toContain('note');
    // Outward: the same rows, from the reporting country (rows 22, 23: NGA → KEN; 19: KEN → NGA; 17, 18: KEN → UGA).
    expect((await q(flowSeriesQuery('tip_toy', [2019, 2021], 'citizenship', true))).map((r) => [r['origin'], r['destination'], r['year']])).toEqual([
      ['KEN', 'NGA', 2020],
      ['KEN', 'UGA', 2020],
      ['KEN', 'UGA', 2021],
      ['NGA', 'KEN', 2019],
      ['NGA', 'KEN', 2020],
    ]);
  });

  it('series and breakdown with notes: the same rows, with each row\'s source id and note', async () => {
    const plain = await q(seriesQuery('med_toy', ['KEN'], [2018, 2020]));
    const noted = await q(seriesQuery('med_toy', ['KEN'], [2018, 2020], undefined, true));
    expect(noted.map(({ source, note, ...rest }) => rest)).toEqual(plain);
    expect(noted.map((r) => r['source'])).toEqual(['toy-source', 'toy-source', 'toy-source']);
    const parts = await q(breakdownQuery('med_toy', 'KEN', [2020, 2020], 'medicine class', true));
    expect(parts.map((r) => [r['part'], r['value'], r['source']])).toEqual([['Antibiotics', 6, 'toy-source'], ['Antimalarials', 9, 'toy-source']]);
  });

  it('ranking: every category of one dimension of one place in one year, with the year', async () => {
    expect((await q(categoryRankingQuery('tip_toy', 'KEN', 2020, 'citizenship'))).map((r) => [r['key'], r['year'], r['value']])).toEqual([
      ['NGA', 2020, 2],
      ['Nationals', 2020, 40],
      ['UGA', 2020, 5],
      ['Unknown', 2020, 1],
    ]);
  });

  it('profile: a place’s totals only, every indicator, in year order', async () => {
    expect((await q(profileQuery('KEN'))).map((r) => [r['indicator'], r['year'], r['value']])).toEqual([
      ['med_toy', 2018, 10],
      ['med_toy', 2019, 12],
      ['med_toy', 2020, 15],
    ]);
  });
});
