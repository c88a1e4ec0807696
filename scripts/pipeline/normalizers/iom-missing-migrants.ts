/**
 * IOM Missing Migrants Project, all incident records (one sheet, one header row, one row per Incident ID).
 *
 * Output: the event table `migrant_incidents` (one row per record, typed) and the observations aggregated from it:
 * dead and missing persons by country of incident, world, migration route, cause of death and MMP region, per year.
 *
 * Traps in the real file, each handled explicitly below:
 * - Correction records: later split records re-classify persons already counted, with a negative
 *   "Minimum Estimated Number of Missing" (missing persons found dead) or a negative "Number of Survivors"
 *   (survivors who later died). They are published as they are; any other negative count stops the build.
 * - "Number of Dead" or "Minimum Estimated Number of Missing" may be blank; "Total Number of Dead and Missing" is
 *   always filled and equals Dead + Missing on every record, so a blank part is Total minus the other part.
 * - "Incident Date" is text and occasionally blank; on a few records its month disagrees with the "Month" column.
 * - Some "Main ID" cells start with an invisible U+FEFF (every 2,500th row, an export artefact); text() trims it
 *   (JavaScript counts it as white space), so the parts of a split incident keep one Main ID.
 */
import { sourceRef, sourceRefRows, type ColumnDef, type EventTable, type IndicatorDef, type Observation } from '../model.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import { PipelineError } from '../errors.ts';
import { count, isEmpty, oneOf, requiredText, text, year } from '../values.ts';
import { onlyTable, type NormalizeInput, type NormalizeOutput, type QualityNote, type SourceModule } from '../source-module.ts';

const ID = 'iom-missing-migrants';
const FILE = 'Missing_Migrants_Global_Figures_allData.xlsx';
const DOMAIN = 'migrant-smuggling';
const UNIT = 'persons';
/** M49 code of the world, the geo of the route, cause and region breakdowns. */
const WORLD = '001';
/** Prefix that keeps MMP's regions of incident apart from route names in the shared category axis. */
const REGION_PREFIX = 'region: ';

const COL = {
  mainId: 'Main ID',
  incidentId: 'Incident ID',
  type: 'Incident Type',
  region: 'Region of Incident',
  date: 'Incident Date',
  year: 'Incident Year',
  month: 'Month',
  dead: 'Number of Dead',
  missing: 'Minimum Estimated Number of Missing',
  total: 'Total Number of Dead and Missing',
  survivors: 'Number of Survivors',
  females: 'Number of Females',
  males: 'Number of Males',
  children: 'Number of Children',
  origin: 'Country of Origin',
  originRegion: 'Region of Origin',
  cause: 'Cause of Death',
  country: 'Country of Incident',
  route: 'Migration Route',
  location: 'Location of Incident',
  coordinates: 'Coordinates',
  unsd: 'UNSD Geographical Grouping',
  info: 'Information Source',
  url: 'URL',
  quality: 'Source Quality',
} as const;

/** English month names as published, to month numbers (as text, because oneOf deals in labels). */
const MONTHS: Record<string, string> = {
  January: '1', February: '2', March: '3', April: '4', May: '5', June: '6',
  July: '7', August: '8', September: '9', October: '10', November: '11', December: '12',
};

const COMMON_CAVEAT =
  'Deaths and disappearances during migration of all kinds (irregular and mixed), not only of smuggled persons: a consequence ' +
  'indicator for migrant smuggling, not a count of smuggling. Minimum estimates from media, NGO and official reports; the undercount ' +
  'varies strongly by route. The project revises past years continuously; 2024 is a partial year (to 15 November).';

const BREAKDOWN_NOTE =
  'Country rows use the ISO3 code of the MMP "Country of Incident" (incidents at sea carry the country MMP assigns them). ' +
  'World rows (geo 001) carry category "total", a migration route name, a cause of death, or "region: <MMP region of incident>": ' +
  'these are three different breakdowns of the same total and must not be added across. Records without a migration route ' +
  '(about 15%) are in no route row, so route rows do not add up to the world total.';

export const INDICATORS: IndicatorDef[] = [
  {
    id: 'smg_dead_missing',
    domain: DOMAIN,
    title: 'Migrants dead and missing',
    unit: UNIT,
    definition:
      'Sum of "Total Number of Dead and Missing" over the IOM Missing Migrants Project incident records (one per Incident ID) of the year, ' +
      'by country of incident, world, migration route, cause of death and MMP region of incident.',
    caveat: `${COMMON_CAVEAT} ${BREAKDOWN_NOTE}`,
    breakdowns: ['category'],
    derived: false,
    sources: [ID],
  },
  {
    id: 'smg_dead',
    domain: DOMAIN,
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
    derived: false,
    sources: [ID],
  },
  {
    id: 'smg_missing',
    domain: DOMAIN,
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
    derived: false,
    sources: [ID],
  },
];

