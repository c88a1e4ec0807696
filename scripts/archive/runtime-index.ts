/**
 * `/data/releases.json`: the published versions as the browser learns them, newest first, with date and counts. It
 * sits outside every versioned folder and is revalidated on each use (public/_headers), so a page built earlier
 * still learns of newer releases. Small: no sources, no file lists.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangeCounts } from './diff-releases.ts';
import type { ReleaseIndex } from './release-index.ts';

export const RUNTIME_INDEX = 'releases.json';

export interface RuntimeRelease {
  version: string;
  published: string;
  changes: ChangeCounts | null;
}

export interface RuntimeIndex {
  /** Newest first. */
  releases: RuntimeRelease[];
}

export function runtimeIndex(index: ReleaseIndex): RuntimeIndex {
  return { releases: [...index.releases].reverse().map(({ version, published, changes }) => ({ version, published, changes })) };
}

export function writeRuntimeIndex(outDir: string, index: ReleaseIndex): void {
  const p = join(outDir, RUNTIME_INDEX);
  const tmp = `${p}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(runtimeIndex(index)) + '\n');
  renameSync(tmp, p);
}
