/**
 * The release's downloads on a toy release in a publisher's layout: CSVs equal their Parquet (read back by other
 * readers), the wide file equals a pivot worked out by hand, a link-only source's event table is withheld, the
 * archive's SHA256SUMS hold, and the descriptor validates with the Frictionless packages.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceModule } from '../../scripts/pipeline/source-module.ts';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';
import { column, geoColumn, sourceRef } from '../../scripts/pipeline/model.ts';
import { censoredCount, requiredText, text, year } from '../../scripts/pipeline/values.ts';
import { csvParse } from 'd3-dsv';
import { csvBytes } from '../support/fixtures.ts';
import { miniRelease } from '../support/mini-release.ts';
import { releaseFiles } from '../support/release-files.ts';
import { expectDownloadsEqualParquet, sha256, unpackArchive, validatePackage } from '../support/downloads-check.ts';

const manifest = (id: string, status: 'allowed' | 'link-only', files: SourceManifest['files']): SourceManifest => ({
  id, domain: 'firearms', feeds: ['firearms'], core: false, title: `Toy ${id}`, publisher: 'Test', release_date: '2024-01-01',
  url: `https://example.org/${id}`, licence: `terms of ${id}`, redistribution: { status, reason: `because ${id}` }, citation: `cite ${id}`, caveats: ['toy'], files,
});
const file = (name: string, columns: string[]) => ({ name, url: null, sha256: '0'.repeat(64), format: 'csv' as const, header_row: 1, columns });

const SEIZED = ['code', 'year', 'sex', 'seized', 'remark'];
const EVENTS = ['id', 'code', 'day', 'kg', 'confirmed'];

/** Yearly seizures by sex (a '<5' cell is censored) and one incident table. */
const toy: SourceModule = {
  id: 'toy-open',
  indicators: [{ id: 'fa_arms_seized', domain: 'firearms', title: 'Arms seized', unit: 'firearms', definition: 'd', caveat: 'c', breakdowns: ['sex'], dimensions: [], derived: false, sources: ['toy-open'], label_packing: null }],
  normalize({ tables, ledgers }) {
    const t = tables.get('seized.csv')!;
    const observations = t.rows.map((r) => {
      ledgers.get('seized.csv')!.emit(r);
      const v = censoredCount(t, r, 'seized')!;
      return {
        domain: 'firearms' as const, indicator: 'fa_arms_seized', geo: requiredText(t, r, 'code'), year: year(t, r, 'year'), sex: requiredText(t, r, 'sex') as 'total' | 'female',
        age: 'total' as const, dimension: 'total', category: 'total', counterpart: null, ...v, unit: 'firearms', source: 'toy-open', source_ref: sourceRef(t.file, t.sheet, r.row), note: text(t, r, 'remark'),
        // The toy's own labels: its sex cell as published, and constants for the rest.
        publisher: { indicator: 'Seized', dimension: null, category: null, sex: text(t, r, 'sex'), age: null, unit: 'Counts', source: 'toy' },
      };
    });
    const e = tables.get('events.csv')!;
    const rows = e.rows.map((r) => {
      ledgers.get('events.csv')!.emit(r);
      return { id: requiredText(e, r, 'id'), geo: text(e, r, 'code'), day: requiredText(e, r, 'day'), kg: text(e, r, 'kg') === null ? null : Number(text(e, r, 'kg')), confirmed: text(e, r, 'confirmed') === 'yes', source: 'toy-open', source_ref: sourceRef(e.file, e.sheet, r.row) };
    });
    const columns = [column('id', 'VARCHAR', 'id'), geoColumn('geo', 'where'), column('day', 'DATE', 'when'), column('kg', 'DOUBLE', 'kg'), column('confirmed', 'BOOLEAN', 'confirmed'), column('source', 'VARCHAR', 's'), column('source_ref', 'VARCHAR', 'r')];
    return { observations, events: [{ name: 'toy_events', title: 'Toy events', description: 'Incidents', columns, rows }], quality: [] };
  },
};

