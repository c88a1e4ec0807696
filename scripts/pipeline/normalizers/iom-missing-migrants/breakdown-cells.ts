import type { Incident } from './read-record.ts';

/** M49 code of the world, the geo of the route, cause and region breakdowns. */
export const WORLD = '001';
/**
 * The three cuts of the world total (routes, causes, MMP regions of incident) are three dimensions, so that no chart or
 * query can add one cut to another.
 */
export const DIMENSION = { route: 'migration route', cause: 'cause of death', region: 'region of incident' } as const;

/** The sums of one geo × year × dimension × category. */
export interface Cell {
  geo: string;
  year: number;
  dimension: string;
  category: string;
  rows: number[];
  /** Rows of correction records (a negative missing), named when the cell's split cannot be published. */
  corrections: number[];
  total: number;
  dead: number;
  missing: number;
  /** False as soon as one record's dead/missing split is unknown. */
  partsKnown: boolean;
}

/** The breakdown cells a record belongs to: its country (if it is one), the world, its route, cause and region. */
function cellsOf(i: Incident): { geo: string; dimension: string; category: string }[] {
  const out = [
    { geo: WORLD, dimension: 'total', category: 'total' },
    { geo: WORLD, dimension: DIMENSION.cause, category: i.cause },
    { geo: WORLD, dimension: DIMENSION.region, category: i.region },
  ];
  if (i.geo !== null) out.unshift({ geo: i.geo, dimension: 'total', category: 'total' });
  if (i.route !== null) out.push({ geo: WORLD, dimension: DIMENSION.route, category: i.route });
  return out;
}

export function sumCells(incidents: Incident[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const i of incidents) {
    for (const { geo, dimension, category } of cellsOf(i)) {
      const key = `${geo}\u241f${i.year}\u241f${dimension}\u241f${category}`;
      let c = cells.get(key);
      if (!c) {
        c = { geo, year: i.year, dimension, category, rows: [], corrections: [], total: 0, dead: 0, missing: 0, partsKnown: true };
        cells.set(key, c);
      }
      add(c, i);
    }
  }
  return [...cells.values()];
}

/** A record whose split is unknown still counts in the total, but makes the cell's dead and missing unknown. */
function add(c: Cell, i: Incident): void {
  c.rows.push(i.row);
  if (i.missing !== null && i.missing < 0) c.corrections.push(i.row);
  c.total += i.total;
  if (i.dead === null || i.missing === null) c.partsKnown = false;
  else {
    c.dead += i.dead;
    c.missing += i.missing;
  }
}
