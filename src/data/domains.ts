/**
 * What each domain dashboard shows. Configuration only: the charts are the shared pure functions, the numbers come
 * from the release through the shared queries, and the texts from the message catalog (src/i18n): each domain's title,
 * intro and headline label under `domain.<slug>.*`, the other titles by the keys given here. The home page's headline
 * series of each domain is chosen in src/lib/headlines.ts.
 */
import type { Locale } from '../charts/types.ts';
import type { Slice } from './queries.ts';

export interface BreakdownSpec {
  indicator: string;
  /** One dimension of the indicator (see its catalog entry), or the sex or age parts of its totals. */
  by: { dimension: string } | { axis: 'sex' | 'age' };
  /** The geography whose breakdown is shown by default (the best-covered one). */
  geo: string;
  /** Message key of the chart's title. */
  titleKey: string;
}

export interface DomainSpec {
  slug: string;
  domain: string;
  /** The indicator of the map and the interactive trend. */
  main: string;
  mainSlice?: Slice;
  /** Countries drawn in the trend by default. */
  trendGeos: string[];
  breakdowns: BreakdownSpec[];
  /** Ranked values of one world-level breakdown (routes, causes) in one complete year. */
  rankings?: { indicator: string; geo: string; dimension: string; year: number; titleKey: string; categoryKey: string }[];
  /**
   * Origin → destination views of a place dimension whose direction is counterpart → geo. One dimension each: two
   * dimensions of one indicator (a seizure's origin and the country it came from) describe the same events twice, so a
   * map summing them would count one seizure twice.
   */
  flows?: { indicator: string; titleKey: string; dimension: string }[];
  /** Several indicators of one country on one chart (e.g. the four cyber offence types). */
  comparisons?: { indicators: string[]; geo: string; titleKey: string }[];
  points?: 'migrant_incidents' | 'pangolin_seizures';
  /** Further indicators listed with links. */
  more: string[];
}