const EVENT_COLUMNS: ColumnDef[] = [
  { name: 'incident_id', type: 'VARCHAR', description: 'MMP Incident ID, unique per record (may list several ids joined by commas, as published)' },
  { name: 'main_id', type: 'VARCHAR', description: 'MMP Main ID, shared by the parts of a split incident' },
  { name: 'incident_type', type: 'VARCHAR', description: 'Incident, Split Incident, Cumulative Incident… as published' },
  { name: 'region_of_incident', type: 'VARCHAR', description: 'MMP region of incident' },
  { name: 'incident_date', type: 'DATE', description: 'Incident Date as published (null where the source leaves it blank; see date_note)' },
  { name: 'date_note', type: 'VARCHAR', description: 'Why incident_date is null or disagrees with the Month column; null otherwise' },
  { name: 'year', type: 'INTEGER', description: 'Incident Year (equals the year of incident_date wherever a date is given; checked)' },
  { name: 'month', type: 'INTEGER', description: 'Month column as a number 1–12' },
  { name: 'dead', type: 'INTEGER', description: 'Number of Dead as published (null when blank)' },
  {
    name: 'missing',
    type: 'INTEGER',
    description: 'Minimum Estimated Number of Missing as published (null when blank); negative on correction records that re-classify persons earlier counted as missing as dead',
  },
  { name: 'dead_and_missing', type: 'INTEGER', description: 'Total Number of Dead and Missing (always filled)' },
  {
    name: 'survivors',
    type: 'INTEGER',
    description: 'Number of Survivors as published (null when blank); negative on correction records for survivors who later died',
  },
  { name: 'females', type: 'INTEGER', description: 'Number of Females among the dead and missing, where known' },
  { name: 'males', type: 'INTEGER', description: 'Number of Males among the dead and missing, where known' },
  { name: 'children', type: 'INTEGER', description: 'Number of Children among the dead and missing, where known' },
  { name: 'country_of_origin', type: 'VARCHAR', description: 'Country of Origin as published (may list several, comma-separated, or "Unknown")' },
  { name: 'region_of_origin', type: 'VARCHAR', description: 'Region of Origin as published' },
  { name: 'cause_of_death', type: 'VARCHAR', description: 'MMP cause-of-death category' },
  { name: 'country_of_incident', type: 'VARCHAR', description: 'Country of Incident as published' },
  { name: 'geo', type: 'VARCHAR', description: 'ISO3 code of the country of incident; null when the name is not a country (see geo_note)' },
  { name: 'geo_note', type: 'VARCHAR', description: 'Why geo is null (documented in data/reference/aliases/iom-missing-migrants.csv); null otherwise' },
  { name: 'migration_route', type: 'VARCHAR', description: 'MMP migration route (null when not assigned)' },
  { name: 'location', type: 'VARCHAR', description: 'Location of Incident, free text' },
  { name: 'latitude', type: 'DOUBLE', description: 'Latitude from the Coordinates cell ("lat, lon"), WGS84 degrees' },
  { name: 'longitude', type: 'DOUBLE', description: 'Longitude from the Coordinates cell ("lat, lon"), WGS84 degrees' },
  { name: 'unsd_grouping', type: 'VARCHAR', description: 'UNSD Geographical Grouping of the incident location ("Uncategorized" mostly at sea)' },
  { name: 'source_quality', type: 'INTEGER', description: 'MMP source-quality score 1–5 (scale defined in the MMP methodology)' },
  { name: 'information_source', type: 'VARCHAR', description: 'Information Source as published' },
  { name: 'url', type: 'VARCHAR', description: 'URL of the information source as published' },
  { name: 'source', type: 'VARCHAR', description: 'Source id' },
  { name: 'source_ref', type: 'VARCHAR', description: 'file:sheet:row of the record in the publisher\'s file' },
];

type EventRow = Record<string, string | number | boolean | null>;

/** What the aggregation needs from one record. Dead/missing are null when they cannot be known for the record. */
interface Incident {
  row: number;
  year: number;
  geo: string | null;
  route: string | null;
  cause: string;
  region: string;
  total: number;
  dead: number | null;
  missing: number | null;
}

function fail(t: RawTable, r: RawRow, column: string, problem: string): never {
  throw new PipelineError(t.at(r, column), problem);
}

