/**
 * Puts every archived release back under the release folder (`public/data/<version>/`), so a build on a clean clone
 * carries the whole archive into dist/: its catalog and observations from the archive, and its view files written
 * again by the release's own writer (release/write-views.ts). Those must be the bytes the release published: each is
 * checked against the sha256 its catalog lists, and a mismatch stops the build rather than serve other numbers under
 * an old version. Then writes the index the browser reads (runtime-index.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeViews } from '../pipeline/release/write-views.ts';
import { ARCHIVED_FILES, readIndex } from './release-index.ts';
import { writeRuntimeIndex } from './runtime-index.ts';

interface CatalogFiles {
  files: { name: string; sha256: string }[];
}

async function materialiseOne(archiveDir: string, outDir: string, version: string): Promise<void> {
  const from = join(archiveDir, version);
  const staging = join(outDir, `.staging-archive-${version}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    for (const f of ARCHIVED_FILES) copyFileSync(join(from, f), join(staging, f));
    const catalog = JSON.parse(readFileSync(join(staging, 'catalog.json'), 'utf8')) as CatalogFiles;
    const published = new Map(catalog.files.map((f) => [f.name, f.sha256]));
    for (const v of await writeViews(join(staging, 'observations.parquet'), staging)) {
      const want = published.get(v.name);
      if (want !== v.sha256) {
        throw new Error(`archive ${version}: ${v.name} regenerated as sha256 ${v.sha256}, but the release published ${want ?? 'no such file'}; the view writer no longer reproduces this release`);
      }
    }
    renameSync(staging, join(outDir, version));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Every archived version present in `outDir`; returns the versions it had to write. */
export async function materialiseArchive(archiveDir: string, outDir: string): Promise<string[]> {
  const index = readIndex(archiveDir);
  const written: string[] = [];
  for (const r of index.releases) {
    if (existsSync(join(outDir, r.version, 'catalog.json'))) continue;
    await materialiseOne(archiveDir, outDir, r.version);
    written.push(r.version);
  }
  writeRuntimeIndex(outDir, index);
  return written;
}