export const DOMAINS: DomainSpec[] = [
  {
    slug: 'trafficking-in-persons',
    domain: 'trafficking-in-persons',
    main: 'tip_victims_detected',
    trendGeos: ['USA', 'MEX', 'NGA', 'GBR', 'THA'],
    breakdowns: [
      { indicator: 'tip_victims_detected', by: { dimension: 'form of exploitation' }, geo: 'USA', titleKey: 'domain.trafficking-in-persons.breakdown.exploitation' },
      { indicator: 'tip_victims_detected', by: { axis: 'sex' }, geo: 'MEX', titleKey: 'domain.trafficking-in-persons.breakdown.sex' },
      { indicator: 'tip_victims_detected', by: { axis: 'age' }, geo: 'NGA', titleKey: 'domain.trafficking-in-persons.breakdown.age' },
    ],
    flows: [{ indicator: 'tip_victims_by_citizenship', titleKey: 'domain.trafficking-in-persons.flows', dimension: 'citizenship' }],
    more: ['tip_victims_detected_rate', 'tip_persons_prosecuted', 'tip_persons_convicted', 'tip_persons_convicted_rate', 'tip_persons_formal_contact', 'tip_offences', 'tip_victims_repatriated_from', 'tip_persons_convicted_by_citizenship'],
  },
  {
    slug: 'migrant-smuggling',
    domain: 'migrant-smuggling',
    main: 'smg_dead_missing',
    trendGeos: ['USA', 'LBY', 'ITA', 'MEX', 'AFG'],
    breakdowns: [],
    rankings: [
      { indicator: 'smg_dead_missing', geo: '001', dimension: 'migration route', year: 2023, titleKey: 'domain.migrant-smuggling.ranking.routes', categoryKey: 'domain.migrant-smuggling.ranking.routeAxis' },
      { indicator: 'smg_dead_missing', geo: '001', dimension: 'cause of death', year: 2023, titleKey: 'domain.migrant-smuggling.ranking.causes', categoryKey: 'domain.migrant-smuggling.ranking.causeAxis' },
    ],
    points: 'migrant_incidents',
    more: ['smg_dead', 'smg_missing', 'smg_offences_smuggling_migrants', 'smg_offences_smuggling_migrants_rate'],
  },
  {
    slug: 'firearms',
    domain: 'firearms',
    main: 'fa_arms_seized',
    trendGeos: ['BRA', 'COL', 'MEX', 'TUR', 'PHL'],
    breakdowns: [
      { indicator: 'fa_arms_seized', by: { dimension: 'firearm type' }, geo: 'COL', titleKey: 'domain.firearms.breakdown.type' },
      { indicator: 'fa_arms_seized_by_location', by: { dimension: 'place of seizure' }, geo: 'TUR', titleKey: 'domain.firearms.breakdown.location' },
    ],
    more: ['fa_arms_seized_rate', 'fa_arms_found', 'fa_arms_surrendered', 'fa_ammunition_seized', 'fa_parts_seized', 'fa_seizure_cases', 'fa_persons_arrested', 'fa_persons_prosecuted', 'fa_persons_convicted', 'fa_arms_seized_by_justification', 'fa_arms_seized_by_condition'],
  },
  {
    slug: 'wildlife',
    domain: 'wildlife',
    main: 'wl_pangolin_seizures',
    trendGeos: ['CHN', 'VNM', 'IND', 'MYS', 'NGA'],
    breakdowns: [{ indicator: 'wl_pangolin_seized_kg', by: { dimension: 'product' }, geo: 'CHN', titleKey: 'domain.wildlife.breakdown.product' }],
    flows: [
      { indicator: 'wl_cites_confiscated_shipments', titleKey: 'domain.wildlife.flows', dimension: 'exporter (reported by importer)' },
      // EIA's route roles, one map each: the indicator's caveat forbids adding roles (an incident can name a country as both).
      { indicator: 'wl_pangolin_seizure_routes', titleKey: 'domain.wildlife.flows.origin', dimension: 'origin' },
      { indicator: 'wl_pangolin_seizure_routes', titleKey: 'domain.wildlife.flows.via', dimension: 'via' },
    ],
    points: 'pangolin_seizures',
    more: ['wl_pangolin_seized_kg', 'wl_pangolin_seized_animals', 'wl_pangolin_seizure_routes', 'wl_cites_confiscated_quantity', 'wl_rhinos_poached', 'wl_rhino_horn_seized_kg', 'wl_rhino_horns_seized', 'wl_offences_protected_species', 'wl_offences_protected_species_rate'],
  },
  {
    slug: 'falsified-medicines',
    domain: 'falsified-medicines',
    main: 'med_failure_rate',
    trendGeos: ['KHM', 'GHA', 'PER', 'NGA', 'VNM'],
    breakdowns: [
      { indicator: 'med_samples_failed', by: { dimension: 'medicine class' }, geo: 'KHM', titleKey: 'domain.falsified-medicines.breakdown.class' },
      { indicator: 'med_samples_failed', by: { dimension: 'test type' }, geo: 'KHM', titleKey: 'domain.falsified-medicines.breakdown.test' },
    ],
    more: ['med_samples_tested', 'med_samples_failed', 'med_samples_counterfeit', 'med_survey_sf_prevalence', 'med_survey_sf_prevalence_random', 'med_survey_samples', 'med_survey_sf_samples'],
  },
  {
    slug: 'cybercrime',
    domain: 'cybercrime',
    main: 'cyb_fraud_cyber_rate',
    trendGeos: ['DEU', 'ESP', 'COL', 'JPN', 'NZL'],
    breakdowns: [],
    comparisons: [
      {
        indicators: ['cyb_fraud_cyber_rate', 'cyb_unlawful_access_rate', 'cyb_unlawful_interception_rate', 'cyb_unlawful_interference_rate'],
        geo: 'ITA',
        titleKey: 'domain.cybercrime.comparison',
      },
    ],
    more: ['cyb_fraud_cyber', 'cyb_unlawful_access', 'cyb_unlawful_access_rate', 'cyb_unlawful_interception', 'cyb_unlawful_interception_rate', 'cyb_unlawful_interference', 'cyb_unlawful_interference_rate'],
  },
];

/** A domain's title (also its link in the site's navigation), intro (what the data can and cannot say) or headline label. */
export function domainText(d: DomainSpec, part: 'title' | 'intro' | 'headline', locale: Locale): string {
  return locale.t(`domain.${d.slug}.${part}`);
}
