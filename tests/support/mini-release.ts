import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';
import type { AnySourceModule } from '../../scripts/pipeline/source-module.ts';
import { runPipeline, type PipelineOptions, type PipelineResult } from '../../scripts/pipeline/run-pipeline.ts';
import { csvBytes, realManifest, tempDir, ROOT } from './fixtures.ts';
import { sha256 } from '../../scripts/pipeline/resolve-files.ts';
import { M49_HEADER, M49_ROWS } from './m49-subset.ts';

/** The three reference files in their publishers' layouts, small. */
export function referenceFixtures(): Record<string, Record<string, Buffer>> {
  const lukesHeader = realManifest('iso3166-m49-lukes').files[0]!.columns;
  return {
    'unsd-m49': { 'UNSD-Methodology.csv': csvBytes([M49_HEADER, ...M49_ROWS], ';') },
    'iso3166-m49-lukes': { 'all.csv': csvBytes([lukesHeader, ['Taiwan, Province of China', 'TW', 'TWN', '158', 'ISO 3166-2:TW', '', '', '', '', '', '']]) },
    'population-worldbank': {
      'population.csv': csvBytes([
        ['Country Name', 'Country Code', 'Year', 'Value'],
        ['Kenya', 'KEN', 2019, 51985780],
        ['Kenya', 'KEN', 2020, 53005614],
        ['Nigeria', 'NGA', 2020, 208327405],
        ['World', 'WLD', 2020, 7856138227],
        ['Kosovo', 'XKX', 2020, 1790133],
      ]),
    },
  };
}

export interface MiniRelease {
  mirror: string;
  manifests: string;
  out: string;
  /** `extra`: pipeline options beyond the mirror's (e.g. a lower archive CSV limit). */
  run: (extra?: Partial<PipelineOptions>) => Promise<PipelineResult>;
}

/**
 * A complete mirror + manifest folder for the given modules and fixture files (reference tables included), and a
 * function that runs the production pipeline on it. A project manifest's row counts are the publisher's and are
 * dropped; an override manifest keeps what it says.
 */
export function miniRelease(modules: AnySourceModule[], files: Record<string, Record<string, Buffer>>, manifestOverrides: Record<string, SourceManifest> = {}): MiniRelease {
  const root = tempDir('cto-release-');
  const mirror = join(root, 'mirror');
  const manifests = join(root, 'manifests');
  const out = join(root, 'out');
  mkdirSync(manifests, { recursive: true });
  const all = { ...referenceFixtures(), ...files };
  for (const [id, fileMap] of Object.entries(all)) {
    const override = manifestOverrides[id];
    const m: SourceManifest = structuredClone(override ?? realManifest(id));
    m.files = m.files.filter((f) => fileMap[f.name]);
    for (const f of m.files) {
      const bytes = fileMap[f.name]!;
      if (!override) delete f.rows;
      mkdirSync(join(mirror, m.domain, m.id), { recursive: true });
      writeFileSync(join(mirror, m.domain, m.id, f.name), bytes);
      f.sha256 = sha256(bytes);
    }
    writeFileSync(join(manifests, `${id}.json`), JSON.stringify(m, null, 2));
  }
  return {
    mirror,
    manifests,
    out,
    run: (extra = {}) => runPipeline({ projectDir: ROOT, sourcesDir: mirror, downloadDir: join(root, 'dl'), outDir: out, manifestDir: manifests, modules, ...extra }),
  };
}
