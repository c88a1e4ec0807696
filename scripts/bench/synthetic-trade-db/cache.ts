/**
 * The synthetic Trade Database on disk, generated once per (rows, files, seed, geography, generator code) and reused:
 * `<root>/<key>/mirror/wildlife/cites-trade-db/trade_db_<n>.csv` beside `expected.json` (written last, so a cut
 * generation is never mistaken for a finished one).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SourceManifest } from '../../pipeline/manifest.ts';
import { collect, type Expected, type GeneratedFile, type GenerateOptions } from './generate.ts';
import { SYNTHETIC_ID, syntheticManifest } from './manifest.ts';

export interface SyntheticRequest {
  root: string;
  rows: number;
  files: number;
  seed: number;
  iso2: string[];
  releaseDate: string;
  workers: number;
}

export interface SyntheticSource {
  /** A mirror folder holding the synthetic source (the bench adds the reference sources beside it). */
  mirror: string;
  manifest: SourceManifest;
  expected: Expected;
  /** Milliseconds spent generating; null when the cache had it. */
  generatedMs: number | null;
}

function key(req: SyntheticRequest): string {
  const h = createHash('sha256');
  for (const f of readdirSync(import.meta.dirname).sort()) h.update(f).update(readFileSync(join(import.meta.dirname, f)));
  h.update(JSON.stringify([req.iso2, req.releaseDate]));
  return `${req.rows}r-${req.files}f-s${req.seed}-${h.digest('hex').slice(0, 10)}`;
}

function runWorker(opts: GenerateOptions, files: number[]): Promise<GeneratedFile[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./generate-worker.ts', import.meta.url), { workerData: { opts, files } });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`generator worker exited with ${code}`)));
  });
}

export async function syntheticSource(req: SyntheticRequest): Promise<SyntheticSource> {
  const entry = join(req.root, key(req));
  const mirror = join(entry, 'mirror');
  const dir = join(mirror, 'wildlife', SYNTHETIC_ID);
  const expectedPath = join(entry, 'expected.json');
  let generatedMs: number | null = null;
  if (!existsSync(expectedPath)) {
    rmSync(entry, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = performance.now();
    const opts: GenerateOptions = { dir, rows: req.rows, files: req.files, seed: req.seed, iso2: req.iso2, releaseDate: req.releaseDate };
    const share = Array.from({ length: Math.max(1, Math.min(req.workers, req.files)) }, (_, w) =>
      Array.from({ length: req.files }, (_, i) => i + 1).filter((f) => (f - 1) % req.workers === w),
    );
    const parts = (await Promise.all(share.map((files) => runWorker(opts, files)))).flat().sort((a, b) => a.file.name.localeCompare(b.file.name, 'en', { numeric: true }));
    writeFileSync(expectedPath, JSON.stringify(collect(req.rows, parts)));
    generatedMs = Math.round(performance.now() - started);
  }
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
  return { mirror, manifest: syntheticManifest(expected, req.releaseDate), expected, generatedMs };
}
