import { column, geoColumn, type ColumnDef, type EventTable } from '../../model.ts';

export type EventRow = Record<string, string | number | boolean | null>;

const EVENT_COLUMNS: ColumnDef[] = [
  column('incident_id', 'VARCHAR', 'MMP Incident ID, unique per record (may list several ids joined by commas, as published)'),
  column('main_id', 'VARCHAR', 'MMP Main ID, shared by the parts of a split incident'),
  column('incident_type', 'VARCHAR', 'Incident, Split Incident, Cumulative Incident… as published'),
  column('region_of_incident', 'VARCHAR', 'MMP region of incident'),
  column('incident_date', 'DATE', 'Incident Date as published (null where the source leaves it blank; see date_note)'),
  column('date_note', 'VARCHAR', 'Why incident_date is null or disagrees with the Month column; null otherwise'),
  column('year', 'INTEGER', 'Incident Year (equals the year of incident_date wherever a date is given; checked)'),
  column('month', 'INTEGER', 'Month column as a number 1–12'),
  column('dead', 'INTEGER', 'Number of Dead as published (null when blank)'),
  column(
    'missing',
    'INTEGER',
    'Minimum Estimated Number of Missing as published (null when blank); negative on correction records that re-classify persons earlier counted as missing as dead',
  ),
  column('dead_and_missing', 'INTEGER', 'Total Number of Dead and Missing (always filled)'),
  column('survivors', 'INTEGER', 'Number of Survivors as published (null when blank); negative on correction records for survivors who later died'),
  column('females', 'INTEGER', 'Number of Females among the dead and missing, where known'),
  column('males', 'INTEGER', 'Number of Males among the dead and missing, where known'),
  column('children', 'INTEGER', 'Number of Children among the dead and missing, where known'),
  column('country_of_origin', 'VARCHAR', 'Country of Origin as published (may list several, comma-separated, or "Unknown")'),
  column('region_of_origin', 'VARCHAR', 'Region of Origin as published'),
  column('cause_of_death', 'VARCHAR', 'MMP cause-of-death category'),
  column('country_of_incident', 'VARCHAR', 'Country of Incident as published'),
  geoColumn('geo', 'ISO3 code of the country of incident; null when the name is not a country (see geo_note)'),
  column('geo_note', 'VARCHAR', 'Why geo is null (documented in data/reference/aliases/iom-missing-migrants.csv); null otherwise'),
  column('migration_route', 'VARCHAR', 'MMP migration route (null when not assigned)'),
  column('location', 'VARCHAR', 'Location of Incident, free text'),
  column('latitude', 'DOUBLE', 'Latitude from the Coordinates cell ("lat, lon"), WGS84 degrees'),
  column('longitude', 'DOUBLE', 'Longitude from the Coordinates cell ("lat, lon"), WGS84 degrees'),
  column('unsd_grouping', 'VARCHAR', 'UNSD Geographical Grouping of the incident location ("Uncategorized" mostly at sea)'),
  column('source_quality', 'INTEGER', 'MMP source-quality score 1–5 (scale defined in the MMP methodology)'),
  column('information_source', 'VARCHAR', 'Information Source as published'),
  column('url', 'VARCHAR', 'URL of the information source as published'),
  column('source', 'VARCHAR', 'Source id'),
  column('source_ref', 'VARCHAR', 'file:sheet:row of the record in the publisher\'s file'),
];

/** Every record as published, typed; the observations are sums over it, so a reader can redo them. */
export function incidentTable(rows: EventRow[]): EventTable {
  return {
    name: 'migrant_incidents',
    title: 'Missing Migrants Project incident records',
    description:
      'One row per IOM Missing Migrants Project record (Incident ID) as published, with typed columns. Split incidents have one row per ' +
      'part (shared main_id); correction records carry negative missing or survivors. Sum dead_and_missing to count persons.',
    columns: EVENT_COLUMNS,
    rows,
  };
}
