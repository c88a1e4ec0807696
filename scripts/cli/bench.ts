/**
 * `npm run bench`: pipeline wall time and peak memory on the full mirror, each run in a fresh process writing to a
 * scratch folder (the site's release is not touched); then the built site's pages in Chromium against the conventional
 * design (scripts/cli/bench-pages.ts; needs `npm run build` first). Timings are printed, never asserted.
 * Between them, the bytes each kind of view reads, on the release and on a 20 M-row synthetic table
 * (scripts/cli/bench-reads.ts); after them, the first change of each map's year control (bench-maps.ts).
 * `BENCH_ONLY=pipeline`, `reads`, `pages`, `maps`, `scale` or `workbench` (or a comma-separated
 * list) runs those parts; `scale` (bench-scale.ts: a synthetic CITES Trade Database of 23 million records) and
 * `workbench` (bench-workbench.ts: the SQL workbench's engine cold start and example queries) run only when named.
 * `BENCH_RUNS` (pipeline), `BENCH_PAGE_RUNS` and `BENCH_WARM` (pages) set the number of runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_DIR } from './options.ts';
import { benchMaps } from './bench-maps.ts';
import { benchPages } from './bench-pages.ts';
import { benchReads } from './bench-reads.ts';
import { benchScale } from './bench-scale.ts';
import { benchWorkbench } from './bench-workbench.ts';

const only = process.env['BENCH_ONLY'];

function benchPipeline(): void {
  const runs = Number(process.env['BENCH_RUNS'] ?? 3);
  const results: { wall_ms: number; max_rss_mb: number; timings: Record<string, number>; version: string }[] = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'cto-bench-'));
    try {
      const json = execFileSync(process.execPath, [join(PROJECT_DIR, 'scripts', 'cli', 'bench-pipeline.ts')], {
        env: { ...process.env, RELEASE_DIR: out },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      results.push(JSON.parse(json));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`pipeline, full mirror, ${runs} runs in fresh processes (${process.version}, ${process.platform}/${process.arch})`);
  console.log(`  wall time: median ${(median(results.map((r) => r.wall_ms)) / 1000).toFixed(2)} s, runs ${results.map((r) => (r.wall_ms / 1000).toFixed(2)).join(' / ')} s`);
  console.log(`  peak memory (max RSS): ${Math.max(...results.map((r) => r.max_rss_mb))} MB`);
  console.log(`  release version: ${[...new Set(results.map((r) => r.version))].join(', ')} (identical across runs: ${new Set(results.map((r) => r.version)).size === 1})`);
  console.log('  stages of the last run (ms):');
  for (const [k, v] of Object.entries(results.at(-1)!.timings)) console.log(`    ${k.padEnd(44)} ${String(v).padStart(7)}`);
}


const parts = only === undefined ? ['pipeline', 'reads', 'pages', 'maps'] : only.split(',');
if (parts.includes('pipeline')) benchPipeline();
if (parts.includes('reads')) await benchReads();
if (parts.includes('pages') && !(await benchPages())) process.exitCode = 1;
if (parts.includes('maps') && !(await benchMaps())) process.exitCode = 1;
if (parts.includes('scale') && !(await benchScale())) process.exitCode = 1;
if (parts.includes('workbench') && !(await benchWorkbench())) process.exitCode = 1;
