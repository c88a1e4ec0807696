/**
 * Read, normalize and account for one streamed source: every file's header is checked first, the module does its SQL
 * in DuckDB sessions of bounded memory while a streaming pass checksums the same files, and each file's counts go
 * through a CountedLedger, so read = emitted + quarantined holds per file or the run stops.
 */
import { join } from 'node:path';
import type { SourceManifest } from '../manifest.ts';
import { checksumMismatch, locateFile, type ResolveOptions } from '../resolve-files.ts';
import { checkHeader } from '../check-header.ts';
import { CountedLedger, type FileAccount, type QuarantineEntry } from '../ledger.ts';
import { checkReadCount } from '../row-expectation.ts';
import { PipelineError } from '../errors.ts';
import { append } from '../arrays.ts';
import type { GeoIndex } from '../reference/geo-index.ts';
import type { NormalizeOutput, StreamedSourceModule, StreamOutput } from '../source-module.ts';
import type { WrittenTable } from '../release/tables.ts';
import { readHeader, scanFile, type StreamedFile } from './scan-file.ts';

export interface StreamedRun {
  output: NormalizeOutput;
  timings: Record<string, number>;
  tables: WrittenTable[];
  accounts: FileAccount[];
  quarantine: QuarantineEntry[];
}

/** Each file located and its header checked, from its first bytes: a file in another layout stops the run at once. */
export async function locateSource(opts: ResolveOptions, m: SourceManifest): Promise<StreamedFile[]> {
  const out: StreamedFile[] = [];
  for (const f of m.files) {
    if (f.format !== 'csv') throw new PipelineError({ file: f.name }, 'a streamed source reads CSV files only');
    const path = await locateFile(opts, m, f);
    const header = await readHeader(path, f);
    checkHeader(f, header);
    out.push({ layout: f, sourceId: m.id, published: m.release_date, path, header });
  }
  return out;
}

/**
 * Every file checksummed against the manifest, and passed for blank lines, one after another without holding their
 * bytes. Resolves to the time it took. Its caller starts it beside the normalizing (see runStreamedSource).
 */
export async function verifySource(files: StreamedFile[], signal?: AbortSignal): Promise<number> {
  const start = performance.now();
  for (const f of files) {
    const got = await scanFile(f.path, f.layout, undefined, signal);
    if (got !== f.layout.sha256) throw checksumMismatch(f.path, f.layout, got);
  }
  return Math.round(performance.now() - start);
}

/** The SQL addresses columns by their published names; a manifest without one of them cannot be read. */
function checkReads(module: StreamedSourceModule, m: SourceManifest): void {
  for (const f of m.files) {
    const missing = module.reads.filter((c) => !f.columns.includes(c));
    if (missing.length > 0) throw new PipelineError({ file: f.name }, `the manifest's columns lack ${missing.map((c) => JSON.stringify(c)).join(', ')}, which ${module.id} reads`);
  }
}

function account(m: SourceManifest, files: StreamedFile[], out: StreamOutput): { accounts: FileAccount[]; quarantine: QuarantineEntry[] } {
  const accounts: FileAccount[] = [];
  const quarantine: QuarantineEntry[] = [];
  for (const f of files) {
    const name = f.layout.name;
    const count = out.counts.find((c) => c.file === name);
    if (!count) throw new PipelineError({ file: name }, `normalizer bug: ${m.id} gave no counts for this file`);
    checkReadCount({ file: name }, count.read, f.layout, m.id);
    const closed = new CountedLedger(m.id, name, f.layout.header_row + 1).close(count, out.quarantine.filter((q) => q.file === name));
    accounts.push(closed.account);
    append(quarantine, closed.quarantine);
  }
  const unknown = out.quarantine.find((q) => !files.some((f) => f.layout.name === q.file));
  if (unknown) throw new PipelineError({ file: unknown.file }, `normalizer bug: quarantined a row of a file ${m.id} does not have`);
  return { accounts, quarantine };
}

/**
 * `verifying` is the files' verifySource pass, already under way. A gigabyte-sized source read twice in a row, once to
 * checksum it and once to normalize it, waits on the disk twice; read side by side, the pass costs little more than
 * the normalizing. Nothing is written before both are done, and a failed check outranks whatever the normalizer made
 * of the file (a changed file can fail to parse, and "checksum mismatch" is the true cause).
 */
export async function runStreamedSource(module: StreamedSourceModule, manifest: SourceManifest, files: StreamedFile[], geo: GeoIndex, workDir: string, verifying: Promise<number>): Promise<StreamedRun> {
  checkReads(module, manifest);
  const [run, check] = await Promise.allSettled([module.stream({ manifest, files, geo, workDir: join(workDir, module.id) }), verifying]);
  if (check.status === 'rejected') throw check.reason;
  if (run.status === 'rejected') throw run.reason;
  const out = run.value;
  const output = { observations: out.observations, events: [], quality: out.quality };
  const timings = { ...out.timings, 'verify checksums (beside the normalizing)': check.value };
  return { output, tables: out.tables, timings, ...account(manifest, files, out) };
}
