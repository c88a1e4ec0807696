/**
 * The chosen places and the rules for changing them: at most `max` (the URL parser's own limit, url-state.ts), no
 * place twice, and never a place that cannot be drawn.
 */
import type { Absence, Place } from './place.ts';

export type AddOutcome =
  | { kind: 'added' }
  | { kind: 'already' }
  | { kind: 'full'; max: number }
  | { kind: 'absent'; absence: Absence };

export function addPlace(selected: readonly string[], place: Place, max: number): { selected: string[]; outcome: AddOutcome } {
  const same = [...selected];
  if (place.absence) return { selected: same, outcome: { kind: 'absent', absence: place.absence } };
  if (selected.includes(place.code)) return { selected: same, outcome: { kind: 'already' } };
  if (selected.length >= max) return { selected: same, outcome: { kind: 'full', max } };
  return { selected: [...selected, place.code], outcome: { kind: 'added' } };
}

export function removePlace(selected: readonly string[], code: string): string[] {
  return selected.filter((c) => c !== code);
}
