/**
 * The release's view files: per indicator, the rows one kind of chart draws, with only the columns it draws, sorted
 * so that the rows of one place sit together in small row groups. A browser answers a dashboard's view (countries ×
 * years of one indicator, one place's breakdowns) by reading one small file, or the few row groups of it that hold
 * the places asked for, instead of the whole observations table and a query engine.
 *
 * One definition, used by the pipeline that writes the files and by the browser code that reads them.
 */
import { OBSERVATION_COLUMNS } from './tables.ts';
import type { ColumnDef } from '../model.ts';

export type ViewName = 'series' | 'parts';

export interface ViewDef {
  name: ViewName;
  description: string;
  /** The observations columns the file holds, in file order. */
  columns: readonly ColumnDef[];
  /** Which observations of the indicator the file holds (SQL over the observations table, constants only). */
  where: string;
  /** The order of the rows; `geo` first, so one place's rows are contiguous. */
  orderBy: readonly string[];
  /** Rows per row group the writer aims at (row groups hold whole places where a place fits in one). */
  rowGroupRows: number;
}

function pick(names: readonly string[]): ColumnDef[] {
  return names.map((n) => {
    const c = OBSERVATION_COLUMNS.find((x) => x.name === n);
    if (!c) throw new Error(`views: observations has no column ${n}`);
    return c;
  });
}

/** The indicator's own totals: no breakdown, no flow, both sexes, all ages. */
const TOTALS = "dimension = 'total' AND category = 'total' AND counterpart IS NULL AND sex = 'total' AND age = 'total'";

export const SERIES_VIEW: ViewDef = {
  name: 'series',
  description: "The indicator's totals by place and year (what trend charts, maps and rankings draw).",
  columns: pick(['geo', 'year', 'value', 'censored', 'value_min', 'value_max', 'source_ref']),
  where: TOTALS,
  orderBy: ['geo', 'year'],
  rowGroupRows: 512,
};

export const PARTS_VIEW: ViewDef = {
  name: 'parts',
  description: "Every other row of the indicator (breakdowns, sex and age parts, flows) by place (what one place's breakdown charts draw).",
  columns: pick(['geo', 'year', 'sex', 'age', 'dimension', 'category', 'counterpart', 'unit', 'value', 'censored', 'value_min', 'value_max', 'source_ref']),
  where: `NOT (${TOTALS})`,
  orderBy: ['geo', 'dimension', 'unit', 'year', 'category', 'sex', 'age', 'counterpart', 'source_ref'],
  rowGroupRows: 4096,
};

export const VIEWS: readonly ViewDef[] = [SERIES_VIEW, PARTS_VIEW];

/** Indicator ids are the catalog's own (lower case, digits, underscores); anything else never names a file. */
export function viewPath(view: ViewName, indicator: string): string {
  if (!/^[a-z0-9_]+$/.test(indicator)) throw new Error(`not an indicator id: ${JSON.stringify(indicator)}`);
  return `views/${view}/${indicator}.parquet`;
}

/**
 * Row group sizes for rows sorted by place: groups of about `target` rows that end where a place ends, so a read of a
 * few places touches a few small groups; a place with more rows than `target` is cut into groups of `target`.
 */
export function rowGroupSizes(geos: readonly string[], target: number): number[] {
  const sizes: number[] = [];
  let open = 0;
  let i = 0;
  while (i < geos.length) {
    let j = i;
    while (j < geos.length && geos[j] === geos[i]) j++;
    const place = j - i;
    if (open > 0 && open + place > target) {
      sizes.push(open);
      open = 0;
    }
    if (place > target) {
      for (let k = 0; k < Math.floor(place / target); k++) sizes.push(target);
      open = place % target;
    } else {
      open += place;
    }
    i = j;
  }
  if (open > 0) sizes.push(open);
  return sizes;
}
