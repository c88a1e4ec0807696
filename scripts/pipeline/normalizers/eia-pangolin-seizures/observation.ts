import { observation, sourceRefRows, type Observation } from '../../model.ts';
import type { RawTable } from '../../read-table.ts';
import { ID } from './id.ts';
import type { Incident } from './incident.ts';

/** The incidents of one country of seizure and year: the unit every yearly figure is computed over. */
export interface SeizureCell {
  geo: string;
  year: number;
  incidents: Incident[];
}

export type Fields = Partial<Observation> & Pick<Observation, 'value' | 'unit'>;

/** A yearly figure of one seizure country, citing the rows of the incidents it was computed from. */
export function seizureObservation(t: RawTable, indicator: string, geo: string, year: number, from: Incident[], fields: Fields): Observation {
  const source_ref = sourceRefRows(t.file, t.sheet, from.map((i) => i.row.row));
  return observation({ domain: 'wildlife', indicator, geo, year, source: ID, source_ref, ...fields });
}