/** A whole number that may be negative; used only where the publisher writes correction records. */
function signedCount(t: RawTable, r: RawRow, column: string): number | null {
  const c = t.get(r, column);
  if (isEmpty(c)) return null;
  const n = typeof c === 'number' ? c : typeof c === 'string' && /^-?\d+$/.test(c.trim()) ? Number(c.trim()) : NaN;
  if (!Number.isInteger(n)) fail(t, r, column, `unparseable count, found ${JSON.stringify(c)}`);
  return n;
}

/**
 * Missing persons; negative only on a correction record, which must then balance: Dead + Missing = Total
 * (the persons taken off "missing" are among this record's dead). Anything else is a defect.
 */
function missingCount(t: RawTable, r: RawRow, dead: number | null, total: number): number | null {
  const m = signedCount(t, r, COL.missing);
  if (m === null || m >= 0) return m;
  if (dead === null || dead + m !== total) {
    fail(t, r, COL.missing, `negative count that is not a balanced correction record (${COL.dead} + missing must equal ${COL.total}), found ${m}`);
  }
  return m;
}

/** Survivors; negative only on a correction record for survivors who later died, i.e. at most this record's dead. */
function survivorsCount(t: RawTable, r: RawRow, dead: number | null): number | null {
  const s = signedCount(t, r, COL.survivors);
  if (s === null || s >= 0) return s;
  if (dead === null || -s > dead) {
    fail(t, r, COL.survivors, `negative count that is not a correction record (survivors re-classified as dead cannot exceed ${COL.dead}), found ${s}`);
  }
  return s;
}

function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * The Incident Date text. Its year must be the Incident Year (the aggregates are by Incident Year, so a mismatch
 * would make the year ambiguous): that stops the build. A month that disagrees with the Month column is kept as
 * published and reported (in the 2024 download, mostly day and month swapped in one 2020 batch).
 */
function incidentDate(t: RawTable, r: RawRow, yr: number, month: number): { date: string | null; note: string | null; quality: QualityNote | null } {
  const s = text(t, r, COL.date);
  if (s === null) return { date: null, note: 'Incident Date blank in the source; year and month from Incident Year and Month', quality: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !isCalendarDate(s)) fail(t, r, COL.date, `expected a date YYYY-MM-DD, found ${JSON.stringify(s)}`);
  if (Number(s.slice(0, 4)) !== yr) fail(t, r, COL.date, `year of the date differs from ${COL.year} ${yr}, found ${JSON.stringify(s)}`);
  if (Number(s.slice(5, 7)) === month) return { date: s, note: null, quality: null };
  const monthName = text(t, r, COL.month);
  const msg = `Incident Date ${s} has month ${s.slice(5, 7)} but the Month column says ${monthName}; both kept as published`;
  return { date: s, note: msg, quality: { source: ID, source_ref: sourceRef(t.file, t.sheet, r.row), check: 'incident date vs month', message: msg } };
}

/** "lat, lon" as one text cell, strictly two plain decimals within range; a blank cell is unknown. */
function coordinates(t: RawTable, r: RawRow): { latitude: number; longitude: number } | null {
  const s = text(t, r, COL.coordinates);
  if (s === null) return null;
  const m = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)$/.exec(s);
  if (!m) fail(t, r, COL.coordinates, `expected "latitude, longitude", found ${JSON.stringify(s)}`);
  const latitude = Number(m[1]);
  const longitude = Number(m[2]);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) fail(t, r, COL.coordinates, `coordinates out of range, found ${JSON.stringify(s)}`);
  return { latitude, longitude };
}

function sourceQuality(t: RawTable, r: RawRow): number {
  const q = count(t, r, COL.quality);
  if (q === null || q < 1 || q > 5) fail(t, r, COL.quality, `expected a source-quality score 1–5, found ${JSON.stringify(t.get(r, COL.quality))}`);
  return q;
}

/** ISO3 of the country of incident, or a documented reason why the name is not a country; an undocumented name stops the build. */
function incidentGeo(t: RawTable, r: RawRow, input: NormalizeInput): { geo: string | null; note: string | null } {
  const name = requiredText(t, r, COL.country);
  const res = input.geo.resolveName(name, input.aliases);
  if (res === null) {
    fail(t, r, COL.country, `unknown country name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv with a geo code or a note saying why it is not a place`);
  }
  return 'geo' in res ? { geo: res.geo, note: null } : { geo: null, note: res.reason };
}

/**
 * Dead and missing of one record for summing. A blank part is Total minus the other (Total = Dead + Missing on
 * every record); a record whose published parts do not add up is published as is and reported.
 */
