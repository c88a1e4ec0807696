/**
 * `npm run data -- --accept <id>`: take the publisher's new file(s) in on purpose. Reads the mirror's file as it is
 * now, builds the source from it exactly as a release would (every check applies, except the old row count), shows
 * what changes against the current release, and only then rewrites the manifest's sha256 and rows. A file that
 * cannot be released (changed header, bad values) stops here with the usual message, and the manifest is untouched.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifests, type SourceManifest } from '../manifest.ts';
import { mirrorFile, type ResolveOptions } from '../resolve-files.ts';
import { readHeader } from '../read-table.ts';
import { buildRelease, type ReleaseContent } from '../build-release.ts';
import { SOURCE_MODULES } from '../sources.ts';
import type { SourceModule } from '../source-module.ts';
import { observationKey, type Observation } from '../model.ts';
import { PipelineError } from '../errors.ts';
import { currentRelease, releasedAccounts, releasedRows } from './read-release.ts';
import { diffByKey, diffWhole, type Row, type TableDiff } from './diff-rows.ts';
import { describeHeaderDiff, headerDiff } from '../header-diff.ts';
import { acceptedManifestText } from './manifest-text.ts';
import { isWritten, type ReleaseTable } from '../release/tables.ts';
import { formatAcceptReport, type AcceptReport, type FileChange, type ReasonCount } from './summary.ts';

export interface AcceptOptions extends ResolveOptions {
  projectDir: string;
  /** Where the manifests are, as `<id>.json`. */
  manifestDir: string;
  /** The releases, with `current.json`: what the new file is compared with. */
  outDir: string;
  sourceId: string;
  modules?: readonly SourceModule[];
}

export interface AcceptOutcome {
  report: AcceptReport;
  text: string;
  /** The manifest file rewritten. */
  manifestPath: string;
}

/** How rows of a released table are matched across versions; tables not named are compared whole. */
const KEYS: Record<string, (r: Row) => string> = {
  observations: (r) => observationKey(r as unknown as Observation),
  population: (r) => `${r['geo']}|${r['year']}`,
  geo: (r) => String(r['geo']),
};

function accepting(manifests: SourceManifest[], target: SourceManifest, sha: Map<string, string>): SourceManifest[] {
  const edited = structuredClone(target);
  for (const f of edited.files) {
    f.sha256 = sha.get(f.name)!;
    delete f.rows;
  }
  return manifests.map((m) => (m.id === target.id ? edited : m));
}

/** A normal source is built alone with the reference tables; a reference table changes every source, so all run. */
function scope(manifests: SourceManifest[], target: SourceManifest, modules: readonly SourceModule[]) {
  if (target.domain === 'reference') return { manifests, modules };
  const module = modules.find((x) => x.id === target.id);
  if (!module) throw new Error(`source ${target.id} has no normalizer module`);
  return { manifests: manifests.filter((m) => m.domain === 'reference' || m.id === target.id), modules: [module] };
}

function reasonCounts(before: Row[], after: Row[]): ReasonCount[] {
  const m = new Map<string, ReasonCount>();
  const add = (rows: Row[], k: 'before' | 'after') => {
    for (const r of rows) {
      const reason = String(r['reason']);
      const c = m.get(reason) ?? { reason, before: 0, after: 0 };
      c[k]++;
      m.set(reason, c);
    }
  };
  add(before, 'before');
  add(after, 'after');
  return [...m.values()].sort((a, b) => (a.reason < b.reason ? -1 : 1));
}

async function compare(content: ReleaseContent, dir: string, source: string): Promise<{ tables: TableDiff[]; reasons: ReasonCount[] }> {
  const mine = (rows: Row[]) => rows.filter((r) => r['source'] === source);
  // A table a streamed source wrote itself is too large to diff row by row here; it is not compared.
  const candidates = content.tables.filter((t): t is ReleaseTable => !isWritten(t) && t.columns.some((c) => c.name === 'source'));
  const old = await releasedRows(dir, candidates.map((t) => t.name), source);
  const tables: TableDiff[] = [];
  let reasons: ReasonCount[] = [];
  for (const t of candidates) {
    const before = old.get(t.name) ?? [];
    const after = mine(t.rows as Row[]);
    if (t.name === 'quarantine') reasons = reasonCounts(before, after);
    else if (before.length + after.length > 0) {
      const key = KEYS[t.name];
      tables.push(key ? diffByKey(t.name, before, after, key) : diffWhole(t.name, before, after));
    }
  }
  return { tables, reasons };
}

export async function acceptSource(opts: AcceptOptions): Promise<AcceptOutcome> {
  const manifests = loadManifests(opts.manifestDir);
  const target = manifests.find((m) => m.id === opts.sourceId);
  if (!target) throw new Error(`no source ${opts.sourceId} in ${opts.manifestDir}; one of ${manifests.map((m) => m.id).join(', ')}`);
  const manifestPath = join(opts.manifestDir, `${target.id}.json`);
  if (!existsSync(manifestPath)) throw new Error(`the manifest of ${target.id} is not ${manifestPath}`);

  const sha = new Map<string, string>();
  for (const f of target.files) {
    const file = mirrorFile(opts, target, f);
    const changed = headerDiff(f.columns, await readHeader(file));
    if (changed) {
      throw new PipelineError(
        { file: f.name, sheet: f.sheet, row: f.header_row },
        `header changed (${describeHeaderDiff(changed)}): the normalizer and the manifest's columns must change first; nothing was accepted`,
      );
    }
    sha.set(f.name, file.sha256);
  }

  const built = scope(accepting(manifests, target, sha), target, opts.modules ?? SOURCE_MODULES);
  const content = await buildRelease({ ...opts, ...built });
  const release = currentRelease(opts.outDir);
  const oldAccounts = release ? releasedAccounts(release.dir, target.id) : [];
  const files: FileChange[] = target.files.map((f) => ({
    name: f.name,
    sha256Before: f.sha256,
    sha256After: sha.get(f.name)!,
    rowsExpected: f.rows ?? null,
    before: oldAccounts.find((a) => a.file === f.name) ?? null,
    after: content.accounts.find((a) => a.source === target.id && a.file === f.name)!,
  }));
  const diff = release ? await compare(content, release.dir, target.id) : { tables: [], reasons: [] };
  const report: AcceptReport = { source: target.id, title: target.title, files, release: release?.version ?? null, ...diff };

  let text = readFileSync(manifestPath, 'utf8');
  for (const f of files) text = acceptedManifestText(text, f.name, { sha256: f.sha256After, rows: f.after.read });
  writeFileSync(manifestPath, text);
  return { report, text: formatAcceptReport(report), manifestPath };
}
