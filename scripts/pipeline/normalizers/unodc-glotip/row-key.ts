import type { Age, Sex } from '../../model.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { oneOf, year } from '../../values.ts';
import { unodcAge, unodcSex } from '../unodc-common.ts';
import { DIMENSIONS, type Dimension } from './dimensions.ts';
import { indicatorOf, seriesOf, type Series } from './series.ts';

/** Where a row's value belongs, except for its place and breakdown. */
export interface RowKey {
  series: Series;
  indicator: string;
  dimension: Dimension;
  sex: Sex;
  age: Age;
  year: number;
}

/** The constant columns are checked too: another unit or source would be another dataset under the same name. */
export function readKey(t: RawTable, r: RawRow): RowKey {
  const series = seriesOf(t, r);
  const dimension = oneOf(t, r, 'Dimension', DIMENSIONS);
  const sex = unodcSex(t, r);
  const age = unodcAge(t, r);
  const y = year(t, r, 'Year');
  oneOf(t, r, 'Unit of measurement', { Counts: 'Counts' });
  oneOf(t, r, 'Source', { GLOTIP: 'GLOTIP' });
  return { series, indicator: indicatorOf(t, r, series, dimension), dimension, sex, age, year: y };
}
