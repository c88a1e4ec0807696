import { describe, expect, it } from 'vitest';
import { releaseFiles } from '../support/release-files.ts';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import type { SourceModule } from '../../scripts/pipeline/source-module.ts';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';
import { sourceRef } from '../../scripts/pipeline/model.ts';
import { count, requiredText, year } from '../../scripts/pipeline/values.ts';
import { csvBytes } from '../support/fixtures.ts';
import { miniRelease } from '../support/mini-release.ts';

/** A toy publisher: country code, year, count. Exercises the release machinery without any real normalizer. */
const toyManifest: SourceManifest = {
  id: 'toy-source', domain: 'firearms', feeds: ['firearms'], core: false, title: 'Toy', publisher: 'Test', release_date: '2024-01-01',
  url: 'https://example.org', licence: 'test', redistribution: { status: 'allowed', reason: 'test' }, citation: 'test', caveats: ['toy'],
  files: [{ name: 'toy.csv', url: null, sha256: '0'.repeat(64), format: 'csv', header_row: 1, columns: ['code', 'year', 'seized'] }],
};

const toy: SourceModule = {
  id: 'toy-source',
  indicators: [{ id: 'fa_arms_seized', domain: 'firearms', title: 'Arms seized', unit: 'firearms', definition: 'd', caveat: 'c', breakdowns: [], dimensions: [], derived: false, sources: ['toy-source'], label_packing: null }],
  normalize({ tables, ledgers }) {
    const t = tables.get('toy.csv')!;
    const l = ledgers.get('toy.csv')!;
    const observations = [];
    for (const r of t.rows) {
      const code = requiredText(t, r, 'code');
      if (code === 'WLD') {
        l.quarantine(r, 'aggregate', 'code', code);
        continue;
      }
      if (!/^[A-Z]{3}$/.test(code)) {
        l.quarantine(r, 'not a country code', 'code', code);
        continue;
      }
      observations.push({
        domain: 'firearms' as const, indicator: 'fa_arms_seized', geo: code, year: year(t, r, 'year'), sex: 'total' as const, age: 'total' as const,
        dimension: 'total', category: 'total', counterpart: null, value: count(t, r, 'seized'), unit: 'firearms', censored: null, value_min: null, value_max: null,
        source: 'toy-source', source_ref: sourceRef(t.file, t.sheet, r.row), note: null,
      });
      l.emit(r);
    }
    return { observations, events: [], quality: [] };
  },
};

const toyFile = (rows: (string | number)[][]) => ({ 'toy-source': { 'toy.csv': csvBytes([['code', 'year', 'seized'], ...rows]) } });

async function readParquet(path: string) {
  return parquetReadObjects({ file: await asyncBufferFromFile(path), compressors });
}

