import type { PopulationRow } from '../model.ts';
import { sourceRef } from '../model.ts';
import type { RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import { count, requiredText, year } from '../values.ts';
import { PipelineError } from '../errors.ts';
import type { GeoIndex } from './geo-index.ts';
import { WORLD_BANK_AGGREGATES } from './world-bank-aggregates.ts';

export const POPULATION_SOURCE = 'population-worldbank';

/** World Bank codes that are not in M49 but are real places. */
const NON_M49_PLACES: Record<string, string | null> = {
  XKX: 'XKX',
  // Channel Islands: Jersey and Guernsey combined; no single M49 code, so not joinable to a country series.
  CHI: null,
};

export function buildPopulation(input: { table: RawTable; ledger: FileLedger }, geo: GeoIndex): PopulationRow[] {
  const { table: t, ledger } = input;
  const out: PopulationRow[] = [];
  const seen = new Map<string, number>();
  for (const r of t.rows) {
    const code = requiredText(t, r, 'Country Code');
    let geoCode: string | null = null;
    if (code in NON_M49_PLACES) {
      geoCode = NON_M49_PLACES[code] ?? null;
      if (geoCode === null) {
        ledger.quarantine(r, 'Channel Islands (Jersey + Guernsey) combined: no single M49 area to attach the population to', 'Country Code', code);
        continue;
      }
    } else if (geo.rows.get(code)?.iso3 === code) {
      geoCode = code;
    } else if (WORLD_BANK_AGGREGATES.has(code)) {
      ledger.quarantine(r, 'World Bank aggregate (a region, income or lending group), not a country or area in M49: excluded by rule', 'Country Code', code);
      continue;
    } else {
      throw new PipelineError(t.at(r, 'Country Code'), `unknown country code ${JSON.stringify(code)}: not an ISO 3166 code in M49, not a documented World Bank place, not a World Bank aggregate`);
    }
    const y = year(t, r, 'Year');
    const v = count(t, r, 'Value');
    if (v === null) throw new PipelineError(t.at(r, 'Value'), 'population value missing');
    const key = `${geoCode}|${y}`;
    const prior = seen.get(key);
    if (prior !== undefined) {
      throw new PipelineError(t.at(r, 'Value'), `duplicate ${geoCode} ${y}: also on row ${prior}`);
    }
    seen.set(key, r.row);
    out.push({ geo: geoCode, year: y, population: v, source: POPULATION_SOURCE, source_ref: sourceRef(t.file, t.sheet, r.row) });
    ledger.emit(r);
  }
  return out;
}
