import type { ColumnDef, EventTable, GeoRow, Observation, PopulationRow } from '../model.ts';

/** A table ready to be written: schema plus rows in their final, deterministic order. */
export interface ReleaseTable {
  name: string;
  title: string;
  description: string;
  columns: ColumnDef[];
  rows: Record<string, string | number | boolean | null>[];
}

const c = (name: string, type: ColumnDef['type'], description: string): ColumnDef => ({ name, type, description });

export const OBSERVATION_COLUMNS: ColumnDef[] = [
  c('domain', 'VARCHAR', 'Crime domain'),
  c('indicator', 'VARCHAR', 'Indicator id (see catalog.json)'),
  c('geo', 'VARCHAR', 'ISO 3166-1 alpha-3, a documented non-ISO code, or an M49 region code (see the geo table)'),
  c('year', 'INTEGER', 'Reference year'),
  c('sex', 'VARCHAR', 'total | female | male | other | unknown'),
  c('age', 'VARCHAR', 'total | 0-17 | 18+ | unknown'),
  c('category', 'VARCHAR', "Breakdown label, or 'total'"),
  c('counterpart', 'VARCHAR', 'Geo code of the other end of a flow (origin, exporter…); null when not a flow'),
  c('value', 'DOUBLE', 'The value; null when censored or missing'),
  c('unit', 'VARCHAR', 'Unit of the value'),
  c('censored', 'VARCHAR', "The publisher's censoring mark (e.g. '<5'); null when exact"),
  c('value_min', 'DOUBLE', 'Lower bound of a censored value'),
  c('value_max', 'DOUBLE', 'Upper bound of a censored value (null if unbounded)'),
  c('source', 'VARCHAR', 'Source id (mirror folder name)'),
  c('source_ref', 'VARCHAR', "file:sheet:row in the publisher's file, row as seen in a spreadsheet program"),
  c('note', 'VARCHAR', 'Publisher note or how the value was derived'),
];

export const GEO_COLUMNS: ColumnDef[] = [
  c('geo', 'VARCHAR', 'Code used in observations.geo'),
  c('m49', 'VARCHAR', 'UN M49 numeric code (zero-padded)'),
  c('iso2', 'VARCHAR', 'ISO 3166-1 alpha-2'),
  c('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
  c('name', 'VARCHAR', 'UN name (M49), or the documented name for non-ISO codes'),
  c('kind', 'VARCHAR', 'country | subnational | territory | region | subregion | intermediate | world'),
  c('region_m49', 'VARCHAR', 'M49 region code'),
  c('region_name', 'VARCHAR', 'M49 region name'),
  c('subregion_m49', 'VARCHAR', 'M49 sub-region code'),
  c('subregion_name', 'VARCHAR', 'M49 sub-region name'),
  c('intermediate_m49', 'VARCHAR', 'M49 intermediate region code'),
  c('intermediate_name', 'VARCHAR', 'M49 intermediate region name'),
  c('parent', 'VARCHAR', 'Country of a sub-national unit; parent region of a region'),
  c('ldc', 'BOOLEAN', 'Least Developed Country'),
  c('lldc', 'BOOLEAN', 'Land-Locked Developing Country'),
  c('sids', 'BOOLEAN', 'Small Island Developing State'),
  c('source', 'VARCHAR', 'Source id'),
  c('source_ref', 'VARCHAR', 'file:sheet:row'),
];

export const POPULATION_COLUMNS: ColumnDef[] = [
  c('geo', 'VARCHAR', 'ISO 3166-1 alpha-3 (or XKX)'),
  c('year', 'INTEGER', 'Year'),
  c('population', 'DOUBLE', 'Mid-year population (persons)'),
  c('source', 'VARCHAR', 'Source id'),
  c('source_ref', 'VARCHAR', 'file:sheet:row'),
];

export const QUARANTINE_COLUMNS: ColumnDef[] = [
  c('source', 'VARCHAR', 'Source id'),
  c('file', 'VARCHAR', "Publisher's file"),
  c('sheet', 'VARCHAR', 'Sheet (xlsx only)'),
  c('row', 'INTEGER', 'Row as seen in a spreadsheet program'),
  c('column', 'VARCHAR', 'Column that decided the quarantine'),
  c('value', 'VARCHAR', 'The cell value'),
  c('reason', 'VARCHAR', 'Why the row is not in the release'),
];

function cmp(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1;
}

/** A total order on observations, so the same inputs always give the same bytes. */
export function sortObservations(rows: Observation[]): Observation[] {
  const keys: (keyof Observation)[] = ['indicator', 'geo', 'year', 'sex', 'age', 'category', 'counterpart', 'unit', 'source', 'source_ref'];
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const d = cmp(a[k] as string | number | null, b[k] as string | number | null);
      if (d !== 0) return d;
    }
    return 0;
  });
}

export function observationTable(rows: Observation[]): ReleaseTable {
  return {
    name: 'observations',
    title: 'Observations',
    description: 'Tidy table: one value per row, every domain and indicator, with its source row.',
    columns: OBSERVATION_COLUMNS,
    rows: sortObservations(rows) as unknown as ReleaseTable['rows'],
  };
}

export function geoTable(rows: GeoRow[]): ReleaseTable {
  return { name: 'geo', title: 'Geography', description: 'M49 countries, areas and regions, ISO codes, and documented non-ISO codes.', columns: GEO_COLUMNS, rows: rows as unknown as ReleaseTable['rows'] };
}

export function populationTable(rows: PopulationRow[]): ReleaseTable {
  const sorted = [...rows].sort((a, b) => cmp(a.geo, b.geo) || a.year - b.year);
  return { name: 'population', title: 'Population', description: 'World Bank SP.POP.TOTL, countries and areas only (aggregates excluded).', columns: POPULATION_COLUMNS, rows: sorted as unknown as ReleaseTable['rows'] };
}

export function eventReleaseTable(t: EventTable): ReleaseTable {
  return { name: t.name, title: t.title, description: t.description, columns: t.columns, rows: t.rows };
}
