import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under a folder (a release, a built site), by its path inside it (views/series/x.parquet), sorted. */
export function releaseFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}
