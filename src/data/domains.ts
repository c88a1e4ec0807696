/**
 * What each domain dashboard shows. Configuration only: the charts are the shared pure functions, the numbers come
 * from the release through the shared queries.
 */
import type { Slice } from './queries.ts';

export interface BreakdownSpec {
  indicator: string;
  axis: 'category' | 'sex' | 'age';
  /** The geography whose breakdown is shown by default (the best-covered one). */
  geo: string;
  title: string;
}

export interface DomainSpec {
  slug: string;
  domain: string;
  title: string;
  /** One paragraph: what the data can and cannot say. */
  intro: string;
  /** The indicator of the map and the interactive trend. */
  main: string;
  mainSlice?: Slice;
  /** Countries drawn in the trend by default. */
  trendGeos: string[];
  /** Home page headline: the indicator and geography of one figure (latest year, or `year` when the latest is partial). */
  headline: { indicator: string; geo: string; label: string; year?: number };
  breakdowns: BreakdownSpec[];
  /** Ranked latest values of a world-level breakdown (routes, causes). */
  rankings?: { indicator: string; geo: string; prefix?: string; exclude?: string; title: string }[];
  flows?: { indicator: string; title: string };
  points?: 'migrant_incidents' | 'pangolin_seizures';
  /** Further indicators listed with links. */
  more: string[];
}

