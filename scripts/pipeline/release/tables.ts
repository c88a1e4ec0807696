import { column, geoColumn, type ColumnDef, type EventTable, type GeoRow, type Observation, type PopulationRow } from '../model.ts';
import type { LabelIndex } from './publisher-labels.ts';

/** A table ready to be written: schema plus rows in their final, deterministic order. */
export interface ReleaseTable {
  name: string;
  title: string;
  description: string;
  columns: ColumnDef[];
  rows: Record<string, string | number | boolean | null>[];
}

/**
 * A table a streamed source wrote itself as Parquet, because its rows are too many to hold (the full CITES Trade
 * Database's shipments): publishing moves the file into the release, and the catalog describes it like any other.
 */
export interface WrittenTable {
  name: string;
  title: string;
  description: string;
  columns: ColumnDef[];
  rowCount: number;
  /** The Parquet file, in a work folder on the release's file system. */
  path: string;
}

/** What a release lists: tables written at publish time from rows in memory, and tables a source already wrote. */
export type ReleaseDataset = ReleaseTable | WrittenTable;

export function isWritten(t: ReleaseDataset): t is WrittenTable {
  return 'path' in t;
}

/** A table held as rows, once written to `path`: its description without the rows, which can then be collected. */
export function asWritten(t: ReleaseTable, path: string): WrittenTable {
  return { name: t.name, title: t.title, description: t.description, columns: t.columns, rowCount: t.rows.length, path };
}

export function datasetRows(t: ReleaseDataset): number {
  return isWritten(t) ? t.rowCount : t.rows.length;
}

export const OBSERVATION_COLUMNS: ColumnDef[] = [
  column('domain', 'VARCHAR', 'Crime domain'),
  column('indicator', 'VARCHAR', 'Indicator id (see catalog.json)'),
  geoColumn('geo', 'ISO 3166-1 alpha-3, a documented non-ISO code, or an M49 region code (see the geo table)'),
  column('year', 'INTEGER', 'Reference year'),
  column('sex', 'VARCHAR', 'total | female | male | other | unknown'),
  column('age', 'VARCHAR', 'total | 0-17 | 18+ | unknown'),
  column('dimension', 'VARCHAR', "Which breakdown the category belongs to (e.g. 'medicine class', 'test type', 'route'), or 'total'; categories of different dimensions must never be added together"),
  column('category', 'VARCHAR', "The value within the dimension (a label, or a geo code where the dimension is a place), or 'total'"),
  geoColumn('counterpart', 'Geo code of the other end of a flow (origin, exporter…); null when not a flow'),
  column('value', 'DOUBLE', 'The value; null when censored or missing'),
  column('unit', 'VARCHAR', 'Unit of the value'),
  column('censored', 'VARCHAR', "The publisher's censoring mark (e.g. '<5'); null when exact"),
  column('value_min', 'DOUBLE', 'Lower bound of a censored value'),
  column('value_max', 'DOUBLE', 'Upper bound of a censored value (null if unbounded)'),
  column('source', 'VARCHAR', 'Source id (mirror folder name)'),
  column('source_ref', 'VARCHAR', "file:sheet:row in the publisher's file, row as seen in a spreadsheet program"),
  column('note', 'VARCHAR', 'Publisher note or how the value was derived'),
  {
    ...column('labels_id', 'INTEGER', "The publisher's own labels of the row the value was read from: a labels_id of the publisher_labels table (dataUNODC's Indicator, Dimension, Category, Sex, Age, Unit of measurement and Source, as published); null for aggregates and derived values. Join within one release only"),
    references: 'publisher_labels',
  },
];

export const PUBLISHER_LABEL_COLUMNS: ColumnDef[] = [
  column('labels_id', 'INTEGER', 'Key of the row, which observations.labels_id names; numbered in the order of the labels within this release, so not stable from one release to the next'),
  column('source', 'VARCHAR', 'Source id (mirror folder name)'),
  column('publisher_indicator', 'VARCHAR', "The publisher's Indicator cell, as published"),
  column('publisher_dimension', 'VARCHAR', "The publisher's Dimension cell, as published"),
  column('publisher_category', 'VARCHAR', "The publisher's Category cell, as published (a citizenship label in its own language and spelling, a prefix such as 'Uniquely identifiable - ')"),
  column('publisher_sex', 'VARCHAR', "The publisher's Sex cell, as published ('na': not applicable)"),
  column('publisher_age', 'VARCHAR', "The publisher's Age cell, as published"),
  column('publisher_unit', 'VARCHAR', "The publisher's Unit of measurement cell, as published"),
  column('publisher_source', 'VARCHAR', "The publisher's Source cell, as published: UNODC's code of where the figure came from (GLOTIP, CTS/MoI, IAFQ/SOF…)"),
];

