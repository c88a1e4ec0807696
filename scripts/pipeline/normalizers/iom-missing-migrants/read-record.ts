import type { NormalizeInput, QualityNote } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { count, requiredText, text, year } from '../../values.ts';
import { coordinates } from './coordinates.ts';
import { missingCount } from './corrections.ts';
import { eventRow } from './event-row.ts';
import type { EventRow } from './event-table.ts';
import { fail } from './fail.ts';
import { COL } from './headers.ts';
import { incidentDate, incidentMonth } from './incident-date.ts';
import { incidentGeo } from './incident-geo.ts';
import { partsForSums } from './parts-for-sums.ts';

/** What the aggregation needs from one record. Dead/missing are null when they cannot be known for the record. */
export interface Incident {
  row: number;
  year: number;
  geo: string | null;
  route: string | null;
  cause: string;
  region: string;
  total: number;
  dead: number | null;
  missing: number | null;
}

/** One record → its event row and what the sums need; contradictions inside the record go to `quality`. */
export function readRecord(t: RawTable, r: RawRow, input: NormalizeInput, quality: QualityNote[]): { event: EventRow; incident: Incident } {
  const yr = year(t, r, COL.year);
  const month = incidentMonth(t, r);
  const date = incidentDate(t, r, yr, month);
  const total = count(t, r, COL.total);
  if (total === null) fail(t, r, COL.total, 'expected a value: the total of dead and missing is always filled by the publisher');
  const dead = count(t, r, COL.dead);
  const missing = missingCount(t, r, dead, total);
  const parts = partsForSums(t, r, dead, missing, total);
  const place = incidentGeo(t, r, input);
  const coords = coordinates(t, r);
  const route = text(t, r, COL.route);
  const cause = requiredText(t, r, COL.cause);
  const region = requiredText(t, r, COL.region);
  for (const q of [date.quality, parts.quality]) if (q) quality.push(q);
  const event = eventRow(t, r, { year: yr, month, date, total, dead, missing, place, coords, route, cause, region });
  const incident: Incident = { row: r.row, year: yr, geo: place.geo, route, cause, region, total, dead: parts.dead, missing: parts.missing };
  return { event, incident };
}