/** A source whose terms do not allow redistribution: its incident table must not be offered. */
const secret: SourceModule = {
  id: 'toy-secret',
  indicators: [],
  normalize({ tables, ledgers }) {
    const t = tables.get('secret.csv')!;
    const rows = t.rows.map((r) => {
      ledgers.get('secret.csv')!.emit(r);
      return { id: requiredText(t, r, 'id'), geo: requiredText(t, r, 'code'), source: 'toy-secret', source_ref: sourceRef(t.file, t.sheet, r.row) };
    });
    const columns = [column('id', 'VARCHAR', 'id'), geoColumn('geo', 'where'), column('source', 'VARCHAR', 's'), column('source_ref', 'VARCHAR', 'r')];
    return { observations: [], events: [{ name: 'toy_secret', title: 'Secret', description: 'Not for redistribution', columns, rows }], quality: [] };
  },
};

function toyRelease() {
  return miniRelease(
    [toy, secret],
    {
      'toy-open': {
        'seized.csv': csvBytes([SEIZED, ['KEN', 2019, 'total', 10, ''], ['KEN', 2020, 'total', '<5', ''], ['KEN', 2020, 'female', 3, ''], ['NGA', 2020, 'total', 7, '=HYPERLINK("x")'], ['NGA', 2021, 'total', 12, 'a, "quoted" note']]),
        'events.csv': csvBytes([EVENTS, ['E1', 'KEN', '2020-03-01', '1.5', 'yes'], ['E2', '', '2020-04-02', '', 'no']]),
      },
      'toy-secret': { 'secret.csv': csvBytes([['id', 'code'], ['S1', 'KEN']]) },
    },
    { 'toy-open': manifest('toy-open', 'allowed', [file('seized.csv', SEIZED), file('events.csv', EVENTS)]), 'toy-secret': manifest('toy-secret', 'link-only', [file('secret.csv', ['id', 'code'])]) },
  );
}