export const GEO_COLUMNS: ColumnDef[] = [
  column('geo', 'VARCHAR', 'Code used in observations.geo'),
  column('m49', 'VARCHAR', 'UN M49 numeric code (zero-padded)'),
  column('iso2', 'VARCHAR', 'ISO 3166-1 alpha-2'),
  column('iso3', 'VARCHAR', 'ISO 3166-1 alpha-3'),
  column('name', 'VARCHAR', 'UN name (M49), or the documented name for non-ISO codes'),
  column('kind', 'VARCHAR', 'country | subnational | territory | region | subregion | intermediate | world | unodc grouping (a publisher\'s grouping: its own figures, membership not published)'),
  column('region_m49', 'VARCHAR', 'M49 region code'),
  column('region_name', 'VARCHAR', 'M49 region name'),
  column('subregion_m49', 'VARCHAR', 'M49 sub-region code'),
  column('subregion_name', 'VARCHAR', 'M49 sub-region name'),
  column('intermediate_m49', 'VARCHAR', 'M49 intermediate region code'),
  column('intermediate_name', 'VARCHAR', 'M49 intermediate region name'),
  geoColumn('parent', 'Country of a sub-national unit; parent region of a region'),
  column('ldc', 'BOOLEAN', 'Least Developed Country'),
  column('lldc', 'BOOLEAN', 'Land-Locked Developing Country'),
  column('sids', 'BOOLEAN', 'Small Island Developing State'),
  column('note', 'VARCHAR', 'What a reader must know about the place (e.g. "UNODC grouping — membership not published")'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', 'file:sheet:row'),
];

export const POPULATION_COLUMNS: ColumnDef[] = [
  geoColumn('geo', 'ISO 3166-1 alpha-3 (or XKX)'),
  column('year', 'INTEGER', 'Year'),
  column('population', 'DOUBLE', 'Mid-year population (persons)'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', 'file:sheet:row'),
];

export const QUARANTINE_COLUMNS: ColumnDef[] = [
  column('source', 'VARCHAR', 'Source id'),
  column('file', 'VARCHAR', "Publisher's file"),
  column('sheet', 'VARCHAR', 'Sheet (xlsx only)'),
  column('row', 'INTEGER', 'Row as seen in a spreadsheet program'),
  column('column', 'VARCHAR', 'Column that decided the quarantine'),
  column('value', 'VARCHAR', 'The cell value'),
  column('reason', 'VARCHAR', 'Why the row is not in the release'),
];

function cmp(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1;
}

/** A total order on observations, so the same inputs always give the same bytes. */
export function sortObservations(rows: Observation[]): Observation[] {
  const keys: (keyof Observation)[] = ['indicator', 'geo', 'year', 'sex', 'age', 'dimension', 'category', 'counterpart', 'unit', 'source', 'source_ref'];
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const d = cmp(a[k] as string | number | null, b[k] as string | number | null);
      if (d !== 0) return d;
    }
    return 0;
  });
}

/** The observations as released: the publisher's labels, where an observation has them, become its labels_id. */
export function observationTable(rows: Observation[], labels: LabelIndex): ReleaseTable {
  return {
    name: 'observations',
    title: 'Observations',
    description: 'Tidy table: one value per row, every domain and indicator, with its source row.',
    columns: OBSERVATION_COLUMNS,
    rows: sortObservations(rows).map((o) => {
      const { publisher: _labels, ...row } = o;
      return { ...row, labels_id: labels.idOf(o) };
    }),
  };
}

export function publisherLabelsTable(labels: LabelIndex): ReleaseTable {
  return {
    name: 'publisher_labels',
    title: "Publishers' labels",
    description:
      "The publisher's own label cells of the rows observations were read from (dataUNODC's Indicator, Dimension, Category, Sex, Age, Unit of measurement, Source), each distinct set once: join observations on labels_id to map a row back to the publisher's columns.",
    columns: PUBLISHER_LABEL_COLUMNS,
    rows: labels.rows as unknown as ReleaseTable['rows'],
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
