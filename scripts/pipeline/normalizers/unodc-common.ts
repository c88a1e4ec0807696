/**
 * The long layout shared by dataUNODC exports (GLOTIP, IAFQ, UN-CTS): Iso3_code, Country, Region, Subregion,
 * Indicator, Dimension, Category, Sex, Age, Year, Unit of measurement, VALUE|txtVALUE, Source.
 */
import type { Age, LabelColumn, PublisherLabels, Sex } from '../model.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import type { GeoIndex } from '../reference/geo-index.ts';
import { PipelineError } from '../errors.ts';
import { isEmpty, text } from '../values.ts';

const SEX: Record<string, Sex> = { Total: 'total', Female: 'female', Male: 'male', Other: 'other', Unknown: 'unknown', na: 'total' };
const AGE: Record<string, Age> = {
  Total: 'total',
  '0 to 17 years': '0-17',
  '18 years or over': '18+',
  Unknown: 'unknown',
  na: 'total',
};

/** UNODC's sex label; `na` (not applicable, e.g. for seized arms) means no breakdown, i.e. total. */
export function unodcSex(t: RawTable, r: RawRow): Sex {
  const v = text(t, r, 'Sex');
  const s = v === null ? undefined : SEX[v];
  if (s === undefined) throw new PipelineError(t.at(r, 'Sex'), `unknown sex label ${JSON.stringify(v)}`);
  return s;
}

export function unodcAge(t: RawTable, r: RawRow): Age {
  const v = text(t, r, 'Age');
  const a = v === null ? undefined : AGE[v];
  if (a === undefined) throw new PipelineError(t.at(r, 'Age'), `unknown age label ${JSON.stringify(v)}`);
  return a;
}

/**
 * The reporting geography of a row: an ISO code, a documented non-ISO code, or a quarantine with the documented
 * reason. An undocumented code stops the build.
 */
export function unodcGeo(t: RawTable, r: RawRow, ledger: FileLedger, geo: GeoIndex): string | null {
  const code = text(t, r, 'Iso3_code');
  const name = text(t, r, 'Country');
  const res = geo.resolveCode(code, name);
  if (res === null) {
    throw new PipelineError(t.at(r, 'Iso3_code'), `unknown geography code ${JSON.stringify(code)} (country ${JSON.stringify(name)}); add it to data/reference/non-iso-codes.csv with a treatment and reason`);
  }
  if ('reason' in res) {
    ledger.quarantine(r, res.reason, 'Iso3_code', code ?? name);
    return null;
  }
  return res.geo;
}

/** UNODC's category label, with "Total" as the no-breakdown marker. */
export function unodcCategory(label: string): string {
  return label === 'Total' ? 'total' : label;
}

type LabelKey = keyof PublisherLabels;

/** dataUNODC's label columns, as its exports' headers spell them, by the PublisherLabels field that keeps each. */
const LABEL_COLUMNS: Record<LabelKey, string> = {
  indicator: 'Indicator',
  dimension: 'Dimension',
  category: 'Category',
  sex: 'Sex',
  age: 'Age',
  unit: 'Unit of measurement',
  source: 'Source',
};
const LABEL_KEYS = Object.keys(LABEL_COLUMNS) as LabelKey[];

/** A label cell exactly as published (not trimmed, nothing mapped); null when empty. */
function published(t: RawTable, r: RawRow, column: string): string | null {
  const c = t.get(r, column);
  if (isEmpty(c)) return null;
  return c instanceof Date ? c.toISOString().slice(0, 10) : String(c);
}

/** The row's dataUNODC labels, as published: what maps a released value back to dataUNODC's columns. */
export function unodcLabels(t: RawTable, r: RawRow): PublisherLabels {
  const cell = (k: LabelKey) => published(t, r, LABEL_COLUMNS[k]);
  return { indicator: cell('indicator'), dimension: cell('dimension'), category: cell('category'), sex: cell('sex'), age: cell('age'), unit: cell('unit'), source: cell('source') };
}

/** What the release makes of dataUNODC's label columns, for one source: the release column(s) each decides, and how. */
export function unodcLabelColumns(spec: Record<LabelKey, { release: string; how: string }>): LabelColumn[] {
  return LABEL_KEYS.map((k) => ({ published: LABEL_COLUMNS[k], kept_as: `publisher_${k}`, release: spec[k].release, how: spec[k].how }));
}
