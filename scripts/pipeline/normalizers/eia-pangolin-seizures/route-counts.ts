import type { Observation } from '../../model.ts';
import type { RawTable } from '../../read-table.ts';
import type { Incident } from './incident.ts';
import { seizureObservation } from './observation.ts';
import type { Role } from './roles.ts';

interface RouteCell {
  geo: string;
  year: number;
  role: Role;
  counterpart: string;
  hits: { incident: Incident; confirmed: boolean | null }[];
}

/**
 * One count per seizure country × year × role × named country; a seizure naming three via countries counts once
 * for each. The C/UC marks go to the note, because most routes are unconfirmed and a reader must be able to see it.
 */
export function routeCounts(t: RawTable, dated: Incident[]): Observation[] {
  return routeCells(dated).map((c) => {
    const conf = c.hits.filter((h) => h.confirmed === true).length;
    const unconf = c.hits.filter((h) => h.confirmed === false).length;
    return seizureObservation(t, 'wl_pangolin_seizure_routes', c.geo, c.year, c.hits.map((h) => h.incident), {
      value: c.hits.length,
      unit: 'incidents',
      // Each role is its own breakdown, whose categories are the countries named (also the flow's counterpart).
      dimension: c.role,
      category: c.counterpart,
      counterpart: c.counterpart,
      note: `confirmed ${conf}, unconfirmed ${unconf}, not marked ${c.hits.length - conf - unconf}`,
    });
  });
}

function routeCells(dated: Incident[]): RouteCell[] {
  const cells = new Map<string, RouteCell>();
  for (const i of dated) {
    for (const route of i.routes) {
      for (const code of route.codes) {
        const k = [i.geo, i.year, route.role, code].join('|');
        const cell = cells.get(k) ?? { geo: i.geo!, year: i.year!, role: route.role, counterpart: code, hits: [] };
        cell.hits.push({ incident: i, confirmed: route.confirmed });
        cells.set(k, cell);
      }
    }
  }
  return [...cells.values()];
}