export const DOMAINS: DomainSpec[] = [
  {
    slug: 'trafficking-in-persons',
    domain: 'trafficking-in-persons',
    title: 'Trafficking in persons',
    intro: 'Victims detected by national authorities, and persons prosecuted and convicted, as reported to UNODC. Detected victims are not prevalence: a rise can mean better detection.',
    main: 'tip_victims_detected',
    trendGeos: ['USA', 'MEX', 'NGA', 'GBR', 'THA'],
    headline: { indicator: 'tip_victims_detected', geo: 'USA', label: 'Detected victims of trafficking, United States' },
    breakdowns: [
      { indicator: 'tip_victims_detected', axis: 'category', geo: 'USA', title: 'Detected victims by form of exploitation, United States' },
      { indicator: 'tip_victims_detected', axis: 'sex', geo: 'MEX', title: 'Detected victims by sex, Mexico' },
      { indicator: 'tip_victims_detected', axis: 'age', geo: 'NGA', title: 'Detected victims by age, Nigeria' },
    ],
    flows: { indicator: 'tip_victims_by_citizenship', title: 'Detected victims by citizenship (origin) and detecting country' },
    more: ['tip_victims_detected_rate', 'tip_persons_prosecuted', 'tip_persons_convicted', 'tip_persons_convicted_rate', 'tip_persons_formal_contact', 'tip_offences', 'tip_victims_repatriated_from', 'tip_persons_convicted_by_citizenship'],
  },
  {
    slug: 'migrant-smuggling',
    domain: 'migrant-smuggling',
    title: 'Migrant smuggling',
    intro: 'Migrants recorded dead or missing during migration (IOM Missing Migrants Project) and smuggling offences recorded by police (UN-CTS). Deaths concern all irregular migration, not only smuggled persons.',
    main: 'smg_dead_missing',
    trendGeos: ['USA', 'LBY', 'ITA', 'MEX', 'AFG'],
    headline: { indicator: 'smg_dead_missing', geo: '001', label: 'Migrants recorded dead or missing, world', year: 2023 },
    breakdowns: [],
    rankings: [
      { indicator: 'smg_dead_missing', geo: '001', title: 'Dead and missing by migration route, latest year', exclude: 'region: ' },
    ],
    points: 'migrant_incidents',
    more: ['smg_dead', 'smg_missing', 'smg_offences_smuggling_migrants', 'smg_offences_smuggling_migrants_rate'],
  },
  {
    slug: 'firearms',
    domain: 'firearms',
    title: 'Firearms trafficking',
    intro: 'Firearms seized, found and surrendered, and persons in the justice system for arms trafficking, from the UNODC Illicit Arms Flows Questionnaire. The set of reporting countries changes every year.',
    main: 'fa_arms_seized',
    trendGeos: ['BRA', 'COL', 'MEX', 'TUR', 'PHL'],
    headline: { indicator: 'fa_arms_seized', geo: 'BRA', label: 'Firearms seized, Brazil' },
    breakdowns: [
      { indicator: 'fa_arms_seized', axis: 'category', geo: 'COL', title: 'Firearms seized by type, Colombia' },
      { indicator: 'fa_arms_seized_by_location', axis: 'category', geo: 'TUR', title: 'Firearms seized by location, Türkiye' },
    ],
    more: ['fa_arms_seized_rate', 'fa_arms_found', 'fa_arms_surrendered', 'fa_ammunition_seized', 'fa_parts_seized', 'fa_seizure_cases', 'fa_persons_arrested', 'fa_persons_prosecuted', 'fa_persons_convicted', 'fa_arms_seized_by_justification', 'fa_arms_seized_by_condition'],
  },
  {
    slug: 'wildlife',
    domain: 'wildlife',
    title: 'Wildlife crime',
    intro: 'Pangolin seizures compiled by EIA, confiscated pangolin shipments in the CITES Trade Database, rhino poaching (IUCN/TRAFFIC), and offences against protected species recorded by police. Seizures reflect enforcement effort, not trafficking volume.',
    main: 'wl_pangolin_seizures',
    trendGeos: ['CHN', 'VNM', 'IND', 'MYS', 'NGA'],
    headline: { indicator: 'wl_rhinos_poached', geo: '002', label: 'Rhinos poached, Africa' },
    breakdowns: [{ indicator: 'wl_pangolin_seized_kg', axis: 'category', geo: 'CHN', title: 'Pangolin seizures by product (kg), China' }],
    flows: { indicator: 'wl_cites_confiscated_shipments', title: 'Confiscated pangolin shipments in CITES trade records, exporter → importer' },
    points: 'pangolin_seizures',
    more: ['wl_pangolin_seized_kg', 'wl_pangolin_seized_animals', 'wl_pangolin_seizure_routes', 'wl_cites_confiscated_quantity', 'wl_rhinos_poached', 'wl_rhino_horn_seized_kg', 'wl_rhino_horns_seized', 'wl_offences_protected_species', 'wl_offences_protected_species_rate'],
  },
  {
    slug: 'falsified-medicines',
    domain: 'falsified-medicines',
    title: 'Falsified medical products',
    intro: 'Medicine samples tested in post-marketing surveillance (USP MQDB) and published quality surveys (IDDO). Failure rates describe the samples tested, not national prevalence.',
    main: 'med_failure_rate',
    trendGeos: ['KHM', 'GHA', 'PER', 'NGA', 'VNM'],
    headline: { indicator: 'med_failure_rate', geo: 'KHM', label: 'Share of medicine samples failing quality tests, Cambodia' },
    breakdowns: [{ indicator: 'med_samples_failed', axis: 'category', geo: 'KHM', title: 'Failed samples by medicine class and test, Cambodia' }],
    more: ['med_samples_tested', 'med_samples_failed', 'med_samples_counterfeit', 'med_survey_sf_prevalence', 'med_survey_sf_prevalence_random', 'med_survey_samples', 'med_survey_sf_samples'],
  },
  {
    slug: 'cybercrime',
    domain: 'cybercrime',
    title: 'Cybercrime',
    intro: 'Cyber-related fraud and offences against computer systems recorded by police (UN-CTS). Recording practice and legal definitions differ: compare trends within a country rather than levels across countries.',
    main: 'cyb_fraud_cyber_rate',
    trendGeos: ['DEU', 'ESP', 'COL', 'JPN', 'NZL'],
    headline: { indicator: 'cyb_unlawful_access', geo: 'DEU', label: 'Unlawful access to a computer system, offences recorded, Germany' },
    breakdowns: [],
    more: ['cyb_fraud_cyber', 'cyb_unlawful_access', 'cyb_unlawful_access_rate', 'cyb_unlawful_interception', 'cyb_unlawful_interception_rate', 'cyb_unlawful_interference', 'cyb_unlawful_interference_rate'],
  },
];

/** Context series (corruption, money laundering, environment offences) have no dashboard; they have indicator pages. */
export const CONTEXT_DOMAIN = 'context';
