import type { Observation } from '../../model.ts';
import type { RawTable } from '../../read-table.ts';
import { tidySum } from '../../arrays.ts';
import { seizureObservation, type Fields, type SeizureCell } from './observation.ts';
import { PRODUCT } from './indicators.ts';

/** Weight by kind of product: whole animals and scales are different measures, so never added. */
export function seizedWeight(t: RawTable, cells: SeizureCell[]): Observation[] {
  return cells.flatMap((cell) => [wholeWeight(t, cell), scalesWeight(t, cell)].filter((o) => o !== null));
}

function wholeWeight(t: RawTable, { geo, year, incidents }: SeizureCell): Observation | null {
  const known = incidents.filter((i) => i.estimatedKg !== null);
  if (known.length === 0) return null;
  const value = tidySum(known.map((i) => i.estimatedKg!));
  return seizureObservation(t, 'wl_pangolin_seized_kg', geo, year, known, { value, unit: 'kg', dimension: PRODUCT, category: 'whole pangolins (EIA estimate)' });
}

/**
 * Scales marked 'Y' (seized, weight not given) make the total a lower bound: the observation is censored '>=N'
 * with N the sum of the known weights. With no known weight there is no observation.
 */
function scalesWeight(t: RawTable, { geo, year, incidents }: SeizureCell): Observation | null {
  const known = incidents.filter((i) => i.scales.value !== null);
  const unknown = incidents.filter((i) => i.scales.unknown);
  if (known.length === 0) return null;
  const sum = tidySum(known.map((i) => i.scales.value!));
  const fields: Fields =
    unknown.length === 0
      ? { value: sum, unit: 'kg', dimension: PRODUCT, category: 'scales' }
      : {
          value: null,
          unit: 'kg',
          dimension: PRODUCT,
          category: 'scales',
          censored: `>=${sum}`,
          value_min: sum,
          note: `${unknown.length} of ${known.length + unknown.length} scale seizures have no weight ('Y'); the value is the sum of the known weights`,
        };
  return seizureObservation(t, 'wl_pangolin_seized_kg', geo, year, [...known, ...unknown], fields);
}
