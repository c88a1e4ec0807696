import { indicatorDef, type DimensionDef, type Domain, type IndicatorDef, type IndicatorSpec } from '../../model.ts';
import { DIMENSION } from './breakdown-cells.ts';
import { ID } from './id.ts';

export const DOMAIN: Domain = 'migrant-smuggling';
export const UNIT = 'persons';

const COMMON_CAVEAT =
  'Deaths and disappearances during migration of all kinds (irregular and mixed), not only of smuggled persons: a consequence ' +
  'indicator for migrant smuggling, not a count of smuggling. Minimum estimates from media, NGO and official reports; the undercount ' +
  'varies strongly by route. The project revises past years continuously; 2024 is a partial year (to 15 November).';

const BREAKDOWN_NOTE =
  'Country rows use the ISO3 code of the MMP "Country of Incident" (incidents at sea carry the country MMP assigns them). ' +
  'World rows (geo 001) carry the total and three breakdowns (dimensions "migration route", "cause of death", "region of incident"): ' +
  'these are three different breakdowns of the same total and must not be added across. Records without a migration route ' +
  '(about 15%) are in no route row, so route rows do not add up to the world total.';

/** One record has one route (or none), one cause and one region: each breakdown partitions the world total on its own. */
const DIMENSIONS: DimensionDef[] = [
  { name: DIMENSION.route, exclusive: true },
  { name: DIMENSION.cause, exclusive: true },
  { name: DIMENSION.region, exclusive: true },
];

const SPECS: IndicatorSpec[] = [
  {
    id: 'smg_dead_missing',
    title: 'Migrants dead and missing',
    unit: UNIT,
    definition:
      'Sum of "Total Number of Dead and Missing" over the IOM Missing Migrants Project incident records (one per Incident ID) of the year, ' +
      'by country of incident, world, migration route, cause of death and MMP region of incident.',
    caveat: `${COMMON_CAVEAT} ${BREAKDOWN_NOTE}`,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
  },
  {
    id: 'smg_dead',
    title: 'Migrants dead (bodies found)',
    unit: UNIT,
    definition:
      'Sum of "Number of Dead" over the incident records of the year, with the same breakdowns as smg_dead_missing. Where a record leaves ' +
      'the number blank it is taken as Total minus Missing (Total = Dead + Missing holds on every record, which the pipeline checks).',
    caveat:
      `${COMMON_CAVEAT} Includes MMP's correction records, which move persons from missing (or survivors) to dead; where such a ` +
      'correction falls into another breakdown cell than the original record (e.g. another cause of death) a cell can be off, and a cell ' +
      'whose dead or missing sum would be negative is not published (see the quality report). ' + BREAKDOWN_NOTE,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
  },
  {
    id: 'smg_missing',
    title: 'Migrants missing (minimum estimate)',
    unit: UNIT,
    definition:
      'Sum of "Minimum Estimated Number of Missing" over the incident records of the year, with the same breakdowns as smg_dead_missing. ' +
      'Where a record leaves the number blank it is taken as Total minus Dead. Negative values on correction records (missing persons later ' +
      'found dead) are included, so the sum is net of them.',
    caveat:
      `${COMMON_CAVEAT} Missing persons are a minimum estimate (e.g. from survivors' testimony). Correction records move persons from ` +
      'missing to dead; a breakdown cell whose missing sum would be negative is not published (see the quality report). ' + BREAKDOWN_NOTE,
    breakdowns: ['category'],
    dimensions: DIMENSIONS,
  },
];

export const INDICATORS: IndicatorDef[] = SPECS.map((spec) => indicatorDef(ID, DOMAIN, spec));
