import { join } from 'node:path';
import type { GeoRow, PopulationRow } from '../model.ts';
import type { SourceManifest } from '../manifest.ts';
import type { FileAccount, QuarantineEntry } from '../ledger.ts';
import { resolveSource, type ResolveOptions } from '../resolve-files.ts';
import { closeLedgers, openLedgers, readSourceTables } from '../run-source.ts';
import { buildGeo, LUKES_SOURCE, M49_SOURCE } from './build-geo.ts';
import { buildPopulation, POPULATION_SOURCE } from './build-population.ts';
import { loadNonIsoRules, type GeoIndex } from './geo-index.ts';

export interface Reference {
  geoRows: GeoRow[];
  geo: GeoIndex;
  population: PopulationRow[];
  accounts: FileAccount[];
  quarantine: QuarantineEntry[];
}

function single(manifests: SourceManifest[], id: string): SourceManifest {
  const m = manifests.find((x) => x.id === id);
  if (!m) throw new Error(`reference source ${id} missing from data/sources`);
  return m;
}

async function openSource(opts: ResolveOptions, m: SourceManifest) {
  const tables = await readSourceTables(await resolveSource(opts, m));
  const ledgers = openLedgers(m.id, tables);
  const name = m.files[0]!.name;
  return { tables, ledgers, one: { table: tables.get(name)!, ledger: ledgers.get(name)! } };
}

/** Geography (M49 + ISO crosswalk + documented non-ISO codes) and population, with their row accounting. */
export async function loadReference(opts: ResolveOptions, manifests: SourceManifest[], projectDir: string): Promise<Reference> {
  const m49 = await openSource(opts, single(manifests, M49_SOURCE));
  const lukes = await openSource(opts, single(manifests, LUKES_SOURCE));
  const rules = loadNonIsoRules(join(projectDir, 'data', 'reference', 'non-iso-codes.csv'));
  const { rows: geoRows, index: geo } = buildGeo(m49.one, lukes.one, rules);
  const pop = await openSource(opts, single(manifests, POPULATION_SOURCE));
  const population = buildPopulation(pop.one, geo);
  const closed = [m49, lukes, pop].map((s) => closeLedgers(s.ledgers));
  return {
    geoRows,
    geo,
    population,
    accounts: closed.flatMap((c) => c.accounts),
    quarantine: closed.flatMap((c) => c.quarantine),
  };
}