function partsForSums(t: RawTable, r: RawRow, dead: number | null, missing: number | null, total: number): { dead: number | null; missing: number | null; quality: QualityNote | null } {
  if (dead !== null && missing !== null) {
    if (dead + missing === total) return { dead, missing, quality: null };
    const message = `${COL.dead} ${dead} + ${COL.missing} ${missing} ≠ ${COL.total} ${total}; parts summed as published`;
    return { dead, missing, quality: { source: ID, source_ref: sourceRef(t.file, t.sheet, r.row), check: 'dead + missing = total', message } };
  }
  if (dead === null && missing === null) return total === 0 ? { dead: 0, missing: 0, quality: null } : { dead: null, missing: null, quality: null };
  const derived = total - (dead ?? missing)!;
  if (derived >= 0) return dead === null ? { dead: derived, missing, quality: null } : { dead, missing: derived, quality: null };
  const message = `${dead === null ? COL.missing : COL.dead} ${dead ?? missing} exceeds ${COL.total} ${total}; the other part cannot be derived`;
  return { dead, missing, quality: { source: ID, source_ref: sourceRef(t.file, t.sheet, r.row), check: 'dead + missing = total', message } };
}

/** Incident IDs are unique: a repeated record is quarantined if identical, and stops the build if it differs. */
function duplicateOf(t: RawTable, r: RawRow, seen: Map<string, RawRow>): number | null {
  const id = requiredText(t, r, COL.incidentId);
  const prior = seen.get(id);
  if (!prior) {
    seen.set(id, r);
    return null;
  }
  const same = t.columns.every((c) => JSON.stringify(t.get(prior, c)) === JSON.stringify(t.get(r, c)));
  if (same) return prior.row;
  throw new PipelineError(t.at(r, COL.incidentId), `duplicate key with conflicting values: Incident ID ${JSON.stringify(id)} also on row ${prior.row} with different cells`);
}

function readRecord(t: RawTable, r: RawRow, input: NormalizeInput, quality: QualityNote[]): { event: EventRow; incident: Incident } {
  const yr = year(t, r, COL.year);
  const month = Number(oneOf(t, r, COL.month, MONTHS));
  const date = incidentDate(t, r, yr, month);
  const total = count(t, r, COL.total);
  if (total === null) fail(t, r, COL.total, 'expected a value: the total of dead and missing is always filled by the publisher');
  const dead = count(t, r, COL.dead);
  const missing = missingCount(t, r, dead, total);
  const parts = partsForSums(t, r, dead, missing, total);
  const place = incidentGeo(t, r, input);
  const coords = coordinates(t, r);
  const route = text(t, r, COL.route);
  const cause = requiredText(t, r, COL.cause);
  const region = requiredText(t, r, COL.region);
  for (const q of [date.quality, parts.quality]) if (q) quality.push(q);
  const event: EventRow = {
    incident_id: requiredText(t, r, COL.incidentId),
    main_id: requiredText(t, r, COL.mainId),
    incident_type: requiredText(t, r, COL.type),
    region_of_incident: region,
    incident_date: date.date,
    date_note: date.note,
    year: yr,
    month,
    dead,
    missing,
    dead_and_missing: total,
    survivors: survivorsCount(t, r, dead),
    females: count(t, r, COL.females),
    males: count(t, r, COL.males),
    children: count(t, r, COL.children),
    country_of_origin: text(t, r, COL.origin),
    region_of_origin: text(t, r, COL.originRegion),
    cause_of_death: cause,
    country_of_incident: requiredText(t, r, COL.country),
    geo: place.geo,
    geo_note: place.note,
    migration_route: route,
    location: text(t, r, COL.location),
    latitude: coords?.latitude ?? null,
    longitude: coords?.longitude ?? null,
    unsd_grouping: text(t, r, COL.unsd),
    source_quality: sourceQuality(t, r),
    information_source: text(t, r, COL.info),
    url: text(t, r, COL.url),
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  };
  const incident: Incident = { row: r.row, year: yr, geo: place.geo, route, cause, region, total, dead: parts.dead, missing: parts.missing };
  return { event, incident };
}

interface Cell {
  geo: string;
  year: number;
  category: string;
  rows: number[];
  /** Rows of correction records (a negative missing), named when the cell's split cannot be published. */
  corrections: number[];
  total: number;
  dead: number;
  missing: number;
  /** False as soon as one record's dead/missing split is unknown. */
  partsKnown: boolean;
}

