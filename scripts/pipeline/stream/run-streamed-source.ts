/**
 * Read, normalize and account for one streamed source: every file is checksummed and its header checked in one
 * streaming pass, the module does its SQL in DuckDB sessions of bounded memory, and each file's counts go through a
 * CountedLedger, so read = emitted + quarantined holds per file or the run stops.
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
import { scanFile, type ScannedFile } from './scan-file.ts';

export interface StreamedRun {
  output: NormalizeOutput;
  timings: Record<string, number>;
  tables: WrittenTable[];
  accounts: FileAccount[];
  quarantine: QuarantineEntry[];
}

/** Each file located, checksummed against the manifest and its header checked, without holding its bytes. */
export async function scanSource(opts: ResolveOptions, m: SourceManifest): Promise<ScannedFile[]> {
  const out: ScannedFile[] = [];
  for (const f of m.files) {
    if (f.format !== 'csv') throw new PipelineError({ file: f.name }, 'a streamed source reads CSV files only');
    const scanned = await scanFile(await locateFile(opts, m, f), f, m.id, m.release_date);
    if (scanned.sha256 !== f.sha256) throw checksumMismatch(scanned.path, f, scanned.sha256);
    checkHeader(f, scanned.header);
    out.push(scanned);
  }
  return out;
}

/** The SQL addresses columns by their published names; a manifest without one of them cannot be read. */
function checkReads(module: StreamedSourceModule, m: SourceManifest): void {
  for (const f of m.files) {
    const missing = module.reads.filter((c) => !f.columns.includes(c));
    if (missing.length > 0) throw new PipelineError({ file: f.name }, `the manifest's columns lack ${missing.map((c) => JSON.stringify(c)).join(', ')}, which ${module.id} reads`);
  }
}

function account(m: SourceManifest, files: ScannedFile[], out: StreamOutput): { accounts: FileAccount[]; quarantine: QuarantineEntry[] } {
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

export async function runStreamedSource(module: StreamedSourceModule, manifest: SourceManifest, files: ScannedFile[], geo: GeoIndex, workDir: string): Promise<StreamedRun> {
  checkReads(module, manifest);
  const out = await module.stream({ manifest, files, geo, workDir: join(workDir, module.id) });
  const output = { observations: out.observations, events: [], quality: out.quality };
  return { output, tables: out.tables, timings: out.timings, ...account(manifest, files, out) };
}
