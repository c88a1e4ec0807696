import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../scripts/pipeline/release/catalog.ts';

export type { Catalog };

const DATA_DIR = join(process.cwd(), 'public', 'data');

/** The release the site is built from; the build fails loudly if `npm run data` has not produced one. */
export function loadCatalog(): Catalog {
  const pointer = JSON.parse(readFileSync(join(DATA_DIR, 'current.json'), 'utf8')) as { version: string };
  return JSON.parse(readFileSync(join(DATA_DIR, pointer.version, 'catalog.json'), 'utf8')) as Catalog;
}