describe('release', () => {
  it('writes Parquet, catalog, datapackage and quarantine, with rows that add up', async () => {
    const mini = miniRelease([toy], toyFile([['KEN', 2020, '1,757'], ['WLD', 2020, 5], ['NGA', 2020, 3]]), { 'toy-source': toyManifest });
    const res = await mini.run();
    expect(res.version).toMatch(/^[0-9a-f]{12}$/);
    const files = releaseFiles(res.dir);
    // One series view per indicator with totals (the count and its derived rate); no parts, as the toy has none.
    // Every table and indicator as CSV too (quarantine.csv where it always was), long and wide; publisher_labels even
    // when, as here, no source keeps its labels.
    expect(files).toEqual(['catalog.json', `crime-trends-observatory-${res.version}.zip`, 'csv/geo.csv', 'csv/indicators/fa_arms_seized.csv', 'csv/indicators/fa_arms_seized_rate.csv', 'csv/indicators/fa_arms_seized_rate_wide.csv',
      'csv/indicators/fa_arms_seized_wide.csv', 'csv/observations.csv', 'csv/population.csv', 'csv/publisher_labels.csv', 'datapackage.json', 'geo.parquet', 'observations.parquet', 'population.parquet', 'publisher_labels.parquet', 'quality.json', 'quarantine.csv', 'quarantine.parquet',
      'views/series/fa_arms_seized.parquet', 'views/series/fa_arms_seized_rate.parquet']);
    const obs = await readParquet(join(res.dir, 'observations.parquet'));
    const seized = obs.filter((o) => o['indicator'] === 'fa_arms_seized');
    expect(seized.map((o) => [o['geo'], o['value'], o['source_ref']])).toEqual([
      ['KEN', 1757, 'toy.csv::2'],
      ['NGA', 3, 'toy.csv::4'],
    ]);
    const rate = obs.find((o) => o['indicator'] === 'fa_arms_seized_rate' && o['geo'] === 'KEN')!;
    expect(rate['value']).toBeCloseTo((1757 / 53005614) * 100000, 12);
    const toyAccount = res.accounts.find((a) => a.source === 'toy-source')!;
    expect(toyAccount).toMatchObject({ read: 3, emitted: 2, quarantined: 1 });
    const pop = res.accounts.find((a) => a.source === 'population-worldbank')!;
    expect(pop).toMatchObject({ read: 5, emitted: 4, quarantined: 1 });
    const q = readFileSync(join(res.dir, 'quarantine.csv'), 'utf8');
    expect(q).toContain('toy-source,toy.csv,,3,code,WLD,aggregate');
    expect(q).toContain('World Bank aggregate');
    const catalog = JSON.parse(readFileSync(join(res.dir, 'catalog.json'), 'utf8'));
    expect(catalog.version).toBe(res.version);
    expect(catalog.indicators.find((i: { id: string }) => i.id === 'fa_arms_seized_rate').derived).toBe(true);
    const dp = JSON.parse(readFileSync(join(res.dir, 'datapackage.json'), 'utf8'));
    expect(dp.resources.map((r: { name: string }) => r.name)).toContain('observations');
    const pointer = JSON.parse(readFileSync(join(mini.out, 'current.json'), 'utf8'));
    expect(pointer.version).toBe(res.version);
  });

  it('writes quarantined formula text to quarantine.csv so that no spreadsheet runs it, and keeps it exact in Parquet', async () => {
    const formula = '=HYPERLINK("http://x.example","click")';
    const res = await miniRelease([toy], toyFile([['KEN', 2020, 1], [formula, 2020, 2], ['@SUM(A1)', 2020, 3], ['-1+2', 2020, 4]]), { 'toy-source': toyManifest }).run();
    const csv = readFileSync(join(res.dir, 'quarantine.csv'), 'utf8');
    const toyLines = csv.split('\r\n').filter((l) => l.startsWith('toy-source,'));
    expect(toyLines).toEqual([
      `toy-source,toy.csv,,3,code,"'=HYPERLINK(""http://x.example"",""click"")",not a country code`,
      `toy-source,toy.csv,,4,code,'@SUM(A1),not a country code`,
      `toy-source,toy.csv,,5,code,'-1+2,not a country code`,
    ]);
    const parquet = await readParquet(join(res.dir, 'quarantine.parquet'));
    expect(parquet.filter((q) => q['source'] === 'toy-source').map((q) => q['value'])).toEqual([formula, '@SUM(A1)', '-1+2']);
  });

  it('gives byte-identical files for the same inputs', async () => {
    const files = toyFile([['KEN', 2019, 4], ['KEN', 2020, 9]]);
    const a = await miniRelease([toy], files, { 'toy-source': toyManifest }).run();
    const b = await miniRelease([toy], files, { 'toy-source': toyManifest }).run();
    expect(a.version).toBe(b.version);
    for (const f of releaseFiles(a.dir)) expect(readFileSync(join(b.dir, f)).equals(readFileSync(join(a.dir, f))), f).toBe(true);
  });

  it('gives a new version when only what the catalog says changes (a caveat), the data bytes being the same', async () => {
    const files = toyFile([['KEN', 2019, 4], ['KEN', 2020, 9]]);
    const a = await miniRelease([toy], files, { 'toy-source': toyManifest }).run();
    const recaveated: SourceModule = { ...toy, indicators: [{ ...toy.indicators[0]!, caveat: 'c, now said otherwise' }] };
    const b = await miniRelease([recaveated], files, { 'toy-source': toyManifest }).run();
    // Same data: the Parquet is the same bytes under both versions.
    expect(readFileSync(join(b.dir, 'observations.parquet')).equals(readFileSync(join(a.dir, 'observations.parquet')))).toBe(true);
    expect(b.version, 'a caveat changed under an unchanged version would never reach a cached /data/<version>/').not.toBe(a.version);
    expect(JSON.parse(readFileSync(join(b.dir, 'catalog.json'), 'utf8')).indicators[0].caveat).toBe('c, now said otherwise');
  });

  it('stops on a checksum mismatch and leaves the previous release untouched', async () => {
    const mini = miniRelease([toy], toyFile([['KEN', 2020, 1]]), { 'toy-source': toyManifest });
    const first = await mini.run();
    const before = readFileSync(join(first.dir, 'observations.parquet'));
    const path = join(mini.mirror, 'firearms', 'toy-source', 'toy.csv');
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('NGA,2020,2\n')]));
    await expect(mini.run()).rejects.toThrow(/toy\.csv: checksum mismatch: manifest says sha256 [0-9a-f]{64}, file has [0-9a-f]{64}/);
    expect(readdirSync(mini.out).filter((d) => !d.startsWith('current'))).toEqual([first.version]);
    expect(readFileSync(join(first.dir, 'observations.parquet')).equals(before)).toBe(true);
  });

  it('stops on bad input mid-run without leaving a partial release', async () => {
    const mini = miniRelease([toy], toyFile([['KEN', 2020, -4]]), { 'toy-source': toyManifest });
    await expect(mini.run()).rejects.toThrow('file toy.csv, row 2, column seized: negative count, found "-4"');
    expect(existsSync(mini.out) ? readdirSync(mini.out) : []).toEqual([]);
  });

  it('stops when a file is missing from the mirror and has no URL', async () => {
    const mini = miniRelease([toy], toyFile([['KEN', 2020, 1]]), { 'toy-source': toyManifest });
    const { rmSync } = await import('node:fs');
    rmSync(join(mini.mirror, 'firearms', 'toy-source', 'toy.csv'));
    await expect(mini.run()).rejects.toThrow(/toy-source\/toy\.csv: file missing from the mirror and the manifest gives no URL/);
  });

  it('stops when every row is quarantined: the source would vanish from the release', async () => {
    const mini = miniRelease([toy], toyFile([['WLD', 2019, 4], ['WLD', 2020, 9]]), { 'toy-source': toyManifest });
    await expect(mini.run()).rejects.toThrow('file toy.csv: all 2 data rows quarantined, none released: the source would vanish from the release');
    expect(existsSync(mini.out) ? readdirSync(mini.out) : []).toEqual([]);
  });

  it('rejects an undefined geography code in the release', async () => {
    const mini = miniRelease([toy], toyFile([['ZZZ', 2020, 1]]), { 'toy-source': toyManifest });
    await expect(mini.run()).rejects.toThrow('file toy-source/toy.csv, row 2, column geo: geo "ZZZ" is not in the geography table (indicator fa_arms_seized)');
  });
});
