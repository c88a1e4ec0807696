import { COL } from './headers.ts';

/** The places of a route EIA records; each has a free-text place column and a C/UC (confirmed) column. */
export const ROLES = ['origin', 'via', 'outbound', 'destination'] as const;
export type Role = (typeof ROLES)[number];

/** The roles that name where a consignment was going when it was seized: their flows leave the seizure country. */
export const OUTWARD_ROLES: ReadonlySet<Role> = new Set(['outbound', 'destination']);

export const ROLE_COLUMNS: Record<Role, { place: string; cuc: string }> = {
  origin: { place: COL.origin, cuc: COL.originCuc },
  via: { place: COL.via, cuc: COL.viaCuc },
  outbound: { place: COL.outbound, cuc: COL.outboundCuc },
  destination: { place: COL.destination, cuc: COL.destinationCuc },
};
