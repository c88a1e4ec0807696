/**
 * Developer tool: run one source against the mirror and print its accounting, quarantine reasons and a sample.
 * Usage: node scripts/cli/normalize-one.ts <source-id> [--sample N]
 */
import { join, resolve } from 'node:path';
import { loadManifests } from '../pipeline/manifest.ts';
import { resolveSource } from '../pipeline/resolve-files.ts';
import { runSource } from '../pipeline/run-source.ts';
import { loadReference } from '../pipeline/reference/load-reference.ts';
import { loadAliases } from '../pipeline/reference/geo-index.ts';
import { SOURCE_MODULES } from '../pipeline/sources.ts';

const projectDir = resolve(import.meta.dirname, '..', '..');
const id = process.argv[2] ?? '';
const sample = Number(process.argv[process.argv.indexOf('--sample') + 1] || 5);
const module = SOURCE_MODULES.find((m) => m.id === id);
if (!module) {
  console.error(`unknown source ${id}; one of ${SOURCE_MODULES.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const opts = { sourcesDir: resolve(process.env.SOURCES_DIR ?? join(projectDir, '..', 'shared', 'sources')), downloadDir: join(projectDir, 'data', 'raw') };
const manifests = loadManifests(join(projectDir, 'data', 'sources'));
const ref = await loadReference(opts, manifests, projectDir);
const manifest = manifests.find((m) => m.id === id)!;
const t0 = performance.now();
const run = await runSource(module, manifest, await resolveSource(opts, manifest), ref.geo, loadAliases(join(projectDir, 'data', 'reference', 'aliases'), id));
console.log(`ms ${Math.round(performance.now() - t0)}`);
console.table(run.accounts);
const reasons = new Map<string, number>();
for (const q of run.quarantine) reasons.set(q.reason, (reasons.get(q.reason) ?? 0) + 1);
console.log('quarantine reasons:', [...reasons].sort((a, b) => b[1] - a[1]));
const byIndicator = new Map<string, number>();
for (const o of run.output.observations) byIndicator.set(o.indicator, (byIndicator.get(o.indicator) ?? 0) + 1);
console.log('observations by indicator:', Object.fromEntries(byIndicator));
for (const e of run.output.events) console.log(`event table ${e.name}: ${e.rows.length} rows`);
console.log('sample:', run.output.observations.slice(0, sample));
console.log('quality notes:', run.output.quality.length, run.output.quality.slice(0, 3));
