import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { csvFormat } from 'd3';
import { loadManifests, type SourceManifest } from './manifest.ts';
import { resolveSource, sha256, type ResolveOptions, type ResolvedFile } from './resolve-files.ts';
import { runSource } from './run-source.ts';
import { loadReference } from './reference/load-reference.ts';
import { loadAliases } from './reference/geo-index.ts';
import { SOURCE_MODULES } from './sources.ts';
import type { SourceModule, QualityNote } from './source-module.ts';
import type { EventTable, IndicatorDef, Observation } from './model.ts';
import type { FileAccount, QuarantineEntry } from './ledger.ts';
import { indexIndicators, validateObservations } from './validate.ts';
import { deriveRates } from './derive-rates.ts';
import { eventReleaseTable, geoTable, observationTable, populationTable, QUARANTINE_COLUMNS, type ReleaseTable } from './release/tables.ts';
import { writeParquet } from './release/write-parquet.ts';
import { buildCatalog, buildDatapackage, type WrittenFile } from './release/catalog.ts';
import { discard, promote, stagingDir, versionOf } from './release/publish.ts';

export interface PipelineOptions extends ResolveOptions {
  /** The project root: manifests in data/sources, reference tables in data/reference. */
  projectDir: string;
  /** Releases go to `<outDir>/<version>/`. */
  outDir: string;
  /** Source modules to run (tests pass a subset); defaults to all. */
  modules?: readonly SourceModule[];
  /** Manifests directory; defaults to `<projectDir>/data/sources`. */
  manifestDir?: string;
  log?: (line: string) => void;
}

export interface PipelineResult {
  version: string;
  dir: string;
  accounts: FileAccount[];
  quarantine: QuarantineEntry[];
  observations: number;
  indicators: IndicatorDef[];
  timings: Record<string, number>;
}

/** Hash of everything a release depends on: manifests (with raw sha256s), reference tables and pipeline code. */
export function inputFingerprint(projectDir: string): string {
  const h = createHash('sha256');
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(`${relative(projectDir, p)}\0`).update(readFileSync(p));
    }
  };
  for (const d of ['data/sources', 'data/reference', 'scripts/pipeline']) walk(join(projectDir, d));
  // The engine's version changes the Parquet bytes, so the resolved dependency tree is an input too.
  const lock = join(projectDir, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex').slice(0, 16);
}

function checkCoreSources(manifests: SourceManifest[], modules: readonly SourceModule[]): void {
  for (const m of manifests) {
    if (m.domain !== 'reference' && !modules.some((x) => x.id === m.id)) throw new Error(`source ${m.id} has a manifest but no normalizer module`);
  }
}

function quarantineTable(rows: QuarantineEntry[]): ReleaseTable {
  const sorted = [...rows].sort((a, b) => (a.source + a.file < b.source + b.file ? -1 : a.source + a.file > b.source + b.file ? 1 : a.row - b.row));
  return { name: 'quarantine', title: 'Quarantine', description: 'Every raw row not in the release, with the reason.', columns: QUARANTINE_COLUMNS, rows: sorted as unknown as ReleaseTable['rows'] };
}

function writeText(dir: string, name: string, text: string, files: WrittenFile[]): void {
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(join(dir, name), bytes);
  files.push({ name, bytes: bytes.length, sha256: sha256(bytes) });
}

/** Raw files → normalized, validated, versioned release. Nothing is visible until the whole release is written. */
export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const log = opts.log ?? (() => {});
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const modules = opts.modules ?? SOURCE_MODULES;
  const manifests = loadManifests(opts.manifestDir ?? join(opts.projectDir, 'data', 'sources'));
  checkCoreSources(manifests, modules);

  // Every checksum is verified before any normalizing starts, so a bad file fails fast and names itself.
  const resolved = new Map<string, Map<string, ResolvedFile>>();
  for (const m of manifests) resolved.set(m.id, await resolveSource(opts, m));
  lap('resolve');

  const ref = await loadReference(opts, manifests, opts.projectDir);
  lap('reference');

  const accounts: FileAccount[] = [...ref.accounts];
  const quarantine: QuarantineEntry[] = [...ref.quarantine];
  const observations: Observation[] = [];
  const events: EventTable[] = [];
  const quality: QualityNote[] = [];
  const defs: IndicatorDef[] = [];
  const aliasDir = join(opts.projectDir, 'data', 'reference', 'aliases');
  for (const module of modules) {
    const manifest = manifests.find((m) => m.id === module.id);
    if (!manifest) throw new Error(`normalizer ${module.id} has no manifest in data/sources`);
    const run = await runSource(module, manifest, resolved.get(module.id)!, ref.geo, loadAliases(aliasDir, module.id));
    accounts.push(...run.accounts);
    quarantine.push(...run.quarantine);
    observations.push(...run.output.observations);
    events.push(...run.output.events);
    quality.push(...run.output.quality);
    defs.push(...module.indicators);
    for (const a of run.accounts) log(`${a.source}/${a.file}: read ${a.read}, emitted ${a.emitted}, quarantined ${a.quarantined}`);
    timings[`normalize:${module.id}`] = Math.round(performance.now() - t);
    t = performance.now();
  }

  const indicators = indexIndicators(defs);
  const rates = deriveRates(observations, indicators, ref.population);
  for (const d of rates.indicators) indicators.set(d.id, d);
  observations.push(...rates.observations);
  validateObservations(observations, indicators, ref.geo);
  for (const a of accounts) {
    if (a.read !== a.emitted + a.quarantined) throw new Error(`accounting does not add up for ${a.source}/${a.file}`);
  }
  lap('validate');

  const tables: ReleaseTable[] = [
    observationTable(observations),
    ...events.map(eventReleaseTable).sort((a, b) => (a.name < b.name ? -1 : 1)),
    geoTable(ref.geoRows),
    populationTable(ref.population),
    quarantineTable(quarantine),
  ];
  const staging = stagingDir(opts.outDir);
  try {
    await writeParquet(tables, staging);
    const files: WrittenFile[] = tables.map((tb) => {
      const bytes = readFileSync(join(staging, `${tb.name}.parquet`));
      return { name: `${tb.name}.parquet`, bytes: bytes.length, sha256: sha256(bytes) };
    });
    writeText(staging, 'quarantine.csv', csvFormat(quarantineTable(quarantine).rows as Record<string, string>[], QUARANTINE_COLUMNS.map((c) => c.name)), files);
    writeText(staging, 'quality.json', JSON.stringify(quality, null, 1) + '\n', files);
    const version = versionOf(files);
    const catalogInput = {
      version,
      tables,
      files,
      indicators: [...indicators.values()],
      observations,
      manifests,
      accounts,
      qualityNotes: quality.length,
      countryCodes: new Set(ref.geoRows.filter((g) => g.kind === 'country').map((g) => g.geo)),
    };
    writeFileSync(join(staging, 'catalog.json'), JSON.stringify(buildCatalog(catalogInput), null, 1) + '\n');
    writeFileSync(join(staging, 'datapackage.json'), JSON.stringify(buildDatapackage(catalogInput), null, 1) + '\n');
    lap('write');
    promote(opts.outDir, staging, { version, inputs: inputFingerprint(opts.projectDir) });
    return { version, dir: join(opts.outDir, version), accounts, quarantine, observations: observations.length, indicators: [...indicators.values()], timings };
  } catch (e) {
    discard(staging);
    throw e;
  }
}
