/** The data contract between the pipeline and the site (see DESIGN.md, "Data model"). */

export const DOMAINS = [
  'trafficking-in-persons',
  'migrant-smuggling',
  'firearms',
  'wildlife',
  'falsified-medicines',
  'cybercrime',
  'context',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const SEXES = ['total', 'female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const AGES = ['total', '0-17', '18+', 'unknown'] as const;
export type Age = (typeof AGES)[number];

/** Label used in `sex`, `age`, `dimension` and `category` when a row is not broken down on that axis. */
export const TOTAL = 'total';

/**
 * One breakdown of an indicator (form of exploitation, firearm type, route, medicine class, citizenship…). Its
 * categories are parts of the indicator's total; parts of two different breakdowns describe the same things twice
 * and must never be stacked or added together.
 */
export interface DimensionDef {
  /** The name written in `observations.dimension`, e.g. 'medicine class'. */
  name: string;
  /**
   * True when each counted thing falls in at most one category (medicine classes, causes of death), so parts may be
   * stacked; false when one thing can be in several (forms of exploitation of one victim, transit countries of one
   * seizure), so parts are compared side by side, never stacked.
   */
  exclusive: boolean;
  /** True when the categories are geo codes (a flow's other end); the same code is in `counterpart`. */
  geo?: boolean;
  /**
   * With `geo`: true when the flow runs from geo to the counterpart (where a seized consignment was going); otherwise
   * it runs from the counterpart to geo (where victims or a consignment came from).
   */
  outward?: boolean;
}

/** One value per row. `value` is null when censored or missing; a censored value carries its bounds. */
export interface Observation {
  domain: Domain;
  indicator: string;
  /** ISO 3166-1 alpha-3, a documented non-ISO code (see data/reference/unodc-geo-codes.csv), or an M49 region code. */
  geo: string;
  year: number;
  sex: Sex;
  age: Age;
  /** Which breakdown `category` belongs to (a DimensionDef name of the indicator), or 'total' for the indicator's total. */
  dimension: string;
  /** The value within the breakdown (a form of exploitation, a firearm type, a route, a geo code…) or 'total'. */
  category: string;
  /** The other end of a flow (origin of victims, exporter of a shipment…), as a geo code; null when not a flow. */
  counterpart: string | null;
  value: number | null;
  unit: string;
  /** The publisher's censoring mark, e.g. '<5'; null when the value is exact. */
  censored: string | null;
  value_min: number | null;
  value_max: number | null;
  /** Source id (the mirror folder name), or the id of the source a derived value was computed from. */
  source: string;
  /** `file:sheet:row` with the row number a person sees when opening the publisher's file. */
  source_ref: string;
  note: string | null;
  /**
   * The publisher's own labels of the row the value was read from, where the value is one cell of a publisher's long
   * layout (the dataUNODC exports). Not a column: the release writes each distinct set once, in the publisher_labels
   * table, and gives the observation its `labels_id` (release/publisher-labels.ts). Absent for aggregates and for
   * values the observatory derived.
   */
  publisher?: PublisherLabels;
}

/** A publisher's labels as its file spells them (null where the cell is empty); see Observation.publisher. */
export interface PublisherLabels {
  indicator: string | null;
  dimension: string | null;
  category: string | null;
  sex: string | null;
  age: string | null;
  unit: string | null;
  /** The publisher's own data-source code (dataUNODC's `Source`: GLOTIP, CTS/MoI, IAFQ/SOF…). */
  source: string | null;
}

/**
 * One of the publisher's label columns and what the release made of it, per source: catalog.json lists them and the
 * data page shows them, so a reader can go from an observation back to the publisher's columns.
 */
export interface LabelColumn {
  /** The publisher's column, as its header spells it. */
  published: string;
  /** The publisher_labels column that keeps the cell as published. */
  kept_as: string;
  /** The release's column(s) the cell decides. */
  release: string;
  /** How the release's value follows from the publisher's cell, for this source. */
  how: string;
}

/** Release tables other columns point into, each by its single-column key (see release/datapackage.ts). */
export type ReferencedTable = 'geo' | 'publisher_labels';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'DATE';

export interface ColumnDef {
  name: string;
  type: ColumnType;
  description: string;
  /** The column holds keys of another release table; datapackage.json declares it a foreign key. */
  references?: ReferencedTable;
}

/** One column of a released table; a call per column keeps long schemas to one line each. */
export function column(name: string, type: ColumnType, description: string): ColumnDef {
  return { name, type, description };
}

/** A column of single geo codes, every one in the geo table. */
export function geoColumn(name: string, description: string): ColumnDef {
  return { name, type: 'VARCHAR', description, references: 'geo' };
}

/** Incident-, shipment- or sample-level rows, with their own typed columns plus source and source_ref. */
export interface EventTable {
  name: string;
  title: string;
  description: string;
  columns: ColumnDef[];
  rows: Record<string, string | number | boolean | null>[];
}

export interface IndicatorDef {
  id: string;
  domain: Domain;
  title: string;
  unit: string;
  definition: string;
  caveat: string;
  /** Breakdown axes present in the data, for the site's pickers. */
  breakdowns: ('sex' | 'age' | 'category' | 'counterpart')[];
  /** The breakdowns `dimension` may name (besides 'total'); empty when the indicator has none. */
  dimensions: DimensionDef[];
  /** True when the pipeline computed the value (e.g. a rate per 100,000) rather than the publisher. */
  derived: boolean;
  sources: string[];
  /**
   * Where one of the indicator's labels packs two things (a category prefix that is another breakdown, the reporting
   * side in a dimension), what each part means and why the release keeps it packed; null when no label does.
   */
  label_packing: string | null;
}

/** What an indicator says about itself; the source and domain are the same for all of a source's indicators. */
export type IndicatorSpec = Pick<IndicatorDef, 'id' | 'title' | 'unit' | 'definition' | 'caveat' | 'breakdowns'> & {
  derived?: boolean;
  dimensions?: DimensionDef[];
  label_packing?: string;
};

/**
 * An indicator published by one source. The fields are spelled out in order because catalog.json lists them as the
 * object has them: the release must not change with the way a spec was written.
 */
export function indicatorDef(source: string, domain: Domain, spec: IndicatorSpec): IndicatorDef {
  const { id, title, unit, definition, caveat, breakdowns, derived = false, dimensions = [], label_packing = null } = spec;
  return { id, domain, title, unit, definition, caveat, breakdowns, dimensions, derived, sources: [source], label_packing };
}

export interface GeoRow {
  /** The code used in `observations.geo`. */
  geo: string;
  m49: string | null;
  iso2: string | null;
  iso3: string | null;
  name: string;
  /** 'country' | 'subnational' | 'territory' | 'region' | 'subregion' | 'intermediate' | 'world' | 'unodc grouping' */
  kind: string;
  region_m49: string | null;
  region_name: string | null;
  subregion_m49: string | null;
  subregion_name: string | null;
  intermediate_m49: string | null;
  intermediate_name: string | null;
  /** For sub-national units: the country they belong to. */
  parent: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  /** What a reader must know about the place: e.g. a publisher's grouping whose membership is not published. */
  note: string | null;
  source: string;
  source_ref: string;
}

export interface PopulationRow {
  geo: string;
  year: number;
  population: number;
  source: string;
  source_ref: string;
}

/** The fields an observation cannot do without; everything else has a no-breakdown default. */
export type ObservationFields = Pick<Observation, 'domain' | 'indicator' | 'geo' | 'year' | 'value' | 'unit' | 'source' | 'source_ref'> &
  Partial<Observation>;

/**
 * An observation that is not broken down on the axes it does not name: sex, age and category 'total', no flow,
 * exact (not censored), no note. Sources that aggregate events into counts need only say what they counted.
 */
export function observation(o: ObservationFields): Observation {
  return {
    domain: o.domain,
    indicator: o.indicator,
    geo: o.geo,
    year: o.year,
    sex: o.sex ?? 'total',
    age: o.age ?? 'total',
    dimension: o.dimension ?? TOTAL,
    category: o.category ?? TOTAL,
    counterpart: o.counterpart ?? null,
    value: o.value,
    unit: o.unit,
    censored: o.censored ?? null,
    value_min: o.value_min ?? null,
    value_max: o.value_max ?? null,
    source: o.source,
    source_ref: o.source_ref,
    note: o.note ?? null,
  };
}

/** Build a `file:sheet:row` reference. CSV files have no sheet; the slot stays empty so the shape is constant. */
export function sourceRef(file: string, sheet: string | undefined, row: number): string {
  return `${file}:${sheet ?? ''}:${row}`;
}

/** Rows as compact ranges ("4-7,12"), for values aggregated from many rows of one file. */
export function rowRanges(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `file:sheet:rows` for an aggregate; the rows part is a list of ranges. */
export function sourceRefRows(file: string, sheet: string | undefined, rows: readonly number[]): string {
  return `${file}:${sheet ?? ''}:${rowRanges(rows)}`;
}

/** The identity of an observation: two rows with the same key must not carry different values. */
export function observationKey(o: Observation): string {
  return [o.indicator, o.geo, o.year, o.sex, o.age, o.dimension, o.category, o.counterpart ?? '', o.unit].join('\u241f');
}