/** The breakdown cells a record belongs to: its country (if it is one), the world, its route, cause and region. */
function cellsOf(i: Incident): { geo: string; category: string }[] {
  const out = [{ geo: WORLD, category: 'total' }, { geo: WORLD, category: i.cause }, { geo: WORLD, category: `${REGION_PREFIX}${i.region}` }];
  if (i.geo !== null) out.unshift({ geo: i.geo, category: 'total' });
  if (i.route !== null) out.push({ geo: WORLD, category: i.route });
  return out;
}

function sumCells(incidents: Incident[]): Cell[] {
  const cells = new Map<string, Cell>();
  for (const i of incidents) {
    for (const { geo, category } of cellsOf(i)) {
      const key = `${geo}\u241f${i.year}\u241f${category}`;
      let c = cells.get(key);
      if (!c) {
        c = { geo, year: i.year, category, rows: [], corrections: [], total: 0, dead: 0, missing: 0, partsKnown: true };
        cells.set(key, c);
      }
      c.rows.push(i.row);
      if (i.missing !== null && i.missing < 0) c.corrections.push(i.row);
      c.total += i.total;
      if (i.dead === null || i.missing === null) c.partsKnown = false;
      else {
        c.dead += i.dead;
        c.missing += i.missing;
      }
    }
  }
  return [...cells.values()];
}

function cellLabel(c: Cell): string {
  return c.geo === WORLD ? (c.category === 'total' ? `world ${c.year}` : `${c.category} ${c.year}`) : `${c.geo} ${c.year}`;
}

function observationsOf(cells: Cell[], t: RawTable, partialYear: { year: number; note: string }, quality: QualityNote[]): Observation[] {
  const out: Observation[] = [];
  for (const c of cells) {
    const ref = sourceRefRows(t.file, t.sheet, c.rows);
    const note = c.year === partialYear.year ? partialYear.note : null;
    const obs = (indicator: string, value: number): Observation => ({
      domain: DOMAIN, indicator, geo: c.geo, year: c.year, sex: 'total', age: 'total', category: c.category, counterpart: null,
      value, unit: UNIT, censored: null, value_min: null, value_max: null, source: ID, source_ref: ref, note,
    });
    out.push(obs('smg_dead_missing', c.total));
    if (!c.partsKnown) continue;
    if (c.dead < 0 || c.missing < 0) {
      quality.push({
        source: ID,
        source_ref: sourceRefRows(t.file, t.sheet, c.corrections.length > 0 ? c.corrections : c.rows),
        check: 'dead / missing split of an aggregate',
        message:
          `${cellLabel(c)}: dead sums to ${c.dead} and missing to ${c.missing}: correction records in this cell move persons from missing to dead ` +
          `while the original record counting them as missing sits in another; smg_dead and smg_missing not published for this cell (smg_dead_missing is)`,
      });
      continue;
    }
    out.push(obs('smg_dead', c.dead), obs('smg_missing', c.missing));
  }
  return out.sort((a, b) => byCode(a.indicator, b.indicator) || byCode(a.geo, b.geo) || a.year - b.year || byCode(a.category, b.category));
}

/** Code-point order, so the output order does not depend on the machine's locale. */
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normalize(input: NormalizeInput): NormalizeOutput {
  const { table: t, ledger } = onlyTable(input, FILE);
  const quality: QualityNote[] = [];
  const seen = new Map<string, RawRow>();
  const events: EventRow[] = [];
  const incidents: Incident[] = [];
  for (const r of t.rows) {
    const dup = duplicateOf(t, r, seen);
    if (dup !== null) {
      ledger.quarantine(r, `exact duplicate of row ${dup}`, COL.incidentId, t.get(r, COL.incidentId));
      continue;
    }
    const { event, incident } = readRecord(t, r, input, quality);
    events.push(event);
    incidents.push(incident);
    ledger.emit(r);
  }
  const releaseYear = Number(input.manifest.release_date.slice(0, 4));
  const partialYear = { year: releaseYear, note: `partial year: the file covers incidents to ${input.manifest.release_date}` };
  const observations = observationsOf(sumCells(incidents), t, partialYear, quality);
  const table: EventTable = {
    name: 'migrant_incidents',
    title: 'Missing Migrants Project incident records',
    description:
      'One row per IOM Missing Migrants Project record (Incident ID) as published, with typed columns. Split incidents have one row per ' +
      'part (shared main_id); correction records carry negative missing or survivors. Sum dead_and_missing to count persons.',
    columns: EVENT_COLUMNS,
    rows: events,
  };
  return { observations, events: [table], quality };
}

const source: SourceModule = { id: ID, indicators: INDICATORS, normalize };
export default source;