describe('downloads', async () => {
  const res = await toyRelease().run();
  const catalog = JSON.parse(readFileSync(join(res.dir, 'catalog.json'), 'utf8'));

  it('writes the wide file as a pivot worked out by hand: a censored cell is its mark, a missing one empty', () => {
    expect(readFileSync(join(res.dir, 'csv/indicators/fa_arms_seized_wide.csv'), 'utf8')).toBe(
      'geo,sex,age,dimension,category,counterpart,unit,2019,2020,2021\r\n' +
        'KEN,female,total,total,total,,firearms,,3,\r\n' +
        'KEN,total,total,total,total,,firearms,10,<5,\r\n' +
        'NGA,total,total,total,total,,firearms,,7,12\r\n',
    );
  });

  it('writes every table and indicator CSV equal to its Parquet, read back by d3-dsv and hyparquet', async () => {
    // 6 tables (observations, publisher_labels, toy_events, geo, population, quarantine); the toy's count and its derived rate.
    const rows = await expectDownloadsEqualParquet(res.dir, catalog);
    expect(rows).toBe(catalog.datasets.filter((d: { csv: unknown }) => d.csv).reduce((a: number, d: { rows: number }) => a + d.rows, 0) + catalog.coverage.observations);
    const events = readFileSync(join(res.dir, 'csv/toy_events.csv'), 'utf8');
    expect(events).toBe('id,geo,day,kg,confirmed,source,source_ref\r\nE1,KEN,2020-03-01,1.5,true,toy-open,events.csv::2\r\nE2,,2020-04-02,,false,toy-open,events.csv::3\r\n');
  });

  it("keeps the publisher's labels once each in publisher_labels, which observations name by labels_id; a derived rate has none", () => {
    // Two distinct label sets (sex female, sex total), numbered in order: null first, then code-unit order.
    expect(readFileSync(join(res.dir, 'csv/publisher_labels.csv'), 'utf8')).toBe(
      'labels_id,source,publisher_indicator,publisher_dimension,publisher_category,publisher_sex,publisher_age,publisher_unit,publisher_source\r\n' +
        '1,toy-open,Seized,,,female,,Counts,toy\r\n' +
        '2,toy-open,Seized,,,total,,Counts,toy\r\n',
    );
    const obs = csvParse(readFileSync(join(res.dir, 'csv/observations.csv'), 'utf8').replaceAll('\r\n', '\n'));
    expect(obs.map((o) => [o['indicator'], o['geo'], o['year'], o['sex'], o['labels_id']])).toEqual([
      ['fa_arms_seized', 'KEN', '2019', 'total', '2'],
      ['fa_arms_seized', 'KEN', '2020', 'female', '1'],
      ['fa_arms_seized', 'KEN', '2020', 'total', '2'],
      ['fa_arms_seized', 'NGA', '2020', 'total', '2'],
      ['fa_arms_seized', 'NGA', '2021', 'total', '2'],
      // Rates only where the count is exact and a population exists (KEN 2020 is '<5'; NGA 2021 has no population).
      ['fa_arms_seized_rate', 'KEN', '2019', 'total', ''],
      ['fa_arms_seized_rate', 'NGA', '2020', 'total', ''],
    ]);
    const dp = JSON.parse(readFileSync(join(res.dir, 'datapackage.json'), 'utf8'));
    const schemaOf = (name: string) => dp.resources.find((r: { name: string }) => r.name === name).schema;
    expect(schemaOf('publisher-labels').primaryKey).toEqual(['labels_id']);
    expect(schemaOf('observations').foreignKeys).toContainEqual({ fields: ['labels_id'], reference: { resource: 'publisher-labels', fields: ['labels_id'] } });
  });

  it("withholds a link-only source's event table: no CSV, not in the archive or descriptor, and the catalog says why", () => {
    const files = releaseFiles(res.dir);
    expect(files).not.toContain('csv/toy_secret.csv');
    const t = catalog.datasets.find((d: { name: string }) => d.name === 'toy_secret');
    expect(t.csv).toBeNull();
    expect(t.withheld.sources).toEqual(['toy-secret']);
    expect(catalog.sources.find((s: { id: string }) => s.id === 'toy-secret').redistribution.status).toBe('link-only');
    const dp = JSON.parse(readFileSync(join(res.dir, 'datapackage.json'), 'utf8'));
    expect(dp.resources.map((r: { path: string }) => r.path).filter((p: string) => p.includes('toy_secret'))).toEqual([]);
    expect(existsSync(join(res.dir, 'csv/toy_events.csv'))).toBe(true);
  });

  it('lists every file with its bytes and sha256 in the catalog, the archive too', () => {
    const listed = new Map<string, { bytes: number; sha256: string }>(catalog.files.map((f: { name: string; bytes: number; sha256: string }) => [f.name, f]));
    for (const name of releaseFiles(res.dir).filter((n) => n !== 'catalog.json')) {
      const bytes = readFileSync(join(res.dir, name));
      expect(listed.get(name), name).toEqual(expect.objectContaining({ bytes: bytes.length, sha256: sha256(bytes) }));
    }
    expect(catalog.archive.path).toBe(`crime-trends-observatory-${res.version}.zip`);
  });

  it("packs an archive whose SHA256SUMS hold for every entry, unpacked by the unzip binary", () => {
    const { dir, sums, names } = unpackArchive(join(res.dir, catalog.archive.path));
    expect([...sums.keys(), 'SHA256SUMS'].sort()).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['README.txt', 'LICENCES.txt', 'datapackage.json', 'observations.parquet', 'csv/observations.csv', 'csv/toy_events.csv', 'csv/indicators/fa_arms_seized_wide.csv', 'quarantine.csv']));
    expect(names.filter((n) => n.includes('toy_secret') || n.startsWith('views/'))).toEqual([]);
    const readme = readFileSync(join(dir, 'README.txt'), 'utf8');
    expect(readme).toContain('pivot_table');
    expect(readme).toContain('toy_secret: not included');
    expect(readFileSync(join(dir, 'LICENCES.txt'), 'utf8')).toContain('Redistribution: link-only. because toy-secret');
  });

  it('leaves a CSV over the archive limit out of the archive, says where it is, and keeps its table\'s Parquet in', async () => {
    // The real limit is 1 GiB; here it is the toy event table's CSV's size: that one stays in (only a larger one is
    // left out), the geography table's CSV (every country) goes.
    const limit = statSync(join(res.dir, 'csv/toy_events.csv')).size;
    const small = await toyRelease().run({ archiveCsvLimit: limit });
    const smallCatalog = JSON.parse(readFileSync(join(small.dir, 'catalog.json'), 'utf8'));
    const { dir, sums, names } = unpackArchive(join(small.dir, smallCatalog.archive.path));
    const csvs = releaseFiles(small.dir).filter((n) => n.endsWith('.csv'));
    const size = (n: string) => statSync(join(small.dir, n)).size;
    const over = csvs.filter((n) => size(n) > limit);
    expect(over).toContain('csv/geo.csv');
    expect(over).not.toContain('csv/toy_events.csv');
    expect(names.filter((n) => n.endsWith('.csv')).sort()).toEqual(csvs.filter((n) => size(n) <= limit).sort());
    expect(names).toEqual(expect.arrayContaining(['geo.parquet', 'csv/toy_events.csv']));
    expect([...sums.keys(), 'SHA256SUMS'].sort()).toEqual([...names].sort());
    const readme = readFileSync(join(dir, 'README.txt'), 'utf8');
    expect(readme).toContain(`ON THEIR OWN (a CSV over ${limit.toLocaleString('en')} bytes is not in this archive)`);
    for (const n of over) expect(readme).toContain(`  ${n} (${size(n).toLocaleString('en')} bytes): download it from the release folder`);
    // The files themselves are all still published, and the version is the data's, not the archive's.
    expect(over.every((n) => existsSync(join(small.dir, n)))).toBe(true);
    expect(small.version).toBe(res.version);
  });

  it('describes itself: the descriptor validates and every CSV resource reads clean with datapackage and tableschema', async () => {
    const report = await validatePackage(res.dir);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.tabularPackageValid).toBe(true);
    // geo, observations, publisher_labels, population, quarantine, toy_events; two per indicator (the count and its derived rate).
    expect(report.resources).toBe(6 + 2 * 2);
  });
});

