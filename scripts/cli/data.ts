/**
 * `npm run data`: every source in the manifest → checksum → normalize → validate → release in public/data/<version>/.
 * `--if-changed` skips the run when the inputs are those of the current release (used by `npm run build`).
 * `--accept <id>` takes a source's new mirror file in on purpose: shows what it changes, then records its sha256 and rows.
 * Either way, the current release is then appended to the committed archive (data/releases/, if it is new there) and
 * every archived release is put back under public/data/ with the index the browser reads.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline, inputFingerprint } from '../pipeline/run-pipeline.ts';
import { readPointer } from '../pipeline/release/publish.ts';
import { PipelineError } from '../pipeline/errors.ts';
import { PROJECT_DIR, archiveDir, downloadDir, releaseDir, sourcesDir } from './options.ts';
import { acceptCommand } from './accept.ts';
import { archiveRelease } from '../archive/archive-release.ts';
import { materialiseArchive } from '../archive/materialise.ts';

const acceptAt = process.argv.indexOf('--accept');
if (acceptAt >= 0) process.exit(await acceptCommand(process.argv[acceptAt + 1]));

const outDir = releaseDir();

/** The current release joins the archive (once), and every archived release is served again. */
async function carryArchive(version: string): Promise<void> {
  const added = await archiveRelease(archiveDir(), join(outDir, version));
  if (added) {
    const c = added.changes;
    const against = c ? `against ${added.previous}: ${c.added} values added, ${c.revised} revised, ${c.removed} removed` : 'the first archived release';
    console.log(`release ${version} archived in ${archiveDir()} (${against}); commit it`);
  }
  const written = await materialiseArchive(archiveDir(), outDir);
  if (written.length > 0) console.log(`archived releases restored: ${written.join(', ')}`);
}

if (process.argv.includes('--if-changed')) {
  const pointer = readPointer(outDir);
  if (pointer && pointer.inputs === inputFingerprint(PROJECT_DIR) && existsSync(join(outDir, pointer.version, 'catalog.json'))) {
    console.log(`data release ${pointer.version} is up to date`);
    await carryArchive(pointer.version);
    process.exit(0);
  }
}

const started = performance.now();
try {
  const result = await runPipeline({
    projectDir: PROJECT_DIR,
    sourcesDir: sourcesDir(),
    downloadDir: downloadDir(),
    outDir,
  });
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`${'source/file'.padEnd(78)} ${pad('read', 7)} ${pad('emitted', 8)} ${pad('quarantined', 12)}`);
  for (const a of result.accounts) {
    console.log(`${`${a.source}/${a.file}`.padEnd(78)} ${pad(a.read, 7)} ${pad(a.emitted, 8)} ${pad(a.quarantined, 12)}`);
  }
  const total = result.accounts.reduce((s, a) => ({ read: s.read + a.read, emitted: s.emitted + a.emitted, q: s.q + a.quarantined }), { read: 0, emitted: 0, q: 0 });
  console.log(`${'total'.padEnd(78)} ${pad(total.read, 7)} ${pad(total.emitted, 8)} ${pad(total.q, 12)}`);
  console.log(`${result.observations} observations, ${result.indicators.length} indicators`);
  console.log(`release ${result.version} written to ${result.dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await carryArchive(result.version);
} catch (e) {
  if (e instanceof PipelineError) {
    console.error(`data release failed; the previous release is untouched.\n${e.message}`);
    process.exit(1);
  }
  throw e;
}
