/**
 * Which released tables the release may also offer as downloads. A table of row-level records (an event table) from
 * a link-only source is withheld: no CSV, not in the archive, not a datapackage resource; the data page links to the
 * publisher. Tables of the observatory's own making (observations, publisher_labels, geo, population, quarantine) are always
 * offered.
 */
import type { SourceManifest } from '../manifest.ts';

const OWN_TABLES = new Set(['observations', 'publisher_labels', 'geo', 'population', 'quarantine']);

export interface Withheld {
  table: string;
  /** The link-only sources whose rows the table holds. */
  sources: string[];
}

/** `sources` gives the distinct `source` ids of each table's rows. */
export function withheldTables(sources: ReadonlyMap<string, readonly string[]>, manifests: readonly SourceManifest[]): Withheld[] {
  const linkOnly = new Set(manifests.filter((m) => m.redistribution.status === 'link-only').map((m) => m.id));
  const out: Withheld[] = [];
  for (const [table, ids] of sources) {
    if (OWN_TABLES.has(table)) continue;
    const blocking = ids.filter((id) => linkOnly.has(id));
    if (blocking.length > 0) out.push({ table, sources: blocking });
  }
  return out;
}
