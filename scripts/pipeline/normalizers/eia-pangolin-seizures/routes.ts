import type { NormalizeInput } from '../../source-module.ts';
import type { RawRow, RawTable } from '../../read-table.ts';
import { text } from '../../values.ts';
import { confirmed } from './marks.ts';
import { ROLE_COLUMNS, ROLES, type Role } from './roles.ts';
import { routePlaces } from './route-places.ts';

/** One role of an incident's route: the place as published, the countries it names, and EIA's C/UC mark. */
export interface Route {
  role: Role;
  place: string | null;
  codes: string[];
  confirmed: boolean | null;
}

/** Every role in order; a role's C/UC note goes before its place notes, the order the event note has always had. */
export function readRoutes(input: NormalizeInput, t: RawTable, r: RawRow, notes: string[]): Route[] {
  return ROLES.map((role) => {
    const { place, cuc } = ROLE_COLUMNS[role];
    const places = routePlaces(input, t, r, place);
    const flag = confirmed(t, r, cuc, role, notes);
    notes.push(...places.notes);
    return { role, place: text(t, r, place), codes: places.codes, confirmed: flag };
  });
}
