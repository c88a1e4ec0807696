/**
 * Appends a just-published release to the committed archive (release-index.ts): its catalog and observations copied
 * in, its sources' sha256, and how many values it adds, revises and removes against the release archived before it.
 * A version already archived is left as it is (the same inputs give the same version).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { diffObservations } from './diff-releases.ts';
import { readDiffColumns } from './read-observations.ts';
import { ARCHIVED_FILES, newestRelease, readIndex, writeIndex, type ArchivedRelease, type ArchivedSource } from './release-index.ts';

interface CatalogPart {
  version: string;
  coverage: { observations: number };
  sources: { id: string; files: { name: string; sha256: string }[] }[];
}

/** Today as the index dates releases (UTC). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Copies the archived files of `releaseDir` into `<archiveDir>/<version>/` (through a staging folder). */
function copyRelease(releaseDir: string, archiveDir: string, version: string): void {
  const target = join(archiveDir, version);
  if (existsSync(join(target, 'catalog.json'))) return;
  const staging = join(archiveDir, `.staging-${version}-${process.pid}`);
  mkdirSync(staging, { recursive: true });
  for (const f of ARCHIVED_FILES) {
    const from = join(releaseDir, f);
    if (!existsSync(from)) throw new Error(`archive: ${from} is missing; the release cannot be archived`);
    copyFileSync(from, join(staging, f));
  }
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}

/**
 * Archives the release in `releaseDir` (a published `public/data/<version>/`) dated `published`. Returns the new
 * index entry, or null when the version was archived already.
 */
export async function archiveRelease(archiveDir: string, releaseDir: string, published: string = today()): Promise<ArchivedRelease | null> {
  const catalog = JSON.parse(readFileSync(join(releaseDir, 'catalog.json'), 'utf8')) as CatalogPart;
  const index = readIndex(archiveDir);
  if (index.releases.some((r) => r.version === catalog.version)) return null;
  const previous = newestRelease(index);
  let changes: ArchivedRelease['changes'] = null;
  if (previous) {
    const before = await readDiffColumns(join(archiveDir, previous.version, 'observations.parquet'));
    const after = await readDiffColumns(join(releaseDir, 'observations.parquet'));
    changes = diffObservations(before, after).counts;
  }
  copyRelease(releaseDir, archiveDir, catalog.version);
  const sources: ArchivedSource[] = catalog.sources.map((s) => ({ id: s.id, files: s.files.map((f) => ({ name: f.name, sha256: f.sha256 })) }));
  const entry: ArchivedRelease = {
    version: catalog.version,
    published,
    previous: previous?.version ?? null,
    observations: catalog.coverage.observations,
    changes,
    sources,
  };
  writeIndex(archiveDir, { releases: [...index.releases, entry] });
  return entry;
}
