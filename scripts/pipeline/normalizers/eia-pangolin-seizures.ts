/**
 * EIA's pangolin seizure incidents, 2000–2019 (sheet INCIDENTS): one event row per incident, and yearly counts,
 * weights, animal estimates and routes per seizure country.
 *
 * The numeric columns are typed by hand and hold text. Every pattern found in the file is handled by name below;
 * anything else stops the build:
 * - ' ' (a space) and 'N/A' mean "not given" (empty);
 * - 'Y' in Scales weight = scales seized, weight not given; 'Y' in Carcass / Whole pangolins (and 'no exact number')
 *   = animals seized, number not given;
 * - censored counts: '>572' (more than 572), '55 (possibly more)' (at least 55 → '>=55'), '60 -120' (a range);
 * - weights typed with their unit ('556kg');
 * - coordinates with a non-breaking space around the number;
 * - Year as a range ('SPLIT 2015-2016', '2009-2015'); Date as text ('SPLIT 2014-2015');
 * - a place name typed into a C/UC (confirmed/unconfirmed) column ('Dubai', 'Hanoi Noi Bai').
 * Non-whole animal numbers occur (11.51 carcasses derived by EIA from 57.55 kg of meat): counts are kept as decimals.
 */
import { sourceRef, sourceRefRows, type ColumnDef, type EventTable, type IndicatorDef, type Observation } from '../model.ts';
import { onlyTable, type NormalizeInput, type NormalizeOutput, type QualityNote, type SourceModule } from '../source-module.ts';
import type { Cell, RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import { PipelineError } from '../errors.ts';
import { decimal, isEmpty, text } from '../values.ts';

const ID = 'eia-pangolin-seizures';
const FILE = 'Pangolin seizures_EIA_030919.xlsx';

/** Column names exactly as published (trailing spaces and line breaks included); repeats addressed as " (2)". */
const COL = {
  reference: 'Harvard Style Reference (for external sources), may be supported by other communications and sources',
  taxon: 'Taxon',
  incidentType: 'Type of Incident',
  location: 'Location',
  latitude: 'Latitude',
  longitude: 'Longitude',
  country: 'Country',
  name: 'Name of incident ',
  description: 'Description of incident',
  major: 'Major \r\n(= or > 500 kg weight / estimated weight /scales weight)',
  year: 'Year',
  date: 'Date',
  transit: 'Transit type',
  moc: 'Method of Concealment (MoC)',
  mocDescription: 'MoC Description ',
  origin: 'Origin',
  originCuc: 'Confirmed/unconfirmed',
  via: 'Via (coming from, before seized)',
  viaCuc: 'C/UC',
  outbound: 'Outbound (going to, before seized)',
  outboundCuc: 'C/UC (2)',
  destination: 'Destination',
  destinationCuc: 'C/UC (3)',
  carcass: 'Carcass number',
  live: 'Live number',
  whole: 'Whole pangolins (live + dead OR reported without details)',
  reportedKg: 'Reported weight (kg)',
  estimatedKg:
    'Estimated weight (kg) - If number of whole pangolins reported but weight not given, estimate 5 kg / pangolin \r\n(rough estimate; median weight for Asian species)',
  scalesKg: 'Scales weight (kg). Indicate "Y" if seized, but no weight given',
  estimatedAnimals:
    'Estimated number of pangolins from whole and/or scales together (for scales, rough estimate of 1 kg scales per 5 kg animal) REFERENCE: COLUMN AB OR COLUMN AE. (If scales co-occur with whole pangolins, judge on case-by-case basis but do not duplicate numbers)',
  extraDescription: 'Description (if necessary)',
  outcome: 'Outcome',
  outcomeDetails: 'Outcome details',
  outcomeUpdate: 'Update outcome reference',
} as const;

// ---------------------------------------------------------------------------------------------- cell parsers

function fail(t: RawTable, r: RawRow, column: string, cell: Cell, what: string): never {
  throw new PipelineError(t.at(r, column), `${what}, found ${JSON.stringify(cell instanceof Date ? cell.toISOString() : cell)}`);
}

/** How a hand-typed amount cell reads: a number, a censored number, or "present but not counted". */
interface Amount {
  value: number | null;
  censored: string | null;
  /** 'Y' / 'no exact number': the thing was seized but the publisher gives no number. */
  unknown: boolean;
}

type AmountPattern = 'present' | 'censored' | 'kg-suffix';

const NONE: Amount = { value: null, censored: null, unknown: false };
const MORE_THAN = /^>\s*(\d+)$/;
const AT_LEAST = /^(\d+)\s*\(possibly more\)$/;
const RANGE = /^(\d+)\s*-\s*(\d+)$/;
const WITH_KG = /^(\d+(?:\.\d+)?)\s*kg$/;
const PRESENT = new Set(['Y', 'no exact number']);

/** Reads one amount cell; `allowed` lists the documented text patterns this column may hold. */
function amount(t: RawTable, r: RawRow, column: string, allowed: AmountPattern[]): Amount {
  const cell = t.get(r, column);
  if (isEmpty(cell)) return NONE;
  if (typeof cell === 'number') return { ...NONE, value: decimal(t, r, column, { min: 0 }) };
  if (typeof cell !== 'string') fail(t, r, column, cell, 'unparseable amount');
  const s = cell.trim();
  if (/^-?\d+(\.\d+)?$/.test(s)) return { ...NONE, value: decimal(t, r, column, { min: 0 }) };
  if (allowed.includes('present') && PRESENT.has(s)) return { ...NONE, unknown: true };
  if (allowed.includes('censored')) {
    const more = MORE_THAN.exec(s);
    if (more) return { ...NONE, censored: `>${Number(more[1])}` };
    const least = AT_LEAST.exec(s);
    if (least) return { ...NONE, censored: `>=${Number(least[1])}` };
    const range = RANGE.exec(s);
    if (range && Number(range[1]) <= Number(range[2])) return { ...NONE, censored: `${Number(range[1])}-${Number(range[2])}` };
  }
  const kg = allowed.includes('kg-suffix') ? WITH_KG.exec(s) : null;
  if (kg) return { ...NONE, value: Number(kg[1]) };
  fail(t, r, column, cell, 'unparseable amount');
}

/** Latitude/longitude: a number (text with non-breaking spaces accepted), 'N/A' = not given; range-checked. */
function coordinate(t: RawTable, r: RawRow, column: string, limit: number): number | null {
  const cell = t.get(r, column);
  if (typeof cell === 'string' && cell.trim() === 'N/A') return null;
  const n = decimal(t, r, column);
  if (n !== null && Math.abs(n) > limit) fail(t, r, column, cell, `coordinate outside ±${limit}`);
  return n;
}

const YEAR_RANGE = /^(?:SPLIT )?(\d{4})-(\d{4})$/;

/** A four-digit year, or a documented range ('SPLIT 2015-2016', '2009-2015') kept as a note with no year. */
function incidentYear(t: RawTable, r: RawRow): { year: number | null; note: string | null } {
  const cell = t.get(r, COL.year);
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return { year: cell, note: null };
  if (typeof cell === 'string') {
    const s = cell.trim();
    if (/^\d{4}$/.test(s)) return { year: Number(s), note: null };
    const m = YEAR_RANGE.exec(s);
    if (m && Number(m[1]) < Number(m[2])) return { year: null, note: s };
  }
  fail(t, r, COL.year, cell, 'expected a four-digit year or a range such as "SPLIT 2015-2016"');
}

/** A date cell as ISO; the one documented text form ('SPLIT 2014-2015') becomes a note. */
function incidentDate(t: RawTable, r: RawRow): { date: string | null; note: string | null } {
  const cell = t.get(r, COL.date);
  if (cell === null) return { date: null, note: null };
  if (cell instanceof Date) return { date: cell.toISOString().slice(0, 10), note: null };
  if (typeof cell === 'string' && YEAR_RANGE.test(cell.trim())) return { date: null, note: cell.trim() };
  fail(t, r, COL.date, cell, 'expected a date or a range such as "SPLIT 2014-2015"');
}

/** C = confirmed, UC = unconfirmed; two cells hold a place name instead, which is kept as a note. */
const CUC: Record<string, boolean> = { C: true, UC: false };
const PLACE_IN_CUC = new Set(['Dubai', 'Hanoi Noi Bai']);

function confirmed(t: RawTable, r: RawRow, column: string, role: string, notes: string[]): boolean | null {
  const s = text(t, r, column);
  if (s === null) return null;
  const flag = CUC[s];
  if (flag !== undefined) return flag;
  if (PLACE_IN_CUC.has(s)) {
    notes.push(`the ${role} C/UC cell holds a place name (${JSON.stringify(s)}) instead of C or UC`);
    return null;
  }
  fail(t, r, column, t.get(r, column), 'expected C or UC');
}

const MAJOR: Record<string, boolean | null> = { Y: true, N: false, 'N/A': null };

function major(t: RawTable, r: RawRow): boolean | null {
  const s = text(t, r, COL.major);
  if (s === null) return null;
  const v = MAJOR[s];
  if (v === undefined) fail(t, r, COL.major, t.get(r, COL.major), 'expected Y, N or N/A');
  return v;
}

/** Transit labels differ only in case and spacing ('By road', 'By Road', 'by road'); one spelling each. */
const TRANSIT = new Set(['By road', 'By sea', 'By air', 'By river', 'By rail', 'By foot', 'By post', 'In luggage', 'Posted', 'Online', 'Unknown']);

function transitType(t: RawTable, r: RawRow): string | null {
  const s = text(t, r, COL.transit);
  if (s === null) return null;
  const label = s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  if (!TRANSIT.has(label)) fail(t, r, COL.transit, t.get(r, COL.transit), 'unknown transit type');
  return label;
}

// ---------------------------------------------------------------------------------------------- geography

type Places = { codes: string[]; notes: string[] };

/** A name through the source's aliases, then UN/ISO names; an alias must point at a known geography. */
function lookup(input: NormalizeInput, t: RawTable, r: RawRow, column: string, name: string): { geo: string } | { reason: string } | null {
  const res = input.geo.resolveName(name, input.aliases);
  if (res && 'geo' in res && !input.geo.has(res.geo)) {
    throw new PipelineError(t.at(r, column), `alias for ${JSON.stringify(name)} points at ${res.geo}, which is not in the geography table`);
  }
  return res;
}

function unknownPlace(t: RawTable, r: RawRow, column: string, part: string, whole: string): never {
  throw new PipelineError(
    t.at(r, column),
    `unknown place name ${JSON.stringify(part)}${part === whole ? '' : ` in ${JSON.stringify(whole)}`}; add it to data/reference/aliases/${ID}.csv`,
  );
}

/**
 * The countries a route cell names. The cell is looked up whole first ("Accra, Ghana" is an alias); otherwise it is
 * a list: split on ';' and ' and ', then on commas, and every part must be a known name.
 */
function routePlaces(input: NormalizeInput, t: RawTable, r: RawRow, column: string): Places {
  const raw = text(t, r, column);
  const out: Places = { codes: [], notes: [] };
  if (raw === null) return out;
  const add = (res: { geo: string } | { reason: string }) => {
    if ('geo' in res) {
      if (!out.codes.includes(res.geo)) out.codes.push(res.geo);
    } else out.notes.push(`${column} ${JSON.stringify(raw)}: ${res.reason}`);
  };
  const whole = lookup(input, t, r, column, raw);
  if (whole) {
    add(whole);
    return out;
  }
  for (const piece of raw.split(/;|\s+and\s+/).map((p) => p.trim()).filter((p) => p !== '')) {
    const res = lookup(input, t, r, column, piece);
    if (res) {
      add(res);
      continue;
    }
    for (const part of piece.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      add(lookup(input, t, r, column, part) ?? unknownPlace(t, r, column, part, raw));
    }
  }
  return out;
}

/** The country of seizure; 'Various' (multi-country operations) has no country and is noted, not dropped. */
function seizureCountry(input: NormalizeInput, t: RawTable, r: RawRow, notes: string[]): string | null {
  const name = text(t, r, COL.country);
  if (name === null) fail(t, r, COL.country, t.get(r, COL.country), 'expected a country');
  const res = lookup(input, t, r, COL.country, name);
  if (res === null) {
    throw new PipelineError(t.at(r, COL.country), `unknown country name ${JSON.stringify(name)}; add it to data/reference/aliases/${ID}.csv`);
  }
  if ('reason' in res) {
    notes.push(`country ${JSON.stringify(name)}: ${res.reason}`);
    return null;
  }
  return res.geo;
}

// ---------------------------------------------------------------------------------------------- one incident

const ROLES = ['origin', 'via', 'outbound', 'destination'] as const;
type Role = (typeof ROLES)[number];
const ROLE_COLUMNS: Record<Role, { place: string; cuc: string }> = {
  origin: { place: COL.origin, cuc: COL.originCuc },
  via: { place: COL.via, cuc: COL.viaCuc },
  outbound: { place: COL.outbound, cuc: COL.outboundCuc },
  destination: { place: COL.destination, cuc: COL.destinationCuc },
};

interface Incident {
  row: RawRow;
  geo: string | null;
  year: number | null;
  estimatedKg: number | null;
  scales: Amount;
  estimatedAnimals: number | null;
  routes: { role: Role; codes: string[]; confirmed: boolean | null }[];
  event: Record<string, string | number | boolean | null>;
}

function readIncident(input: NormalizeInput, t: RawTable, r: RawRow): Incident {
  const notes: string[] = [];
  const geo = seizureCountry(input, t, r, notes);
  const y = incidentYear(t, r);
  if (y.note) notes.push(`Year is a range (${JSON.stringify(y.note)}); not counted in any year`);
  const d = incidentDate(t, r);
  if (d.note) notes.push(`Date given as text (${JSON.stringify(d.note)})`);
  const latitude = coordinate(t, r, COL.latitude, 90);
  const longitude = coordinate(t, r, COL.longitude, 180);
  const carcass = amount(t, r, COL.carcass, ['present', 'censored']);
  const live = amount(t, r, COL.live, ['censored']);
  const whole = amount(t, r, COL.whole, ['present', 'censored']);
  const reportedKg = amount(t, r, COL.reportedKg, ['kg-suffix']).value;
  const estimatedKg = amount(t, r, COL.estimatedKg, []).value;
  const scales = amount(t, r, COL.scalesKg, ['present']);
  const estimatedAnimals = amount(t, r, COL.estimatedAnimals, []).value;

  const event: Incident['event'] = {
    reference: text(t, r, COL.reference),
    taxon: text(t, r, COL.taxon),
    incident_type: text(t, r, COL.incidentType),
    incident_name: text(t, r, COL.name),
    description: text(t, r, COL.description),
    location: text(t, r, COL.location),
    latitude,
    longitude,
    country: text(t, r, COL.country),
    geo,
    year: y.year,
    year_note: y.note,
    date: d.date,
    date_note: d.note,
    major_500kg: major(t, r),
    transit_type: transitType(t, r),
    concealment_method: text(t, r, COL.moc),
    concealment_description: text(t, r, COL.mocDescription),
  };
  const routes: Incident['routes'] = [];
  for (const role of ROLES) {
    const { place, cuc } = ROLE_COLUMNS[role];
    const places = routePlaces(input, t, r, place);
    const flag = confirmed(t, r, cuc, role, notes);
    notes.push(...places.notes);
    event[role] = text(t, r, place);
    event[`${role}_geo`] = places.codes.length > 0 ? places.codes.join(',') : null;
    event[`${role}_confirmed`] = flag;
    if (places.codes.length > 0) routes.push({ role, codes: places.codes, confirmed: flag });
  }
  Object.assign(event, {
    carcass_number: carcass.value,
    carcass_censored: carcass.censored,
    carcass_unknown_number: carcass.unknown,
    live_number: live.value,
    live_censored: live.censored,
    whole_number: whole.value,
    whole_censored: whole.censored,
    whole_unknown_number: whole.unknown,
    reported_weight_kg: reportedKg,
    estimated_weight_kg: estimatedKg,
    scales_weight_kg: scales.value,
    scales_seized_unknown_weight: scales.unknown,
    estimated_pangolins: estimatedAnimals,
    extra_description: text(t, r, COL.extraDescription),
    outcome: text(t, r, COL.outcome),
    outcome_details: text(t, r, COL.outcomeDetails),
    outcome_update_reference: text(t, r, COL.outcomeUpdate),
    note: notes.length > 0 ? notes.join('; ') : null,
    source: ID,
    source_ref: sourceRef(t.file, t.sheet, r.row),
  });
  return { row: r, geo, year: y.year, estimatedKg, scales, estimatedAnimals, routes, event };
}

// ---------------------------------------------------------------------------------------------- aggregation

/** Sums of hand-typed decimals (0.245 kg…) carry binary noise; six decimals is far below the data's precision. */
function tidySum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

function observation(
  t: RawTable,
  indicator: string,
  geo: string,
  year: number,
  rows: RawRow[],
  fields: Partial<Observation> & Pick<Observation, 'value' | 'unit'>,
): Observation {
  return {
    domain: 'wildlife',
    indicator,
    geo,
    year,
    sex: 'total',
    age: 'total',
    category: 'total',
    counterpart: null,
    censored: null,
    value_min: null,
    value_max: null,
    source: ID,
    source_ref: sourceRefRows(t.file, t.sheet, rows.map((r) => r.row)),
    note: null,
    ...fields,
  };
}

function groupBy<T>(items: T[], key: (x: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

function splitKey(k: string): { geo: string; year: number } {
  const [geo, year] = k.split('|');
  return { geo: geo!, year: Number(year) };
}

function countObservations(t: RawTable, cells: Map<string, Incident[]>): Observation[] {
  return [...cells].map(([k, list]) => {
    const { geo, year } = splitKey(k);
    return observation(t, 'wl_pangolin_seizures', geo, year, list.map((i) => i.row), { value: list.length, unit: 'incidents' });
  });
}

/**
 * Weight by kind of product. Scales marked 'Y' (seized, weight not given) make the total a lower bound: the
 * observation is censored '>=N' with N the sum of the known weights. With no known weight there is no observation.
 */
function weightObservations(t: RawTable, cells: Map<string, Incident[]>): Observation[] {
  const out: Observation[] = [];
  for (const [k, list] of cells) {
    const { geo, year } = splitKey(k);
    const whole = list.filter((i) => i.estimatedKg !== null);
    if (whole.length > 0) {
      const value = tidySum(whole.map((i) => i.estimatedKg!));
      out.push(observation(t, 'wl_pangolin_seized_kg', geo, year, whole.map((i) => i.row), { value, unit: 'kg', category: 'whole pangolins (EIA estimate)' }));
    }
    const known = list.filter((i) => i.scales.value !== null);
    const unknown = list.filter((i) => i.scales.unknown);
    if (known.length === 0) continue;
    const sum = tidySum(known.map((i) => i.scales.value!));
    const rows = [...known, ...unknown].map((i) => i.row);
    const fields: Partial<Observation> & Pick<Observation, 'value' | 'unit'> =
      unknown.length === 0
        ? { value: sum, unit: 'kg', category: 'scales' }
        : {
            value: null,
            unit: 'kg',
            category: 'scales',
            censored: `>=${sum}`,
            value_min: sum,
            note: `${unknown.length} of ${known.length + unknown.length} scale seizures have no weight ('Y'); the value is the sum of the known weights`,
          };
    out.push(observation(t, 'wl_pangolin_seized_kg', geo, year, rows, fields));
  }
  return out;
}

function animalObservations(t: RawTable, cells: Map<string, Incident[]>): Observation[] {
  const out: Observation[] = [];
  for (const [k, list] of cells) {
    const { geo, year } = splitKey(k);
    const known = list.filter((i) => i.estimatedAnimals !== null);
    if (known.length === 0) continue;
    const missing = list.length - known.length;
    out.push(
      observation(t, 'wl_pangolin_seized_animals', geo, year, known.map((i) => i.row), {
        value: tidySum(known.map((i) => i.estimatedAnimals!)),
        unit: 'pangolins',
        note: missing > 0 ? `${missing} of ${list.length} incidents have no EIA estimate and are not included` : null,
      }),
    );
  }
  return out;
}

/** One count per seizure country × year × role × named country; a seizure naming three via countries counts once for each. */
function routeObservations(t: RawTable, dated: Incident[]): Observation[] {
  const cells = new Map<string, { geo: string; year: number; role: Role; counterpart: string; hits: { row: RawRow; confirmed: boolean | null }[] }>();
  for (const i of dated) {
    for (const route of i.routes) {
      for (const code of route.codes) {
        const k = [i.geo, i.year, route.role, code].join('|');
        const cell = cells.get(k) ?? { geo: i.geo!, year: i.year!, role: route.role, counterpart: code, hits: [] };
        cell.hits.push({ row: i.row, confirmed: route.confirmed });
        cells.set(k, cell);
      }
    }
  }
  return [...cells.values()].map((c) => {
    const conf = c.hits.filter((h) => h.confirmed === true).length;
    const unconf = c.hits.filter((h) => h.confirmed === false).length;
    return observation(t, 'wl_pangolin_seizure_routes', c.geo, c.year, c.hits.map((h) => h.row), {
      value: c.hits.length,
      unit: 'incidents',
      category: c.role,
      counterpart: c.counterpart,
      note: `confirmed ${conf}, unconfirmed ${unconf}, not marked ${c.hits.length - conf - unconf}`,
    });
  });
}

function byKey(a: Observation, b: Observation): number {
  return (
    a.indicator.localeCompare(b.indicator) ||
    a.geo.localeCompare(b.geo) ||
    a.year - b.year ||
    a.category.localeCompare(b.category) ||
    (a.counterpart ?? '').localeCompare(b.counterpart ?? '')
  );
}

// ---------------------------------------------------------------------------------------------- checks

/** The Year column and the year of Date disagree on a few rows; published as is (Year wins), listed for review. */
function yearDateNotes(t: RawTable, incidents: Incident[]): QualityNote[] {
  return incidents
    .filter((i) => i.year !== null && typeof i.event['date'] === 'string' && Number(i.event['date'].slice(0, 4)) !== i.year)
    .map((i) => ({
      source: ID,
      source_ref: sourceRef(t.file, t.sheet, i.row.row),
      check: 'year-date',
      message: `Year ${i.year} but Date ${String(i.event['date'])}; the Year column is used for yearly counts`,
    }));
}

/** A row repeated cell for cell is one incident typed twice. */
function exactDuplicates(t: RawTable, ledger: FileLedger): Set<number> {
  const seen = new Map<string, number>();
  const dup = new Set<number>();
  for (const r of t.rows) {
    const key = JSON.stringify(r.cells.map((c) => (c instanceof Date ? c.toISOString() : c)));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, r.row);
    else {
      ledger.quarantine(r, `exact duplicate of row ${first}`);
      dup.add(r.row);
    }
  }
  return dup;
}

// ---------------------------------------------------------------------------------------------- module

const col = (name: string, type: ColumnDef['type'], description: string): ColumnDef => ({ name, type, description });

const EVENT_COLUMNS: ColumnDef[] = [
  col('reference', 'VARCHAR', "EIA's source citation (Harvard style): TRAFFIC Bulletin, Robin des Bois, news reports…"),
  col('taxon', 'VARCHAR', "Taxon as published ('Pangolin' or a species name)"),
  col('incident_type', 'VARCHAR', 'Type of incident as published (Seizure, Trial, Report, Arrests…)'),
  col('incident_name', 'VARCHAR', "EIA's one-line name of the incident"),
  col('description', 'VARCHAR', 'Description of the incident'),
  col('location', 'VARCHAR', 'Place of the incident as published'),
  col('latitude', 'DOUBLE', "Latitude as published; null where EIA wrote 'N/A'"),
  col('longitude', 'DOUBLE', "Longitude as published; null where EIA wrote 'N/A'"),
  col('country', 'VARCHAR', 'Country of seizure as published'),
  col('geo', 'VARCHAR', "ISO3 code of the country of seizure; null for multi-country operations (country 'Various')"),
  col('year', 'INTEGER', 'Year of the incident; null when EIA gives a range of years (see year_note)'),
  col('year_note', 'VARCHAR', "The published range when Year is not a single year, e.g. 'SPLIT 2015-2016'"),
  col('date', 'DATE', 'Date of the incident; 1 January or the 1st of a month often stands for an unknown day'),
  col('date_note', 'VARCHAR', 'The published text when Date is not a date'),
  col('major_500kg', 'BOOLEAN', "EIA's 'Major' flag: 500 kg or more (reported, estimated or scales weight); null when not marked"),
  col('transit_type', 'VARCHAR', "Transit type, spelling unified for case and spacing only ('by road', 'By Road' → 'By road')"),
  col('concealment_method', 'VARCHAR', 'Method of concealment as published'),
  col('concealment_description', 'VARCHAR', 'Description of the concealment as published'),
  ...ROLES.flatMap((role) => [
    col(role, 'VARCHAR', `${role === 'via' ? 'Via (coming from, before seized)' : role === 'outbound' ? 'Outbound (going to, before seized)' : role[0]!.toUpperCase() + role.slice(1)} as published (free text, often below country level)`),
    col(`${role}_geo`, 'VARCHAR', `Geo code(s) of the countries the ${role} text names, comma-separated (M49 region code for 'Africa'); null when none can be placed`),
    col(`${role}_confirmed`, 'BOOLEAN', `EIA's C/UC mark for the ${role}: true = confirmed, false = unconfirmed, null = not marked`),
  ]),
  col('carcass_number', 'DOUBLE', 'Carcasses (dead pangolins) as published; decimals occur where EIA derived a number from a weight'),
  col('carcass_censored', 'VARCHAR', "Censoring mark when the publisher gives a bound, e.g. '>572'"),
  col('carcass_unknown_number', 'BOOLEAN', "True where EIA marks carcasses as seized without a number ('Y', 'no exact number')"),
  col('live_number', 'DOUBLE', 'Live pangolins as published'),
  col('live_censored', 'VARCHAR', "Censoring mark, e.g. '>=55' for '55 (possibly more)'"),
  col('whole_number', 'DOUBLE', 'Whole pangolins (live + dead, or reported without details) as published'),
  col('whole_censored', 'VARCHAR', "Censoring mark, e.g. '60-120' for a published range"),
  col('whole_unknown_number', 'BOOLEAN', "True where EIA marks whole pangolins as seized without a number ('Y')"),
  col('reported_weight_kg', 'DOUBLE', 'Weight reported by the source, kg'),
  col('estimated_weight_kg', 'DOUBLE', "EIA's estimated weight of whole pangolins, kg (5 kg per animal when no weight was reported)"),
  col('scales_weight_kg', 'DOUBLE', 'Weight of scales seized, kg'),
  col('scales_seized_unknown_weight', 'BOOLEAN', "True where EIA marks scales as seized without a weight ('Y')"),
  col('estimated_pangolins', 'DOUBLE', "EIA's estimated number of pangolins from whole animals and/or scales (1 kg of scales ≈ one 5 kg animal); fractional for small scale seizures"),
  col('extra_description', 'VARCHAR', "EIA's 'Description (if necessary)'"),
  col('outcome', 'VARCHAR', 'Outcome as published (case not unified)'),
  col('outcome_details', 'VARCHAR', 'Outcome details as published'),
  col('outcome_update_reference', 'VARCHAR', 'Reference for an outcome update'),
  col('note', 'VARCHAR', 'What the pipeline could not take as published (year ranges, text dates, places that name no country…)'),
  col('source', 'VARCHAR', 'Source id'),
  col('source_ref', 'VARCHAR', 'file:sheet:row in the publisher\'s workbook'),
];

const COMMON_CAVEAT =
  'Compiled by EIA from public reports (media, TRAFFIC bulletins, government releases): a fraction of actual trade, shaped by enforcement and reporting effort, not a measure of trafficking volume. Incidents whose year is given as a range (e.g. "SPLIT 2015-2016", 10 rows) and multi-country operations (country "Various", 5 rows) are in the incident table but not in the yearly country figures.';

const indicator = (id: string, title: string, unit: string, definition: string, caveat: string, breakdowns: IndicatorDef['breakdowns']): IndicatorDef => ({
  id,
  domain: 'wildlife',
  title,
  unit,
  definition,
  caveat,
  breakdowns,
  derived: false,
  sources: [ID],
});

const source: SourceModule = {
  id: ID,
  indicators: [
    indicator(
      'wl_pangolin_seizures',
      'Pangolin seizure incidents recorded by EIA',
      'incidents',
      'Number of incidents in EIA’s pangolin seizure compilation, by country where the seizure took place and year. About 95% are seizures; the rest are trials, arrests or reports EIA logged with them.',
      COMMON_CAVEAT,
      [],
    ),
    indicator(
      'wl_pangolin_seized_kg',
      'Weight of pangolins and scales seized (EIA compilation)',
      'kg',
      'Sum over incidents of the weight seized, by country of seizure and year, separately for whole pangolins (EIA estimate: 5 kg per animal when no weight was reported) and for scales (weight as reported). The two are different measures and are not added.',
      `${COMMON_CAVEAT} Where scales were seized without a weight ('Y'), the value is a lower bound (censored '>=').`,
      ['category'],
    ),
    indicator(
      'wl_pangolin_seized_animals',
      'Pangolins seized, EIA estimate',
      'pangolins',
      'Sum over incidents of EIA’s estimated number of pangolins (whole animals, or scales converted at 1 kg of scales ≈ one 5 kg animal), by country of seizure and year.',
      `${COMMON_CAVEAT} A rough EIA derivation with fixed ratios; incidents without an estimate are left out (the note says how many).`,
      [],
    ),
    indicator(
      'wl_pangolin_seizure_routes',
      'Pangolin seizures by route country named',
      'incidents',
      'Number of incidents in which EIA names a country as origin, via (coming from), outbound (going to) or destination, by country of seizure and year; the named country is the counterpart. An incident naming several countries counts once for each; the counterpart can be the seizure country itself when a place inside it is named.',
      `${COMMON_CAVEAT} Routes are recorded for a minority of incidents and are mostly unconfirmed (the note gives the C/UC marks). Counts for different counterparts or roles must not be added.`,
      ['category', 'counterpart'],
    ),
  ],
  normalize(input: NormalizeInput): NormalizeOutput {
    const { table: t, ledger } = onlyTable(input, FILE);
    const duplicates = exactDuplicates(t, ledger);
    const incidents: Incident[] = [];
    for (const r of t.rows) {
      if (duplicates.has(r.row)) continue;
      incidents.push(readIncident(input, t, r));
      ledger.emit(r);
    }
    const dated = incidents.filter((i) => i.geo !== null && i.year !== null);
    const cells = groupBy(dated, (i) => `${i.geo}|${i.year}`);
    const observations = [
      ...countObservations(t, cells),
      ...weightObservations(t, cells),
      ...animalObservations(t, cells),
      ...routeObservations(t, dated),
    ].sort(byKey);
    const events: EventTable[] = [
      {
        name: 'pangolin_seizures',
        title: 'Pangolin seizure incidents (EIA), 2000–2019',
        description:
          'One row per incident in EIA’s compilation (sheet INCIDENTS), with the published text kept beside each parsed value. Censored and "seized but not counted" cells are marked, never turned into numbers.',
        columns: EVENT_COLUMNS,
        rows: incidents.map((i) => i.event),
      },
    ];
    return { observations, events, quality: yearDateNotes(t, incidents) };
  },
};
export default source;
