import { indicatorDef, type DimensionDef, type Domain, type IndicatorDef, type IndicatorSpec } from '../../model.ts';
import { ID } from './id.ts';

export const DOMAIN: Domain = 'trafficking-in-persons';

const CAVEAT_DETECTED =
  'Detected victims are not prevalence: UNODC says these figures "shall not be considered representative of the prevalence of the crime"; a rise can mean better detection. ';
const CAVEAT_CENSORED = 'Counts of 1 to 4 are suppressed as "<5" (kept as a flag with bounds, never as 0). ';
const CAVEAT_COVERAGE = 'National definitions differ and years are reported unevenly; a missing year is not zero. 2021 is incomplete in this release. ';
const CAVEAT_BLOCKS =
  'Sex totals (age total) and "Other forms of exploitation" come from blocks UNODC appended to the file; where a key repeats there they are left out, and where it does not, a value may be one age group or sub-form rather than the total (see the quality report). ';
const CAVEAT_FLOW = 'Only part of the victims are broken down, by few countries; labels that name no country (Unknown, Other, regions) are kept as categories without counterpart. ';

/** One victim may suffer several forms of exploitation, so forms are compared side by side, never stacked. */
const FORMS: DimensionDef[] = [{ name: 'form of exploitation', exclusive: false }];
const CITIZENSHIP: DimensionDef[] = [{ name: 'citizenship', exclusive: true, geo: true }];
const REPATRIATION: DimensionDef[] = [{ name: 'country of repatriation', exclusive: true, geo: true }];

/** The caveat sentences each end with a space so they can be strung together in any order. */
const caveat = (...sentences: string[]): string => sentences.join('').trim();

const SPECS: IndicatorSpec[] = [
  {
    id: 'tip_victims_detected',
    title: 'Detected victims of trafficking in persons',
    unit: 'persons',
    definition:
      'Persons identified by national authorities as victims of trafficking in persons in the country and year (UNODC GLOTIP), by sex, age group and form of exploitation (sexual exploitation, forced labour, other forms) where reported.',
    caveat: caveat(CAVEAT_DETECTED, CAVEAT_CENSORED, 'One victim may suffer several forms of exploitation, so forms need not add up to the total. ', CAVEAT_BLOCKS, CAVEAT_COVERAGE),
    breakdowns: ['sex', 'age', 'category'],
    dimensions: FORMS,
  },
  {
    id: 'tip_persons_convicted',
    title: 'Persons convicted of trafficking in persons',
    unit: 'persons',
    definition:
      'Persons found guilty of trafficking in persons and related offences in the year, preferably in a court of first instance, by sex, age group and form of exploitation where reported (UNODC GLOTIP).',
    caveat: caveat(CAVEAT_CENSORED, CAVEAT_BLOCKS, CAVEAT_COVERAGE),
    breakdowns: ['sex', 'age', 'category'],
    dimensions: FORMS,
  },
  {
    id: 'tip_persons_prosecuted',
    title: 'Persons prosecuted for trafficking in persons',
    unit: 'persons',
    definition: 'Persons prosecuted for trafficking in persons and related offences in the year, by sex and age group where reported (UNODC GLOTIP).',
    caveat: caveat(CAVEAT_CENSORED, CAVEAT_BLOCKS, CAVEAT_COVERAGE),
    breakdowns: ['sex', 'age'],
  },
  {
    id: 'tip_persons_formal_contact',
    title: 'Persons brought into formal contact with the police for trafficking in persons',
    unit: 'persons',
    definition:
      'Persons brought into contact with the authorities, suspected, arrested, investigated or cautioned for trafficking in persons and related offences in the year, by sex and age group where reported (UNODC GLOTIP).',
    caveat: caveat(CAVEAT_CENSORED, CAVEAT_BLOCKS, CAVEAT_COVERAGE),
    breakdowns: ['sex', 'age'],
  },
  {
    id: 'tip_offences',
    title: 'Offences of trafficking in persons',
    unit: 'offences',
    definition: 'Offences of trafficking in persons reported in the country and year (UNODC GLOTIP).',
    caveat: caveat(CAVEAT_CENSORED, CAVEAT_COVERAGE),
    breakdowns: [],
  },
  {
    id: 'tip_victims_by_citizenship',
    title: 'Detected victims of trafficking by citizenship',
    unit: 'persons',
    definition:
      'Victims detected in the reporting country (geo), by their citizenship (counterpart). "Nationals" are citizens of the reporting country (counterpart = geo).',
    caveat: caveat(CAVEAT_DETECTED, CAVEAT_CENSORED, CAVEAT_FLOW, CAVEAT_COVERAGE),
    breakdowns: ['counterpart', 'category'],
    dimensions: CITIZENSHIP,
  },
  {
    id: 'tip_persons_convicted_by_citizenship',
    title: 'Persons convicted of trafficking in persons by citizenship',
    unit: 'persons',
    definition:
      'Persons convicted in the reporting country (geo), by their citizenship (counterpart). "Nationals" are citizens of the reporting country (counterpart = geo).',
    caveat: caveat(CAVEAT_CENSORED, CAVEAT_FLOW, CAVEAT_COVERAGE),
    breakdowns: ['counterpart', 'category'],
    dimensions: CITIZENSHIP,
  },
  {
    id: 'tip_victims_repatriated_from',
    title: 'Detected victims of trafficking by country of repatriation',
    unit: 'persons',
    definition:
      'Victims reported by the country (geo) under UNODC\'s heading "by country of repatriation", with the country named in that breakdown as counterpart. "Abroad" is the most frequent label, which suggests victims repatriated to the reporting country from abroad.',
    caveat: caveat(
      'UNODC does not define the direction of "country of repatriation" in the file or its metadata, and reporting countries seem to read it differently (some list their own country). ',
      CAVEAT_CENSORED,
      CAVEAT_FLOW,
      CAVEAT_COVERAGE,
    ),
    breakdowns: ['counterpart', 'category'],
    dimensions: REPATRIATION,
  },
];

export const INDICATORS: IndicatorDef[] = SPECS.map((spec) => indicatorDef(ID, DOMAIN, spec));
