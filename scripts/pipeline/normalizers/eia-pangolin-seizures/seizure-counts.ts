import type { Observation } from '../../model.ts';
import type { RawTable } from '../../read-table.ts';
import { seizureObservation, type SeizureCell } from './observation.ts';

/** Every incident counts, whatever was seized, so this is the one figure with no incident left out. */
export function seizureCounts(t: RawTable, cells: SeizureCell[]): Observation[] {
  return cells.map(({ geo, year, incidents }) =>
    seizureObservation(t, 'wl_pangolin_seizures', geo, year, incidents, { value: incidents.length, unit: 'incidents' }),
  );
}
