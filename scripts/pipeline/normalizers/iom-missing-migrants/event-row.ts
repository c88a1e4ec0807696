import { sourceRef } from '../../model.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { count, requiredText, text } from '../../values.ts';
import { survivorsCount } from './corrections.ts';
import type { EventRow } from './event-table.ts';
import { COL } from './headers.ts';
import { ID } from './id.ts';
import type { IncidentDate } from './incident-date.ts';
import { sourceQuality } from './source-quality.ts';

/** What readRecord parsed first, because the sums need it; the other cells are read here. */
export interface ParsedRecord {
  year: number;
  month: number;
  date: IncidentDate;
  total: number;
  dead: number | null;
  missing: number | null;
  place: { geo: string | null; note: string | null };
  coords: { latitude: number; longitude: number } | null;
  route: string | null;
  cause: string;
  region: string;
}

/** The record as published, typed: parts stay as published (blank stays null), unlike the parts used for sums. */
export function eventRow(t: RawTable, r: RawRow, p: ParsedRecord): EventRow {
  return {
    incident_id: requiredText(t, r, COL.incidentId),
    main_id: requiredText(t, r, COL.mainId),
    incident_type: requiredText(t, r, COL.type),
    region_of_incident: p.region,
    incident_date: p.date.date,
    date_note: p.date.note,
    year: p.year,
    month: p.month,
    dead: p.dead,
    missing: p.missing,
    dead_and_missing: p.total,
    survivors: survivorsCount(t, r, p.dead),
    females: count(t, r, COL.females),
    males: count(t, r, COL.males),
    children: count(t, r, COL.children),
    country_of_origin: text(t, r, COL.origin),
    region_of_origin: text(t, r, COL.originRegion),
    cause_of_death: p.cause,
    country_of_incident: requiredText(t, r, COL.country),
    geo: p.place.geo,
    geo_note: p.place.note,
    migration_route: p.route,
    location: text(t, r, COL.location),
    latitude: p.coords?.latitude ?? null,
    longitude: p.coords?.longitude ?? null,
    unsd_grouping: text(t, r, COL.unsd),
    source_quality: sourceQuality(t, r),
    information_source: text(t, r, COL.info),
    url: text(t, r, COL.url),
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  };
}
