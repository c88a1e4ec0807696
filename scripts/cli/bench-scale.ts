/**
 * `BENCH_ONLY=scale npm run bench`: raw → release on a synthetic CITES Trade Database (23 million records in 54
 * CSV files by default; SCALE_ROWS, SCALE_FILES, SCALE_SEED change it), in a fresh process, against the budget of
 * issue 7 (5 minutes, 2 GB). The source is generated once into .tmp/synthetic-cites/ (its time reported apart) and
 * reused. Prints wall time, peak memory of the whole process (DuckDB's native memory included), the load of the
 * machine before and after, and each file's rows read / emitted / quarantined checked against what the generator
 * planted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifests } from '../pipeline/manifest.ts';
import { loadReference } from '../pipeline/reference/load-reference.ts';
import { DIM, iso2Index } from '../pipeline/normalizers/cites-codes.ts';
import { syntheticSource, type SyntheticSource } from '../bench/synthetic-trade-db/cache.ts';
import { defects } from '../bench/synthetic-trade-db/defects.ts';
import { MAX_QUARANTINED_SHARE } from '../pipeline/normalizers/cites-trade-db/index.ts';
import type { FileAccount, QuarantineEntry } from '../pipeline/ledger.ts';
import { PROJECT_DIR, downloadDir, sourcesDir } from './options.ts';

const BUDGET = { wallS: 300, rssMb: 2048 };
const RELEASE_DATE = '2023-01-31';

interface ChildResult {
  wall_ms: number;
  vmhwm_kb: number;
  timings: Record<string, number>;
  rss_by_stage_mb: Record<string, number>;
  js_by_stage_mb: Record<string, number>;
  version: string;
  accounts: FileAccount[];
  quarantine: QuarantineEntry[];
  observations: number;
  datasets: { name: string; rows: number; bytes: number }[];
  seized: Record<string, number>;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');

async function geographyIso2(): Promise<string[]> {
  const manifests = loadManifests(join(PROJECT_DIR, 'data', 'sources')).filter((m) => m.domain === 'reference');
  const ref = await loadReference({ sourcesDir: sourcesDir(), downloadDir: downloadDir() }, manifests, PROJECT_DIR);
  return [...iso2Index(ref.geo).keys()].sort();
}

/** The synthetic mirror takes the reference sources from the real mirror, by a link (nothing is copied). */
function linkReference(mirror: string): void {
  const link = join(mirror, 'reference');
  const target = join(sourcesDir(), 'reference');
  const current = (() => {
    try {
      return lstatSync(link);
    } catch {
      return null;
    }
  })();
  if (current) {
    if (!current.isSymbolicLink()) throw new Error(`${link} should be a link to the mirror's reference sources`);
    if (readlinkSync(link) === target) return;
    unlinkSync(link);
  }
  symlinkSync(target, link);
}

/** Runs the child, under /usr/bin/time -v when it is there, which reports the peak resident set from outside too. */
function runChild(src: SyntheticSource, manifestPath: string, out: string): { result: ChildResult; timeRssKb: number | null } {
  const child = join(PROJECT_DIR, 'scripts', 'cli', 'bench-scale-child.ts');
  const env = { ...process.env, RELEASE_DIR: out, SCALE_MIRROR: src.mirror, SCALE_MANIFEST: manifestPath };
  const useTime = existsSync('/usr/bin/time');
  const timeFile = `${out}-time.txt`;
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const args = useTime ? ['-v', '-o', timeFile, process.execPath, child] : [child];
  const json = execFileSync(cmd, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
  const timeRss = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'))?.[1] : undefined;
  return { result: JSON.parse(json) as ChildResult, timeRssKb: timeRss === undefined ? null : Number(timeRss) };
}

const key = (q: { file: string; row: number; column: string | null; value: string | null }) => `${q.file}:${q.row}:${q.column ?? ''}:${q.value ?? ''}`;

/** Each file's counts and the quarantined rows against the generator's; returns the mismatches. */
function compare(src: SyntheticSource, r: ChildResult): string[] {
  const problems: string[] = [];
  for (const f of src.expected.files) {
    const a = r.accounts.find((x) => x.file === f.name);
    if (!a || a.read !== f.rows || a.emitted !== f.emitted || a.quarantined !== f.quarantined) {
      problems.push(`${f.name}: expected ${f.rows}/${f.emitted}/${f.quarantined}, got ${a ? `${a.read}/${a.emitted}/${a.quarantined}` : 'nothing'}`);
    }
  }
  const planted = new Set(src.expected.files.flatMap((f) => f.defects.map((d) => key({ file: f.name, ...d }))));
  const found = new Set(r.quarantine.map(key));
  for (const k of planted) if (!found.has(k)) problems.push(`planted but not quarantined: ${k}`);
  for (const k of found) if (!planted.has(k)) problems.push(`quarantined but not planted: ${k}`);
  for (const [reporter, n] of Object.entries(src.expected.seized)) {
    const dim = DIM.exporter({ reporter: reporter as 'importer' | 'exporter' });
    if (r.seized[dim] !== n) problems.push(`source-I records reported by the ${reporter}: generator counted ${n}, observations add to ${r.seized[dim]}`);
  }
  return problems;
}

function printAccounts(r: ChildResult): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`  ${'file'.padEnd(18)} ${pad('read', 10)} ${pad('emitted', 10)} ${pad('quarantined', 12)}`);
  for (const a of r.accounts) console.log(`  ${a.file.padEnd(18)} ${pad(a.read, 10)} ${pad(a.emitted, 10)} ${pad(a.quarantined, 12)}`);
  const t = r.accounts.reduce((s, a) => ({ read: s.read + a.read, emitted: s.emitted + a.emitted, q: s.q + a.quarantined }), { read: 0, emitted: 0, q: 0 });
  console.log(`  ${'total'.padEnd(18)} ${pad(t.read, 10)} ${pad(t.emitted, 10)} ${pad(t.q, 12)}`);
  const reasons = new Map<string, number>();
  for (const q of r.quarantine) reasons.set(`${q.column ?? '(row)'}: ${q.reason}`, (reasons.get(`${q.column ?? '(row)'}: ${q.reason}`) ?? 0) + 1);
  console.log('  quarantined by column and reason:');
  for (const [k, n] of [...reasons].sort()) console.log(`    ${pad(n, 6)}  ${k}`);
}