/** The same checks on the release the site is built from (`npm run data`), when there is one. */
const RELEASE_ROOT = process.env['RELEASE_DIR'] ?? 'public/data';
const pointer = join(RELEASE_ROOT, 'current.json');

describe.skipIf(!existsSync(pointer))('downloads of the built release', () => {
  const dir = existsSync(pointer) ? join(RELEASE_ROOT, JSON.parse(readFileSync(pointer, 'utf8')).version) : '';

  it('has CSVs equal to their Parquet, an archive whose sums hold, and a descriptor that validates', { timeout: 300_000 }, async () => {
    const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8'));
    const rows = await expectDownloadsEqualParquet(dir, catalog);
    const { sums } = unpackArchive(join(dir, catalog.archive.path));
    const report = await validatePackage(dir);
    console.info(`release ${catalog.version}: ${rows} CSV rows equal their Parquet; archive ${catalog.archive.path} ${statSync(join(dir, catalog.archive.path)).size} bytes, ${sums.size} entries whose sums hold; validator: valid ${report.valid}, ${report.resources} tabular resources read with relations (${report.rows} rows), tabular resources alone as tabular-data-package valid ${report.tabularPackageValid}, errors ${JSON.stringify(report.errors)}`);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.tabularPackageValid).toBe(true);
  });
});
