/** One measured pipeline run; prints a JSON line for bench.ts. */
import { join } from 'node:path';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { PROJECT_DIR, downloadDir, releaseDir, sourcesDir } from './options.ts';

const t0 = performance.now();
const res = await runPipeline({ projectDir: PROJECT_DIR, sourcesDir: sourcesDir(), downloadDir: downloadDir(), outDir: releaseDir() });
const wall = performance.now() - t0;
process.stdout.write(
  JSON.stringify({
    wall_ms: Math.round(wall),
    max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    timings: res.timings,
    version: res.version,
    dir: join(res.dir),
  }) + '\n',
);
