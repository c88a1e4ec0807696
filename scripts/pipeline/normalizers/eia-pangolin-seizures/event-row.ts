import { sourceRef } from '../../model.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { text } from '../../values.ts';
import type { Amounts } from './amounts.ts';
import { COL } from './headers.ts';
import { ID } from './id.ts';
import type { Route } from './routes.ts';

export type EventRow = Record<string, string | number | boolean | null>;

/** What readIncident parsed from the row; the rest of the event row is text as published. */
export interface ParsedIncident {
  geo: string | null;
  year: { year: number | null; note: string | null };
  date: { date: string | null; note: string | null };
  latitude: number | null;
  longitude: number | null;
  amounts: Amounts;
  major: boolean | null;
  transit: string | null;
  routes: Route[];
  notes: string[];
}

/** One row of the event table: the published text beside each parsed value, so a reader can check the parse. */
export function eventRow(t: RawTable, r: RawRow, p: ParsedIncident): EventRow {
  const { carcass, live, whole, scales } = p.amounts;
  return {
    reference: text(t, r, COL.reference),
    taxon: text(t, r, COL.taxon),
    incident_type: text(t, r, COL.incidentType),
    incident_name: text(t, r, COL.name),
    description: text(t, r, COL.description),
    location: text(t, r, COL.location),
    latitude: p.latitude,
    longitude: p.longitude,
    country: text(t, r, COL.country),
    geo: p.geo,
    year: p.year.year,
    year_note: p.year.note,
    date: p.date.date,
    date_note: p.date.note,
    major_500kg: p.major,
    transit_type: p.transit,
    concealment_method: text(t, r, COL.moc),
    concealment_description: text(t, r, COL.mocDescription),
    ...routeCells(p.routes),
    carcass_number: carcass.value,
    carcass_censored: carcass.censored,
    carcass_unknown_number: carcass.unknown,
    live_number: live.value,
    live_censored: live.censored,
    whole_number: whole.value,
    whole_censored: whole.censored,
    whole_unknown_number: whole.unknown,
    reported_weight_kg: p.amounts.reportedKg,
    estimated_weight_kg: p.amounts.estimatedKg,
    scales_weight_kg: scales.value,
    scales_seized_unknown_weight: scales.unknown,
    estimated_pangolins: p.amounts.estimatedAnimals,
    extra_description: text(t, r, COL.extraDescription),
    outcome: text(t, r, COL.outcome),
    outcome_details: text(t, r, COL.outcomeDetails),
    outcome_update_reference: text(t, r, COL.outcomeUpdate),
    note: p.notes.length > 0 ? p.notes.join('; ') : null,
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  };
}

function routeCells(routes: Route[]): EventRow {
  const out: EventRow = {};
  for (const { role, place, codes, confirmed } of routes) {
    out[role] = place;
    out[`${role}_geo`] = codes.length > 0 ? codes.join(',') : null;
    out[`${role}_confirmed`] = confirmed;
  }
  return out;
}
