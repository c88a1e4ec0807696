import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadManifests, type SourceManifest } from './manifest.ts';
import { sha256 } from './resolve-files.ts';
import { buildRelease, type BuildOptions, type ReleaseContent } from './build-release.ts';
import type { IndicatorDef } from './model.ts';
import type { FileAccount, QuarantineEntry } from './ledger.ts';
import { asWritten, isWritten, type ReleaseTable } from './release/tables.ts';
import { writeParquet } from './release/write-parquet.ts';
import { writeViews } from './release/write-views.ts';
import { hashFile, moveFile } from './release/files.ts';
import { writeDownloads } from './release/write-downloads.ts';
import { stopwatch } from './stopwatch.ts';
import { buildCatalog, summariseObservations, type CatalogInput, type WrittenFile } from './release/catalog.ts';
import { buildDatapackage } from './release/datapackage.ts';
import { packArchive } from './release/pack-archive.ts';
import { discard, promote, stagingDir, versionOf } from './release/publish.ts';

export interface PipelineOptions extends Omit<BuildOptions, 'manifests'> {
  /** Releases go to `<outDir>/<version>/`. */
  outDir: string;
  /** Manifests directory; defaults to `<projectDir>/data/sources`. */
  manifestDir?: string;
  /** The manifests themselves, instead of a directory (the scale bench builds its own). */
  manifests?: SourceManifest[];
  /** Bytes; a CSV larger than this is offered on its own, not in the archive (default ARCHIVE_CSV_LIMIT). */
  archiveCsvLimit?: number;
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

function writeText(dir: string, name: string, text: string, files: WrittenFile[]): void {
  const bytes = Buffer.from(text, 'utf8');
  writeFileSync(join(dir, name), bytes);
  files.push({ name, bytes: bytes.length, sha256: sha256(bytes) });
}

/** Writes the release into a staging folder and returns its version; nothing is visible to readers yet. */
async function writeRelease(content: ReleaseContent, staging: string, archiveCsvLimit?: number): Promise<string> {
  const { quality } = content;
  // Each step timed apart, so the scale bench shows which one a large table makes slow.
  const { timings, lap } = stopwatch();
  // The catalog needs only a summary of the observations; the rows (550,000 objects in the 23 M-row bench) are the
  // observations table's, written next, and are dropped with it below.
  const observations = summariseObservations(content.observations, content.countryCodes);
  content.observations = [];
  await writeParquet(content.tables.filter((t): t is ReleaseTable => !isWritten(t)), staging);
  for (const t of content.tables) if (isWritten(t)) moveFile(t.path, join(staging, `${t.name}.parquet`));
  // Every table is a file of the release from here on. The rows a table was written from are dropped, content's
  // reference too: the 23 M-row bench's 550,000 observation rows, copied for the table, stayed alive to the end.
  const tables = (content.tables = content.tables.map((t) => (isWritten(t) ? t : asWritten(t, join(staging, `${t.name}.parquet`)))));
  const files: WrittenFile[] = [];
  for (const tb of tables) files.push({ name: `${tb.name}.parquet`, ...(await hashFile(join(staging, `${tb.name}.parquet`))) });
  const views = await writeViews(join(staging, 'observations.parquet'), staging);
  files.push(...views.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })));
  lap('write: tables and views');
  const downloads = await writeDownloads(staging, tables, content.manifests);
  files.push(...downloads.files);
  lap('write: CSV downloads');
  writeText(staging, 'quality.json', JSON.stringify(quality, null, 1) + '\n', files);
  const catalogInput: CatalogInput = {
    version: '',
    tables,
    files,
    views,
    indicators: content.indicators,
    observations,
    manifests: content.manifests,
    accounts: content.accounts,
    qualityNotes: quality.length,
    countryCodes: content.countryCodes,
    labelColumns: content.labelColumns,
    downloads,
    archive: null,
  };
  // The version names the data and what the catalog says of it. Hosts and browsers keep /data/<version>/ as immutable
  // and publishing skips a version already there, so a changed definition, caveat or flag under the same version would
  // never reach them (it happened: EIA's outward roles).
  const described = sha256(Buffer.from(JSON.stringify(buildCatalog(catalogInput)), 'utf8'));
  const version = versionOf([...files, { name: 'catalog.json', sha256: described }]);
  catalogInput.version = version;
  // datapackage.json and the archive describe the release's files, so they come after its version, not into it.
  writeText(staging, 'datapackage.json', JSON.stringify(buildDatapackage(catalogInput), null, 1) + '\n', files);
  lap('write: datapackage');
  catalogInput.archive = await packArchive(staging, catalogInput, archiveCsvLimit);
  lap('write: archive');
  writeFileSync(join(staging, 'catalog.json'), JSON.stringify(buildCatalog(catalogInput), null, 1) + '\n');
  Object.assign(content.timings, timings);
  return version;
}

/** Raw files → normalized, validated, versioned release. Nothing is visible until the whole release is written. */
export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
  const manifests = opts.manifests ?? loadManifests(opts.manifestDir ?? join(opts.projectDir, 'data', 'sources'));
  // Streamed sources write their large tables while they run; a work folder inside the staging folder keeps those
  // files on the release's file system (publishing moves them) and goes away with the staging folder on failure.
  const staging = stagingDir(opts.outDir);
  const workDir = join(staging, '.work');
  try {
    const content = await buildRelease({ ...opts, manifests, workDir });
    const started = performance.now();
    const observations = content.observations.length;
    const version = await writeRelease(content, staging, opts.archiveCsvLimit);
    rmSync(workDir, { recursive: true, force: true });
    content.timings['write'] = Math.round(performance.now() - started);
    promote(opts.outDir, staging, { version, inputs: inputFingerprint(opts.projectDir) });
    const { accounts, quarantine, indicators, timings } = content;
    return { version, dir: join(opts.outDir, version), accounts, quarantine, observations, indicators, timings };
  } catch (e) {
    discard(staging);
    throw e;
  }
}
