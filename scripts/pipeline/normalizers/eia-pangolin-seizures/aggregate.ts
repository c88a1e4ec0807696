import type { Observation } from '../../model.ts';
import type { RawTable } from '../../read-table.ts';
import { groupBy } from '../../arrays.ts';
import type { Incident } from './incident.ts';
import type { SeizureCell } from './observation.ts';
import { routeCounts } from './route-counts.ts';
import { seizedAnimals } from './seized-animals.ts';
import { seizedWeight } from './seized-weight.ts';
import { seizureCounts } from './seizure-counts.ts';

/**
 * Incidents → yearly figures per country of seizure. Incidents with a range of years or no single country stay in
 * the event table only: any year or country given to them would be made up.
 */
export function seizureObservations(t: RawTable, incidents: Incident[]): Observation[] {
  const dated = incidents.filter((i) => i.geo !== null && i.year !== null);
  const cells = [...groupBy(dated, (i) => `${i.geo}|${i.year}`).values()].map(
    (list): SeizureCell => ({ geo: list[0]!.geo!, year: list[0]!.year!, incidents: list }),
  );
  return [...seizureCounts(t, cells), ...seizedWeight(t, cells), ...seizedAnimals(t, cells), ...routeCounts(t, dated)].sort(byKey);
}

function byKey(a: Observation, b: Observation): number {
  return (
    a.indicator.localeCompare(b.indicator) ||
    a.geo.localeCompare(b.geo) ||
    a.year - b.year ||
    a.dimension.localeCompare(b.dimension) ||
    a.category.localeCompare(b.category) ||
    (a.counterpart ?? '').localeCompare(b.counterpart ?? '')
  );
}
