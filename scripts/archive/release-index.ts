/**
 * The committed archive of published releases (data/releases/): `index.json` lists every version ever published,
 * oldest first, and `<version>/` keeps only what re-serves it and diffs against it — its catalog.json and
 * observations.parquet (the view files are regenerated from these, archive/materialise.ts). The site reads the same
 * list at build time and, as `/data/releases.json` (runtime-index.ts), in the browser.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeCounts } from './diff-releases.ts';

/** What the archive keeps of each release. */
export const ARCHIVED_FILES = ['catalog.json', 'observations.parquet'] as const;

export interface ArchivedSource {
  id: string;
  /** The publisher's files the release was built from, by sha256 (never the files themselves). */
  files: { name: string; sha256: string }[];
}

export interface ArchivedRelease {
  version: string;
  /** The day `npm run data` published it (UTC, YYYY-MM-DD). */
  published: string;
  /** The version it is compared with: the one published before it; null for the first. */
  previous: string | null;
  observations: number;
  /** Values added, revised and removed against `previous`; null for the first. */
  changes: ChangeCounts | null;
  sources: ArchivedSource[];
}

export interface ReleaseIndex {
  releases: ArchivedRelease[];
}

export const INDEX_FILE = 'index.json';

export function readIndex(archiveDir: string): ReleaseIndex {
  const p = join(archiveDir, INDEX_FILE);
  if (!existsSync(p)) return { releases: [] };
  const index = JSON.parse(readFileSync(p, 'utf8')) as ReleaseIndex;
  if (!Array.isArray(index.releases)) throw new Error(`${p}: no "releases" list`);
  return index;
}

/** Written through a temporary file, so a crash leaves the previous index whole. */
export function writeIndex(archiveDir: string, index: ReleaseIndex): void {
  mkdirSync(archiveDir, { recursive: true });
  const p = join(archiveDir, INDEX_FILE);
  const tmp = `${p}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(index, null, 2) + '\n');
  renameSync(tmp, p);
}

/** The newest release of the index, or null when none has been archived. */
export function newestRelease(index: ReleaseIndex): ArchivedRelease | null {
  return index.releases.at(-1) ?? null;
}
