/** Places under their list's heading (place.ts PLACE_GROUPS order), keeping their order within a list. */
import { PLACE_GROUPS, type Place, type PlaceGroup } from './place.ts';

export interface PlaceList<P> {
  group: PlaceGroup;
  places: P[];
}

/** Only the lists that have places. */
export function groupPlaces<P extends Pick<Place, 'group'>>(places: readonly P[]): PlaceList<P>[] {
  return PLACE_GROUPS.map((group) => ({ group, places: places.filter((p) => p.group === group) })).filter((l) => l.places.length > 0);
}
