/**
 * `npm run precompress [-- <dir>]`: brotli (best quality) and gzip (-9) twins beside every compressible file of the
 * built site (default `DIST_DIR` or dist/), cached by content hash in .tmp/precompress/ so that a rebuild only
 * compresses what changed. `npm run build` runs it after `astro build`. Prints what it wrote and how long it took.
 */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { distDir, precompressCacheDir } from './options.ts';
import { precompressSite, type PrecompressReport } from '../hosting/precompress-site.ts';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printReport(root: string, report: PrecompressReport): void {
  const total = (pick: (f: PrecompressReport['files'][number]) => number | undefined) =>
    report.files.reduce((n, f) => n + (pick(f) ?? f.raw), 0);
  console.log(
    `precompress ${root}: ${report.files.length} files (${report.small} more under the size floor), ` +
      `${report.compressed} twins compressed, ${report.cached} from the cache, ${(report.ms / 1000).toFixed(1)} s`,
  );
  console.log(`  all: ${kb(total(() => undefined))} → brotli ${kb(total((f) => f.twins.br))}, gzip ${kb(total((f) => f.twins.gzip))}`);
  const biggest = [...report.files].sort((a, b) => b.raw - a.raw).slice(0, 5);
  for (const f of biggest) {
    console.log(`  ${f.path}: ${kb(f.raw)} → brotli ${f.twins.br === undefined ? '—' : kb(f.twins.br)}, gzip ${f.twins.gzip === undefined ? '—' : kb(f.twins.gzip)}`);
  }
}

const root = resolve(process.argv[2] ?? distDir());
if (!existsSync(root)) {
  console.error(`precompress: ${root} does not exist — build the site first (npx astro build)`);
  process.exit(1);
}
printReport(root, await precompressSite(root, precompressCacheDir()));
