import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of catalog.json the pages read (see scripts/pipeline/release/catalog.ts for the full shape). */
export interface Catalog {
  version: string;
  release_date: string | null;
  coverage: { countries: number; year_min: number | null; year_max: number | null; observations: number };
  datasets: { name: string; title: string; description: string; path: string; rows: number; bytes: number | null; sha256: string | null }[];
  indicators: {
    id: string;
    domain: string;
    title: string;
    unit: string;
    definition: string;
    caveat: string;
    derived: boolean;
    sources: string[];
    coverage: { rows: number; countries: number; year_min: number | null; year_max: number | null; censored: number } | null;
  }[];
  sources: {
    id: string;
    domain: string;
    title: string;
    publisher: string;
    licence: string;
    citation: string;
    url: string;
    caveats: string[];
    files: { name: string; sha256: string; read: number | null; emitted: number | null; quarantined: number | null }[];
  }[];
}

const DATA_DIR = join(process.cwd(), 'public', 'data');

/** The release the site is built from; the build fails loudly if `npm run data` has not produced one. */
export function loadCatalog(): Catalog {
  const pointer = JSON.parse(readFileSync(join(DATA_DIR, 'current.json'), 'utf8')) as { version: string };
  return JSON.parse(readFileSync(join(DATA_DIR, pointer.version, 'catalog.json'), 'utf8')) as Catalog;
}
