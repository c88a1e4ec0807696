import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import type { Amount } from './amount-cell.ts';
import { readAmounts } from './amounts.ts';
import { coordinate } from './coordinate.ts';
import { eventRow, type EventRow } from './event-row.ts';
import { COL } from './headers.ts';
import { major, transitType } from './marks.ts';
import { readRoutes, type Route } from './routes.ts';
import { seizureCountry } from './seizure-country.ts';
import { incidentDate, incidentYear } from './year-date.ts';

/** What the aggregation needs from one incident, and its row of the event table. */
export interface Incident {
  row: RawRow;
  geo: string | null;
  year: number | null;
  estimatedKg: number | null;
  scales: Amount;
  estimatedAnimals: number | null;
  /** Only the roles that name at least one country. */
  routes: Route[];
  event: EventRow;
}

/** The event note lists what could not be taken as published, in the order the cells are read. */
export function readIncident(input: NormalizeInput, t: RawTable, r: RawRow): Incident {
  const notes: string[] = [];
  const geo = seizureCountry(input, t, r, notes);
  const year = incidentYear(t, r);
  if (year.note) notes.push(`Year is a range (${JSON.stringify(year.note)}); not counted in any year`);
  const date = incidentDate(t, r);
  if (date.note) notes.push(`Date given as text (${JSON.stringify(date.note)})`);
  const latitude = coordinate(t, r, COL.latitude, 90);
  const longitude = coordinate(t, r, COL.longitude, 180);
  const amounts = readAmounts(t, r);
  const parsed = { geo, year, date, latitude, longitude, amounts, major: major(t, r), transit: transitType(t, r) };
  const routes = readRoutes(input, t, r, notes);
  const event = eventRow(t, r, { ...parsed, routes, notes });
  const { estimatedKg, scales, estimatedAnimals } = amounts;
  return { row: r, geo, year: year.year, estimatedKg, scales, estimatedAnimals, routes: routes.filter((x) => x.codes.length > 0), event };
}
