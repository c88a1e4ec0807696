/**
 * The published releases and what each changed, at build time: the list `npm run data` wrote beside the releases
 * (public/data/releases.json, from the committed archive data/releases/), and the diff of a release against the one
 * published before it, computed from the two releases' observations (scripts/archive/diff-releases.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffObservations, type ReleaseDiff } from '../../scripts/archive/diff-releases.ts';
import { readDiffColumns } from '../../scripts/archive/read-observations.ts';
import type { RuntimeIndex, RuntimeRelease } from '../../scripts/archive/runtime-index.ts';

const DATA_DIR = join(process.cwd(), 'public', 'data');

export interface PublishedRelease extends RuntimeRelease {
  /** The release it is compared with; null for the first. */
  previous: string | null;
}

/** Newest first. Without the list (a release folder built by hand), none: the pages then say there is no archive. */
export function publishedReleases(): PublishedRelease[] {
  const p = join(DATA_DIR, 'releases.json');
  if (!existsSync(p)) return [];
  const { releases } = JSON.parse(readFileSync(p, 'utf8')) as RuntimeIndex;
  return releases.map((r, i) => ({ ...r, previous: releases[i + 1]?.version ?? null }));
}

const diffs = new Map<string, Promise<ReleaseDiff>>();

/** What `version` changed against `previous` (memoised: the release page and its indicator pages share it). */
export function releaseDiff(version: string, previous: string): Promise<ReleaseDiff> {
  const key = `${previous}→${version}`;
  let d = diffs.get(key);
  if (!d) {
    d = (async () => diffObservations(
      await readDiffColumns(join(DATA_DIR, previous, 'observations.parquet')),
      await readDiffColumns(join(DATA_DIR, version, 'observations.parquet')),
    ))();
    diffs.set(key, d);
  }
  return d;
}

interface CatalogNames {
  indicators: { id: string; title: string }[];
  sources: { id: string; title: string }[];
}

/** Indicator and source titles as the releases named them: a later release's title wins, an earlier one fills in. */
export function titlesOf(...versions: (string | null)[]): { indicator: (id: string) => string; source: (id: string) => string } {
  const indicators = new Map<string, string>();
  const sources = new Map<string, string>();
  for (const v of versions) {
    if (!v) continue;
    const c = JSON.parse(readFileSync(join(DATA_DIR, v, 'catalog.json'), 'utf8')) as CatalogNames;
    for (const i of c.indicators) if (!indicators.has(i.id)) indicators.set(i.id, i.title);
    for (const s of c.sources) if (!sources.has(s.id)) sources.set(s.id, s.title);
  }
  return { indicator: (id) => indicators.get(id) ?? id, source: (id) => sources.get(id) ?? id };
}
