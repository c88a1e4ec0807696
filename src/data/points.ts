/** Incident-level tables as point-map input (build time only: these maps are not redrawn in the browser). */
import type { MapPoint } from '../charts/point-map.ts';
import { query } from '../lib/release-db.ts';

const SQL = {
  migrant_incidents: `SELECT incident_id AS key, latitude AS lat, longitude AS lon, dead_and_missing AS value, source_ref,
      coalesce(location, country_of_incident) || ' (' || year || ')' AS label
    FROM migrant_incidents WHERE latitude IS NOT NULL AND dead_and_missing > 0 AND year BETWEEN ? AND ?`,
  pangolin_seizures: `SELECT source_ref AS key, latitude AS lat, longitude AS lon, 1 AS value, source_ref,
      coalesce(location, country) || coalesce(' (' || year || ')', '') AS label
    FROM pangolin_seizures WHERE latitude IS NOT NULL AND (year IS NULL OR year BETWEEN ? AND ?)`,
} as const;

export async function points(table: keyof typeof SQL, years: [number, number]): Promise<MapPoint[]> {
  const rows = await query<MapPoint>(SQL[table], years);
  return rows.map((r) => ({ key: String(r.key), lat: Number(r.lat), lon: Number(r.lon), value: Number(r.value), label: String(r.label), ...(r.source_ref ? { source_ref: String(r.source_ref) } : {}) }));
}
