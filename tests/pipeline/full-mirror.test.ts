/**
 * The whole pipeline on the real mirror, when it is present (it is in CI: ../shared beside the clone).
 * Expected row counts are the ones the mirror's PROVENANCE.md files state, not numbers read back from our output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { runPipeline, type PipelineResult } from '../../scripts/pipeline/run-pipeline.ts';
import { loadManifests } from '../../scripts/pipeline/manifest.ts';
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
