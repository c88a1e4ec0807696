/**
 * Which places a search finds, best first. A place is found when its folded name (fold.ts) contains the folded
 * query; one whose name starts with it comes first, then one with a word that starts with it ("sudan": Sudan before
 * South Sudan), then its code typed in full ("deu"), then any other. Ties keep the order given (alphabetical).
 */
import { fold } from './fold.ts';
import type { Place } from './place.ts';

/** How well `place` answers the folded query: 0 best; null when it does not. */
export function matchRank(place: Pick<Place, 'code' | 'name'>, folded: string): number | null {
  if (folded === '') return 0;
  const name = fold(place.name);
  if (name.startsWith(folded)) return 0;
  if (name.includes(` ${folded}`)) return 1;
  if (place.code.toLowerCase() === folded) return 2;
  if (name.includes(folded)) return 3;
  return null;
}

/** The places `query` finds, best first; all of them, in their order, for an empty query. */
export function findPlaces<P extends Pick<Place, 'code' | 'name'>>(places: readonly P[], query: string): P[] {
  const folded = fold(query);
  return places
    .map((place, i) => ({ place, i, rank: matchRank(place, folded) }))
    .filter((m): m is { place: P; i: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((m) => m.place);
}
