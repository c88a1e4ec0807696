import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file of a release folder, by its path inside it (views/series/x.parquet), sorted. */
export function releaseFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? releaseFiles(dir, join(under, e.name)) : [join(under, e.name)]))
    .sort();
}
