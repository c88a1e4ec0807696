/**
 * One measured raw → release run on a synthetic CITES Trade Database (bench-scale.ts starts it in a fresh process);
 * prints a JSON line. Peak memory is read from the kernel (VmHWM: the process's peak resident set, DuckDB's native
 * memory included).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { loadManifests, type SourceManifest } from '../pipeline/manifest.ts';
import tradeDb from '../pipeline/normalizers/cites-trade-db/index.ts';
import { COUNT_ID } from '../pipeline/normalizers/cites-trade-db/observations.ts';
import { PROJECT_DIR, releaseDir } from './options.ts';

const mirror = process.env['SCALE_MIRROR']!;
const synthetic = JSON.parse(readFileSync(process.env['SCALE_MANIFEST']!, 'utf8')) as SourceManifest;
const manifests = [...loadManifests(join(PROJECT_DIR, 'data', 'sources')).filter((m) => m.domain === 'reference'), synthetic];

// The process's resident set every 250 ms, to say which stage holds the peak (VmHWM gives only the peak itself).
// With it, the JavaScript heap and the buffers Node holds outside it, to tell JS memory from DuckDB's native memory.
const rssSamples: [number, number, number][] = [];
const vmRss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
const jsKb = () => {
  const m = process.memoryUsage();
  return (m.heapTotal + m.external) / 1024;
};
const sampler = setInterval(() => rssSamples.push([performance.now(), vmRss(), jsKb()]), 250);

const t0 = performance.now();
const res = await runPipeline({ projectDir: PROJECT_DIR, sourcesDir: mirror, downloadDir: join(mirror, '.downloads'), outDir: releaseDir(), manifests, modules: [tradeDb] });
const wall = performance.now() - t0;
clearInterval(sampler);

const catalog = JSON.parse(readFileSync(join(res.dir, 'catalog.json'), 'utf8')) as { datasets: { name: string; rows: number; bytes: number }[]; coverage: { observations: number } };
const status = readFileSync('/proc/self/status', 'utf8');
const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
process.stdout.write(
  JSON.stringify({
    wall_ms: Math.round(wall),
    vmhwm_kb: kb('VmHWM'),
    timings: res.timings,
    rss_by_stage_mb: peakByStage(res.timings, 1),
    js_by_stage_mb: peakByStage(res.timings, 2),
    version: res.version,
    accounts: res.accounts.filter((a) => a.source === tradeDb.id),
    quarantine: res.quarantine.filter((q) => q.source === tradeDb.id),
    observations: catalog.coverage.observations,
    datasets: catalog.datasets.map(({ name, rows, bytes }) => ({ name, rows, bytes })),
    seized: await seizedSums(join(res.dir, 'observations.parquet')),
  }) + '\n',
);

/**
 * The largest sample of one field (1: resident set, 2: JS heap and buffers) in each top-level stage. Stages run one
 * after another, so each one's window starts at the sum of those before it (normalize's sub-stages overlap and are
 * left out; a window's edges are ±250 ms).
 */
function peakByStage(timings: Record<string, number>, field: 1 | 2): Record<string, number> {
  const top = Object.entries(timings).filter(([k]) => k !== 'write' && !/^normalize:[^:]+:/.test(k));
  const out: Record<string, number> = {};
  let from = t0;
  for (const [stage, ms] of top) {
    const inside = rssSamples.filter(([t]) => t >= from && t < from + ms).map((sample) => sample[field]);
    out[stage] = inside.length > 0 ? Math.round(Math.max(...inside) / 1024) : 0;
    from += ms;
  }
  return out;
}

/** Shipment counts per reporting side, summed from the released observations. */
async function seizedSums(path: string): Promise<Record<string, number>> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const rows = (await conn.runAndReadAll(`SELECT dimension, sum(value)::DOUBLE AS n FROM read_parquet('${path.replaceAll("'", "''")}') WHERE indicator = '${COUNT_ID}' GROUP BY 1`)).getRowObjects();
  conn.closeSync();
  db.closeSync();
  return Object.fromEntries(rows.map((r) => [String(r['dimension']), Number(r['n'])]));
}
