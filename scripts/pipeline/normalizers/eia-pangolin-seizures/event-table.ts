import { column, geoColumn, type ColumnDef, type EventTable } from '../../model.ts';
import type { Incident } from './incident.ts';
import { ROLE_COLUMNS, ROLES } from './roles.ts';

const EVENT_COLUMNS: ColumnDef[] = [
  column('reference', 'VARCHAR', "EIA's source citation (Harvard style): TRAFFIC Bulletin, Robin des Bois, news reports…"),
  column('taxon', 'VARCHAR', "Taxon as published ('Pangolin' or a species name)"),
  column('incident_type', 'VARCHAR', 'Type of incident as published (Seizure, Trial, Report, Arrests…)'),
  column('incident_name', 'VARCHAR', "EIA's one-line name of the incident"),
  column('description', 'VARCHAR', 'Description of the incident'),
  column('location', 'VARCHAR', 'Place of the incident as published'),
  column('latitude', 'DOUBLE', "Latitude as published; null where EIA wrote 'N/A'"),
  column('longitude', 'DOUBLE', "Longitude as published; null where EIA wrote 'N/A'"),
  column('country', 'VARCHAR', 'Country of seizure as published'),
  geoColumn('geo', "ISO3 code of the country of seizure; null for multi-country operations (country 'Various')"),
  column('year', 'INTEGER', 'Year of the incident; null when EIA gives a range of years (see year_note)'),
  column('year_note', 'VARCHAR', "The published range when Year is not a single year, e.g. 'SPLIT 2015-2016'"),
  column('date', 'DATE', 'Date of the incident; 1 January or the 1st of a month often stands for an unknown day'),
  column('date_note', 'VARCHAR', 'The published text when Date is not a date'),
  column('major_500kg', 'BOOLEAN', "EIA's 'Major' flag: 500 kg or more (reported, estimated or scales weight); null when not marked"),
  column('transit_type', 'VARCHAR', "Transit type, spelling unified for case and spacing only ('by road', 'By Road' → 'By road')"),
  column('concealment_method', 'VARCHAR', 'Method of concealment as published'),
  column('concealment_description', 'VARCHAR', 'Description of the concealment as published'),
  ...ROLES.flatMap((role) => [
    column(role, 'VARCHAR', `${ROLE_COLUMNS[role].place} as published (free text, often below country level)`),
    column(`${role}_geo`, 'VARCHAR', `Geo code(s) of the countries the ${role} text names, comma-separated (M49 region code for 'Africa'); null when none can be placed`),
    column(`${role}_confirmed`, 'BOOLEAN', `EIA's C/UC mark for the ${role}: true = confirmed, false = unconfirmed, null = not marked`),
  ]),
  column('carcass_number', 'DOUBLE', 'Carcasses (dead pangolins) as published; decimals occur where EIA derived a number from a weight'),
  column('carcass_censored', 'VARCHAR', "Censoring mark when the publisher gives a bound, e.g. '>572'"),
  column('carcass_unknown_number', 'BOOLEAN', "True where EIA marks carcasses as seized without a number ('Y', 'no exact number')"),
  column('live_number', 'DOUBLE', 'Live pangolins as published'),
  column('live_censored', 'VARCHAR', "Censoring mark, e.g. '>=55' for '55 (possibly more)'"),
  column('whole_number', 'DOUBLE', 'Whole pangolins (live + dead, or reported without details) as published'),
  column('whole_censored', 'VARCHAR', "Censoring mark, e.g. '60-120' for a published range"),
  column('whole_unknown_number', 'BOOLEAN', "True where EIA marks whole pangolins as seized without a number ('Y')"),
  column('reported_weight_kg', 'DOUBLE', 'Weight reported by the source, kg'),
  column('estimated_weight_kg', 'DOUBLE', "EIA's estimated weight of whole pangolins, kg (5 kg per animal when no weight was reported)"),
  column('scales_weight_kg', 'DOUBLE', 'Weight of scales seized, kg'),
  column('scales_seized_unknown_weight', 'BOOLEAN', "True where EIA marks scales as seized without a weight ('Y')"),
  column('estimated_pangolins', 'DOUBLE', "EIA's estimated number of pangolins from whole animals and/or scales (1 kg of scales ≈ one 5 kg animal); fractional for small scale seizures"),
  column('extra_description', 'VARCHAR', "EIA's 'Description (if necessary)'"),
  column('outcome', 'VARCHAR', 'Outcome as published (case not unified)'),
  column('outcome_details', 'VARCHAR', 'Outcome details as published'),
  column('outcome_update_reference', 'VARCHAR', 'Reference for an outcome update'),
  column('note', 'VARCHAR', 'What the pipeline could not take as published (year ranges, text dates, places that name no country…)'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', 'file:sheet:row in the publisher\'s workbook'),
];

/** Every incident, including those no yearly figure can hold (year ranges, multi-country operations). */
export function incidentTable(incidents: Incident[]): EventTable {
  return {
    name: 'pangolin_seizures',
    title: 'Pangolin seizure incidents (EIA), 2000–2019',
    description:
      'One row per incident in EIA’s compilation (sheet INCIDENTS), with the published text kept beside each parsed value. Censored and "seized but not counted" cells are marked, never turned into numbers.',
    columns: EVENT_COLUMNS,
    rows: incidents.map((i) => i.event),
  };
}
