import { indicatorDef, type IndicatorDef, type IndicatorSpec } from '../../model.ts';
import { ID } from './id.ts';
import { OUTWARD_ROLES, ROLES } from './roles.ts';

/** Whole animals (EIA's estimated weight) and scales (reported weight) are different measures: compared, never stacked. */
export const PRODUCT = 'product';

const COMMON_CAVEAT =
  'Compiled by EIA from public reports (media, TRAFFIC bulletins, government releases): a fraction of actual trade, shaped by enforcement and reporting effort, not a measure of trafficking volume. Incidents whose year is given as a range (e.g. "SPLIT 2015-2016", 10 rows) and multi-country operations (country "Various", 5 rows) are in the incident table but not in the yearly country figures.';

const SPECS: IndicatorSpec[] = [
  {
    id: 'wl_pangolin_seizures',
    title: 'Pangolin seizure incidents recorded by EIA',
    unit: 'incidents',
    definition:
      'Number of incidents in EIA’s pangolin seizure compilation, by country where the seizure took place and year. About 95% are seizures; the rest are trials, arrests or reports EIA logged with them.',
    caveat: COMMON_CAVEAT,
    breakdowns: [],
  },
  {
    id: 'wl_pangolin_seized_kg',
    title: 'Weight of pangolins and scales seized (EIA compilation)',
    unit: 'kg',
    definition:
      'Sum over incidents of the weight seized, by country of seizure and year, separately for whole pangolins (EIA estimate: 5 kg per animal when no weight was reported) and for scales (weight as reported). The two are different measures and are not added.',
    caveat: `${COMMON_CAVEAT} Where scales were seized without a weight ('Y'), the value is a lower bound (censored '>=').`,
    breakdowns: ['category'],
    dimensions: [{ name: PRODUCT, exclusive: false }],
  },
  {
    id: 'wl_pangolin_seized_animals',
    title: 'Pangolins seized, EIA estimate',
    unit: 'pangolins',
    definition:
      'Sum over incidents of EIA’s estimated number of pangolins (whole animals, or scales converted at 1 kg of scales ≈ one 5 kg animal), by country of seizure and year.',
    caveat: `${COMMON_CAVEAT} A rough EIA derivation with fixed ratios; incidents without an estimate are left out (the note says how many).`,
    breakdowns: [],
  },
  {
    id: 'wl_pangolin_seizure_routes',
    title: 'Pangolin seizures by route country named',
    unit: 'incidents',
    definition:
      'Number of incidents in which EIA names a country as origin, via (coming from), outbound (going to) or destination, by country of seizure and year. Each role is a dimension whose categories are the countries named (also in counterpart). An incident naming several countries counts once for each; the counterpart can be the seizure country itself when a place inside it is named.',
    caveat: `${COMMON_CAVEAT} Routes are recorded for a minority of incidents and are mostly unconfirmed (the note gives the C/UC marks). Counts for different counterparts or roles must not be added.`,
    breakdowns: ['category', 'counterpart'],
    // One incident can name several countries in one role, so the countries of a role are never stacked. Origin and
    // via name where a consignment came from (counterpart → seizure country); outbound and destination where it was
    // going (seizure country → counterpart).
    dimensions: ROLES.map((name) => ({ name, exclusive: false, geo: true, ...(OUTWARD_ROLES.has(name) ? { outward: true } : {}) })),
  },
];

export const INDICATORS: IndicatorDef[] = SPECS.map((spec) => indicatorDef(ID, 'wildlife', spec));