export async function benchScale(): Promise<boolean> {
  const rows = Number(process.env['SCALE_ROWS'] ?? 23_000_000);
  const files = Number(process.env['SCALE_FILES'] ?? 54);
  const seed = Number(process.env['SCALE_SEED'] ?? 1);
  const runs = Number(process.env['SCALE_RUNS'] ?? 1);
  console.log(`scale: synthetic CITES Trade Database, ${rows.toLocaleString('en')} records in ${files} CSV files (seed ${seed})`);
  // Each file holds one planted bad record of each kind, and a file may lose at most MAX_QUARANTINED_SHARE.
  const fewest = Math.ceil(defects(0, ['', '', '']).length / MAX_QUARANTINED_SHARE);
  if (rows / files < fewest) throw new Error(`SCALE_ROWS / SCALE_FILES must be at least ${fewest} rows per file (the planted bad records of a file stay under ${MAX_QUARANTINED_SHARE * 100}%)`);
  console.log(`  load average before (1, 5, 15 min): ${load()}`);
  const root = join(PROJECT_DIR, '.tmp', 'synthetic-cites');
  mkdirSync(root, { recursive: true });
  const src = await syntheticSource({ root, rows, files, seed, iso2: await geographyIso2(), releaseDate: RELEASE_DATE, workers: 2 });
  console.log(src.generatedMs === null ? `  source: cached in ${src.mirror}` : `  source: generated in ${(src.generatedMs / 1000).toFixed(1)} s (not part of the run below) into ${src.mirror}`);
  linkReference(src.mirror);
  const scratch = mkdtempSync(join(tmpdir(), 'cto-scale-'));
  const manifestPath = join(scratch, 'manifest.json');
  writeFileSync(manifestPath, JSON.stringify(src.manifest));
  let ok = true;
  const versions: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const out = join(scratch, `release-${i}`);
      const { result: r, timeRssKb } = runChild(src, manifestPath, out);
      versions.push(r.version);
      const rssMb = Math.round((timeRssKb ?? r.vmhwm_kb) / 1024);
      console.log(`  run ${i + 1}: wall ${(r.wall_ms / 1000).toFixed(1)} s (budget ${BUDGET.wallS} s), peak RSS ${rssMb} MB (budget ${BUDGET.rssMb} MB; VmHWM ${Math.round(r.vmhwm_kb / 1024)} MB${timeRssKb ? `, /usr/bin/time ${Math.round(timeRssKb / 1024)} MB` : ''})`);
      console.log(`  load average after run ${i + 1}: ${load()}`);
      console.log('  stages (ms):');
      for (const [k, v] of Object.entries(r.timings)) console.log(`    ${k.padEnd(44)} ${String(v).padStart(8)}`);
      console.log('  largest resident set sampled in each stage, and of the JS heap with Node\'s buffers (MB, every 250 ms):');
      for (const [k, v] of Object.entries(r.rss_by_stage_mb)) console.log(`    ${k.padEnd(44)} ${String(v).padStart(8)} ${String(r.js_by_stage_mb[k] ?? '').padStart(8)}`);
      const events = r.datasets.find((d) => d.name === 'cites_trade_db_shipments');
      console.log(`  release ${r.version}: ${r.observations} observations; event table ${events?.rows} rows, ${((events?.bytes ?? 0) / 1e6).toFixed(0)} MB`);
      if (i === 0) printAccounts(r);
      const problems = compare(src, r);
      console.log(problems.length === 0 ? '  accounting: every file and every planted bad row as the generator expects' : `  accounting MISMATCH:\n${problems.slice(0, 20).map((p) => `    ${p}`).join('\n')}`);
      if (problems.length > 0 || r.wall_ms > BUDGET.wallS * 1000 || rssMb > BUDGET.rssMb) ok = false;
    }
    if (runs > 1) console.log(`  release versions: ${[...new Set(versions)].join(', ')} (identical across runs: ${new Set(versions).size === 1})`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return ok;
}
