/**
 * Where a release's downloads sit inside its folder. One definition, for the pipeline that writes them, the catalog
 * and datapackage that list them, and the archive that packs them.
 */

/** quarantine.csv keeps the place it had before every table got a CSV, so links to it still resolve. */
export function tableCsvPath(table: string): string {
  return table === 'quarantine' ? 'quarantine.csv' : `csv/${table}.csv`;
}

function checkId(indicator: string): string {
  if (!/^[a-z0-9_]+$/.test(indicator)) throw new Error(`not an indicator id: ${JSON.stringify(indicator)}`);
  return indicator;
}

export function indicatorCsvPath(indicator: string): string {
  return `csv/indicators/${checkId(indicator)}.csv`;
}

export function indicatorWidePath(indicator: string): string {
  return `csv/indicators/${checkId(indicator)}_wide.csv`;
}

export function archivePath(version: string): string {
  return `crime-trends-observatory-${version}.zip`;
}
