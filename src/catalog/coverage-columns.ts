/**
 * Which columns of a release table say where and when a row is, for the table's coverage (countries × years). Read
 * from the table's schema, so a new table gets its coverage without a list kept by hand:
 * - place: the column `geo` where it refers to the geo table; else every column that does (a CITES shipment names
 *   an importer, an exporter and an origin, and a country covered by any of them is covered);
 * - year: the INTEGER column `year`; else the first INTEGER column whose name ends in `_year` (a survey's
 *   publication_year), which the page names, since it is not the year of the facts.
 * A table with neither (the geo reference itself, the quarantine) has no coverage chart.
 */
import type { ColumnDef } from '../../scripts/pipeline/model.ts';

export interface CoverageColumns {
  place: string[];
  year: string;
}

export function coverageColumns(columns: readonly ColumnDef[]): CoverageColumns | null {
  const refs = columns.filter((c) => c.references === 'geo');
  const own = refs.find((c) => c.name === 'geo');
  const place = own ? [own.name] : refs.map((c) => c.name);
  const year = columns.find((c) => c.name === 'year' && c.type === 'INTEGER') ?? columns.find((c) => c.type === 'INTEGER' && c.name.endsWith('_year'));
  return place.length > 0 && year ? { place, year: year.name } : null;
}

/** Columns that hold a publisher's censoring mark ('<5', '>572'): `censored`, or `<measure>_censored` beside its number. */
export function censoringColumns(columns: readonly ColumnDef[]): string[] {
  return columns.filter((c) => c.name === 'censored' || c.name.endsWith('_censored')).map((c) => c.name);
}
