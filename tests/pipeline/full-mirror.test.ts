/**
 * The whole pipeline on the real mirror, when it is present (it is in CI: ../shared beside the clone).
 * Expected row counts are the ones the mirror's PROVENANCE.md files state, not numbers read back from our output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { releaseFiles } from '../support/release-files.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline/run-pipeline.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
import ExcelJS from 'exceljs';
import { ROOT, tempDir } from '../support/fixtures.ts';

const MIRROR = process.env['SOURCES_DIR'] ?? join(ROOT, '..', 'shared', 'sources');

const PROVENANCE_ROWS: Record<string, number> = {
  'unodc-glotip/data_glotip.xlsx': 46_556,
  'unodc-iafq/data_iafq_firearms_trafficking.xlsx': 15_468,
  'unodc-cts-cyber-offences/data_cts_corruption_and_economic_crime.xlsx': 22_754,
  'iom-missing-migrants/Missing_Migrants_Global_Figures_allData.xlsx': 17_474,
  'eia-pangolin-seizures/Pangolin seizures_EIA_030919.xlsx': 1_104,
  'cites-trade-manidae/manidae_shipments.csv': 3_631,
  'owid-afrsg-rhino-poaching/Rhino poaching rates (AfRSG, 2019).csv': 234,
  'usp-mqdb/MQD_ALL_CSV.csv': 17_070,
  'iddo-mq-literature-surveyor/publications.csv': 1_553,
  'unsd-m49/UNSD-Methodology.csv': 248,
  'iso3166-m49-lukes/all.csv': 249,
  'population-worldbank/population.csv': 17_195,
};

describe.skipIf(!existsSync(MIRROR))('full mirror', () => {
  let res: PipelineResult;
  let out: string;
  beforeAll(async () => {
    out = tempDir('cto-full-');
    res = await runPipeline({ projectDir: ROOT, sourcesDir: MIRROR, downloadDir: join(out, 'raw'), outDir: join(out, 'data') });
  });

  it('reads every core source file, with the row counts its publisher documents', () => {
    const read = Object.fromEntries(res.accounts.map((a) => [`${a.source}/${a.file}`, a.read]));
    expect(read).toEqual(PROVENANCE_ROWS);
  });

  it('expects in each manifest the row counts the publishers document, so a far shorter file stops the run', () => {
    const expected = loadManifests(join(ROOT, 'data', 'sources')).flatMap((m) => m.files.map((f) => [`${m.id}/${f.name}`, f.rows]));
    expect(Object.fromEntries(expected)).toEqual(PROVENANCE_ROWS);
  });

  it('accounts for every row: read = emitted + quarantined, per file', () => {
    for (const a of res.accounts) expect(a.emitted + a.quarantined, `${a.source}/${a.file}`).toBe(a.read);
  });

  it('writes one quarantine record per quarantined row, each with a reason', () => {
    const rows = csvParse(readFileSync(join(res.dir, 'quarantine.csv'), 'utf8'));
    expect(rows.length).toBe(res.accounts.reduce((s, a) => s + a.quarantined, 0));
    expect(rows.every((r) => (r['reason'] ?? '').length > 0)).toBe(true);
    for (const a of res.accounts) {
      expect(rows.filter((r) => r['source'] === a.source && r['file'] === a.file).length, a.file).toBe(a.quarantined);
    }
  });

  it('records each raw file checksum and accounting in the catalog', () => {
    const catalog = JSON.parse(readFileSync(join(res.dir, 'catalog.json'), 'utf8'));
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    for (const m of manifests) {
      const s = catalog.sources.find((x: { id: string }) => x.id === m.id);
      expect(s, m.id).toBeDefined();
      for (const f of m.files) expect(s.files.find((x: { name: string }) => x.name === f.name).sha256).toBe(f.sha256);
    }
    expect(catalog.version).toBe(res.version);
  });

  it('gives byte-identical files when run again on the same inputs', async () => {
    const again = await runPipeline({ projectDir: ROOT, sourcesDir: MIRROR, downloadDir: join(out, 'raw'), outDir: join(out, 'again') });
    expect(again.version).toBe(res.version);
    const names = releaseFiles(res.dir);
    expect(releaseFiles(again.dir)).toEqual(names);
    for (const f of names) expect(readFileSync(join(again.dir, f)).equals(readFileSync(join(res.dir, f))), f).toBe(true);
  });

  it('publishes in Parquet the values read by hand from the publishers\' files', async () => {
    const obs = (await parquetReadObjects({ file: await asyncBufferFromFile(join(res.dir, 'observations.parquet')), compressors })) as Record<string, unknown>[];
    const at = (ref: string, indicator: string) => obs.filter((o) => o['source_ref'] === ref && o['indicator'] === indicator);
    // GLOTIP row 16787: India, persons prosecuted, 2006, txtVALUE "25,844".
    expect(at('data_glotip.xlsx:data_glotip_1:16787', 'tip_persons_prosecuted').map((o) => [o['geo'], o['year'], o['value'], o['censored']])).toEqual([['IND', 2006, 25844, null]]);
    // GLOTIP row 4: Aruba, repatriated from Ukraine, 2010, "<5": censored with bounds, never 0.
    expect(at('data_glotip.xlsx:data_glotip_1:4', 'tip_victims_repatriated_from').map((o) => [o['geo'], o['counterpart'], o['value'], o['censored'], o['value_min'], o['value_max']])).toEqual([['ABW', 'UKR', null, '<5', 1, 4]]);
    // UN-CTS row 14: Scotland (GBR_S) kept as its own jurisdiction, 260 offences.
    expect(obs.some((o) => o['source_ref'] === 'data_cts_corruption_and_economic_crime.xlsx:data_cts_corruption_and_economi:14' && o['geo'] === 'GBR_S' && o['value'] === 260)).toBe(true);
    // IAFQ row 4: Albania, ammunition seized 2022 = 27,806 rounds.
    expect(at('data_iafq_firearms_trafficking.xlsx:data_iafq_firearms_trafficking:4', 'fa_ammunition_seized').map((o) => o['value'])).toEqual([27806]);
    // IOM: the world total of dead and missing over all years is 69,340 (PROVENANCE).
    const world = obs.filter((o) => o['indicator'] === 'smg_dead_missing' && o['geo'] === '001' && o['category'] === 'total');
    expect(world.reduce((s, o) => s + Number(o['value']), 0)).toBe(69340);
    // Rates are derived only from exact counts, and say so.
    const rate = obs.find((o) => o['indicator'] === 'tip_victims_detected_rate');
    expect(rate?.['note']).toMatch(/^derived: /);
    expect(obs.filter((o) => String(o['indicator']).endsWith('_rate') && o['censored'] !== null && o['source'] !== 'unodc-cts-cyber-offences')).toEqual([]);
  });

  it("maps every labelled observation back to its raw row's label cells, read by ExcelJS (not the pipeline's reader)", async () => {
    const read = async (name: string) => (await parquetReadObjects({ file: await asyncBufferFromFile(join(res.dir, name)), compressors })) as Record<string, unknown>[];
    const obs = await read('observations.parquet');
    const labels = await read('publisher_labels.parquet');
    const byId = new Map(labels.map((l) => [Number(l['labels_id']), l]));
    expect(byId.size, 'labels_id is unique').toBe(labels.length);
    const manifests = loadManifests(join(ROOT, 'data', 'sources'));
    const derived = new Set(res.indicators.filter((d) => d.derived).map((d) => d.id));
    const LABELS: [string, string][] = [
      ['publisher_indicator', 'Indicator'], ['publisher_dimension', 'Dimension'], ['publisher_category', 'Category'], ['publisher_sex', 'Sex'],
      ['publisher_age', 'Age'], ['publisher_unit', 'Unit of measurement'], ['publisher_source', 'Source'],
    ];
    let compared = 0;
    for (const id of ['unodc-glotip', 'unodc-iafq', 'unodc-cts-cyber-offences']) {
      const m = manifests.find((x) => x.id === id)!;
      const f = m.files[0]!;
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(MIRROR, m.domain, m.id, f.name));
      const sheet = book.getWorksheet(f.sheet!)!;
      const header = (sheet.getRow(f.header_row).values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v)));
      const cell = (row: number, column: string): string | null => {
        const v = sheet.getRow(row).getCell(header.indexOf(column)).value;
        if (v !== null && typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
        return v === null || v === undefined || v === '' ? null : String(v);
      };
      const ofSource = obs.filter((o) => o['source'] === id);
      for (const o of ofSource) {
        const at = `${id} ${String(o['indicator'])} ${String(o['source_ref'])}`;
        if (derived.has(String(o['indicator']))) {
          expect(o['labels_id'], `${at}: a derived value has no publisher's labels`).toBeNull();
          continue;
        }
        // Every value of these sources is one cell of one row: its labels_id names exactly one publisher_labels row.
        const l = byId.get(Number(o['labels_id']));
        expect(l, `${at}: labels_id ${String(o['labels_id'])}`).toBeDefined();
        expect(l!['source']).toBe(id);
        const row = Number(String(o['source_ref']).split(':').at(-1));
        const want = Object.fromEntries(LABELS.map(([kept, published]) => [kept, cell(row, published)]));
        const got = Object.fromEntries(LABELS.map(([kept]) => [kept, l![kept] ?? null]));
        if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, at).toEqual(want);
        compared++;
      }
    }
    // Every labelled observation was compared, and only those of the three dataUNODC sources carry labels.
    expect(compared).toBe(obs.filter((o) => o['labels_id'] !== null).length);
    expect(compared).toBeGreaterThan(80_000);
  }, 120_000);

  it('leaves exactly one release folder and the pointer', () => {
    expect(readdirSync(join(out, 'data')).sort()).toEqual([res.version, 'current.json'].sort());
  });
});

describe('source manifest', () => {
  it('lists every core source named in the mirror README', () => {
    const ids = loadManifests(join(ROOT, 'data', 'sources')).filter((m) => m.core).map((m) => m.id).sort();
    expect(ids).toEqual([
      'cites-trade-manidae', 'eia-pangolin-seizures', 'iddo-mq-literature-surveyor', 'iom-missing-migrants', 'iso3166-m49-lukes',
      'owid-afrsg-rhino-poaching', 'population-worldbank', 'unodc-cts-cyber-offences', 'unodc-glotip', 'unodc-iafq', 'unsd-m49', 'usp-mqdb',
    ]);
  });
});
