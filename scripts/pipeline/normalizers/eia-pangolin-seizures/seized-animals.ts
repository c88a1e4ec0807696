import type { Observation } from '../../model.ts';
import type { RawTable } from '../../read-table.ts';
import { tidySum } from '../../arrays.ts';
import { seizureObservation, type SeizureCell } from './observation.ts';

/** EIA's own estimate of animals; incidents without one are left out and counted in the note, never taken as 0. */
export function seizedAnimals(t: RawTable, cells: SeizureCell[]): Observation[] {
  return cells.flatMap(({ geo, year, incidents }) => {
    const known = incidents.filter((i) => i.estimatedAnimals !== null);
    if (known.length === 0) return [];
    const missing = incidents.length - known.length;
    return [
      seizureObservation(t, 'wl_pangolin_seized_animals', geo, year, known, {
        value: tidySum(known.map((i) => i.estimatedAnimals!)),
        unit: 'pangolins',
        note: missing > 0 ? `${missing} of ${incidents.length} incidents have no EIA estimate and are not included` : null,
      }),
    ];
  });
}
