/** Incident-level tables as point-map input, each event with its year (build time only: src/data/point-figures.ts). */
import type { DatedPoint } from './point-years.ts';
import { query } from '../lib/release-db.ts';

const SQL = {
  migrant_incidents: `SELECT incident_id AS key, latitude AS lat, longitude AS lon, dead_and_missing AS value, source_ref, year,
      coalesce(location, country_of_incident) || ' (' || year || ')' AS label
    FROM migrant_incidents WHERE latitude IS NOT NULL AND dead_and_missing > 0 AND year BETWEEN ? AND ?`,
  // A seizure the publisher dates to a span of years has no year: it is kept, for the all-years view.
  pangolin_seizures: `SELECT source_ref AS key, latitude AS lat, longitude AS lon, 1 AS value, source_ref, year,
      coalesce(location, country) || coalesce(' (' || year || ')', '') AS label
    FROM pangolin_seizures WHERE latitude IS NOT NULL AND (year IS NULL OR year BETWEEN ? AND ?)`,
} as const;

export type PointTable = keyof typeof SQL;

export async function points(table: PointTable, years: [number, number]): Promise<DatedPoint[]> {
  const rows = await query<DatedPoint>(SQL[table], years);
  return rows.map((r) => ({
    key: String(r.key),
    lat: Number(r.lat),
    lon: Number(r.lon),
    value: Number(r.value),
    label: String(r.label),
    year: r.year === null ? null : Number(r.year),
    ...(r.source_ref ? { source_ref: String(r.source_ref) } : {}),
  }));
}
