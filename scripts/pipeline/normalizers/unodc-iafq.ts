/**
 * UNODC Illicit Arms Flows Questionnaire (dataUNODC long layout): arms seized, found and surrendered, ammunition,
 * parts, seizure cases, and persons in the criminal justice system for arms trafficking.
 *
 * Breakdowns. The export mixes several breakdowns of one event in a single column (`Dimension`). A chart that stacks
 * categories must only stack one breakdown, so each (event, breakdown) pair is its own indicator, whose categories
 * partition (at most) one total: `fa_arms_seized` (total + firearm type), `fa_arms_seized_by_location`,
 * `fa_arms_seized_by_tracing`, `…_by_marking`, `…_by_condition`, `…_by_justification`, `…_by_offence`; likewise for
 * found and surrendered. A breakdown's own "Total" row becomes its category 'total'.
 *
 * Quirks of this export, handled on purpose (see PROVENANCE.md and the tests):
 * - `by location` also carries the tracing-status table; its categories are split into `…_by_tracing`.
 * - `Arms seized / by location / Total` is the total of the location table or of the tracing table: the export
 *   files both under that one label (often twice per country-year, with different values), so it is quarantined.
 *   For found and surrendered there is no location table, so that row is the tracing table's total.
 * - Found and surrendered have no overall total; the total reported with the type breakdown is their headline total.
 * - `Arms surrendered / by marking / Surrendered` is that table's total.
 * - Two labels are given to two different quantities for the same country-year (COLLIDING_LABELS): a repeat with a
 *   different value cannot be attributed and both rows are quarantined; any other conflicting repeat stops the build.
 * - Spelling slips in five category labels are corrected for display (LABEL_FIXES); all other labels are as published.
 * - A 0 is published as given: the export does not distinguish a reported 0 from "not recorded" (note on the row).
 */
import type { DimensionDef, IndicatorDef, Observation } from '../model.ts';
import { indicatorDef, observationKey, sourceRef } from '../model.ts';
import type { NormalizeInput, NormalizeOutput, SourceModule } from '../source-module.ts';
import { onlyTable } from '../source-module.ts';
import type { RawRow, RawTable } from '../read-table.ts';
import type { FileLedger } from '../ledger.ts';
import type { GeoIndex } from '../reference/geo-index.ts';
import { DuplicateGuard } from '../duplicate-guard.ts';
import { PipelineError } from '../errors.ts';
import { count, oneOf, requiredText, text, year } from '../values.ts';
import { unodcAge, unodcGeo, unodcLabelColumns, unodcLabels, unodcSex } from './unodc-common.ts';
import { AMBIGUOUS_LOCATION_TOTAL, attributeLocationTotals } from './iafq-location-total.ts';

export { AMBIGUOUS_LOCATION_TOTAL };

const SOURCE = 'unodc-iafq';

/** Publisher label → display label, for obvious spelling or case slips only. */
export const LABEL_FIXES: Readonly<Record<string, string>> = {
  'rifle (Inlcuding Carbine)': 'rifle (including carbine)',
  'shotgun (Including Short Carbine)': 'shotgun (including short carbine)',
  'illicit posession': 'illicit possession',
  'unknown Status On Marking': 'unknown status on marking',
  'Illicit trafficking andIllicit possession/use of arms': 'Illicit trafficking and illicit possession/use of arms',
};

const TYPES = ['pistol', 'revolver', 'rifle (Inlcuding Carbine)', 'shotgun (Including Short Carbine)', 'submachine gun', 'machine gun', 'other weapons', 'Unknown status on type'];
const LOCATIONS = ['land borders', 'planes and airports', 'vessels and harbours', 'national territory', 'other', 'unknown'];
/**
 * The tracing table is a hierarchy: three subtotals (identifiability) and the parts of two of them. Each level is its
 * own dimension, so a subtotal is never stacked with its own parts.
 */
const IDENTIFIABILITY = [
  'Uniquely identifiable - total uniquely identifiable through marking',
  'Total not uniquely identifiable through marking',
  'Unknown status regarding marking',
];
const TRACING_OUTCOMES = [
  'Uniquely identifiable - from legitimate owner in national registry',
  'Uniquely identifiable - from illegitimate owner in national registry',
  'Uniquely identifiable - from illegitimate owner in foreign registry',
  'Uniquely identifiable - point of diversion otherwise identified',
  'Uniquely identifiable - tracing attempted, no point of diversion identified',
  'Uniquely identifiable - tracing procedure pending',
  'Uniquely identifiable - no tracing procedure initiated',
];
const NOT_IDENTIFIABLE_REASONS = [
  'Not uniquely identifiable - Erased or altered marking',
  'Not uniquely identifiable - Illicitly manufactured',
  'Not uniquely identifiable - No further information available',
];
const MARKINGS = ['uniquely marked', 'no marking', 'altered marking', 'unknown Status On Marking'];
const CONDITIONS = ['Industrially manufactured arms', 'Converted arms', 'Reactivated arms', 'Assembled arms', 'Modified arms', 'otherwise illicitly manufactured'];
const JUSTIFICATIONS = ['illicit trafficking', 'illicit posession', 'illicit use', 'illicit manufacture', 'Altered markings', 'other', 'unknown'];
const SUSPECTED_OFFENCES = ['Drug trafficking', 'Violent crime', 'Acts of terrorism', 'Other forms of organized crime', 'Illicit trafficking of firearms', 'Other arms offences', 'Other type of trafficking', 'Other'];
const ARREST_OFFENCES = [
  'Only for illicit trafficking in arms',
  'Illicit trafficking andIllicit possession/use of arms',
  'Illicit trafficking and other arms offences',
  'Illicit trafficking of arms and drug trafficking',
  'Illicit trafficking of arms and violent crime',
  'Illicit trafficking of arms and terrorism',
  'Illicit trafficking of arms and other types of trafficking',
  'Illicit trafficking of arms and other offences',
];

const SEIZED = 'Arms seized';
const FOUND = 'Arms found';
const SURRENDERED = 'Arms surrendered';
const ARRESTED_BY_OFFENCE = 'Individuals arrested/suspected';

/** The release's breakdowns (observations.dimension) of the IAFQ tables. */
export const DIM = {
  type: 'firearm type',
  location: 'place of seizure',
  identifiability: 'identifiability through marking',
  tracing: 'tracing outcome (uniquely identifiable)',
  notIdentifiable: 'why not identifiable',
  marking: 'marking',
  condition: 'condition',
  justification: 'legal justification',
  offence: 'other suspected offence',
  arrestOffence: 'offences',
} as const;

/**
 * Where a publisher's (Indicator, Dimension, Category) goes: an indicator, dimension and display category; the
 * ambiguous "Arms seized / by location / Total" (held until its parts are known, iafq-location-total.ts).
 */
type Route = { indicator: string; dimension: string; category: string } | { hold: 'seized-location-total' };

const key3 = (indicator: string, dimension: string, category: string) => `${indicator}\u241f${dimension}\u241f${category}`;

function buildRoutes(): Map<string, Route> {
  const routes = new Map<string, Route>();
  const add = (pub: string, published: string, categories: readonly string[], indicator: string, dimension: string) => {
    for (const c of categories) routes.set(key3(pub, published, c), { indicator, dimension, category: LABEL_FIXES[c] ?? c });
  };
  const total = (pub: string, published: string, label: string, indicator: string) =>
    routes.set(key3(pub, published, label), { indicator, dimension: 'total', category: 'total' });
  const tracing = (pub: string, indicator: string) => {
    add(pub, 'by location', IDENTIFIABILITY, indicator, DIM.identifiability);
    add(pub, 'by location', TRACING_OUTCOMES, indicator, DIM.tracing);
    add(pub, 'by location', NOT_IDENTIFIABLE_REASONS, indicator, DIM.notIdentifiable);
  };

  total(SEIZED, 'Total', 'Total', 'fa_arms_seized');
  add(SEIZED, 'by type', TYPES, 'fa_arms_seized', DIM.type);
  add(SEIZED, 'by location', LOCATIONS, 'fa_arms_seized_by_location', DIM.location);
  tracing(SEIZED, 'fa_arms_seized_by_tracing');
  routes.set(key3(SEIZED, 'by location', 'Total'), { hold: 'seized-location-total' });
  for (const [published, labels, indicator, dimension] of [
    ['by marking', MARKINGS, 'fa_arms_seized_by_marking', DIM.marking],
    ['by condition', CONDITIONS, 'fa_arms_seized_by_condition', DIM.condition],
    ['by legal justification of seizure', JUSTIFICATIONS, 'fa_arms_seized_by_justification', DIM.justification],
  ] as const) {
    add(SEIZED, published, labels, indicator, dimension);
    total(SEIZED, published, 'Total', indicator);
  }
  add(SEIZED, 'by other suspected offences', SUSPECTED_OFFENCES, 'fa_arms_seized_by_offence', DIM.offence);

  for (const [pub, base, markingTotal] of [
    [FOUND, 'fa_arms_found', 'Total'],
    [SURRENDERED, 'fa_arms_surrendered', 'Surrendered'],
  ] as const) {
    add(pub, 'by type', TYPES, base, DIM.type);
    total(pub, 'by type', 'Total', base);
    tracing(pub, `${base}_by_tracing`);
    total(pub, 'by location', 'Total', `${base}_by_tracing`);
    add(pub, 'by marking', MARKINGS, `${base}_by_marking`, DIM.marking);
    total(pub, 'by marking', markingTotal, `${base}_by_marking`);
  }

  for (const [pub, indicator] of [
    ['Ammunition seized', 'fa_ammunition_seized'],
    ['Parts and components seized', 'fa_parts_seized'],
    ['Instances/cases of seizures', 'fa_seizure_cases'],
    ['Individuals arrested/suspected for illicit trafficking in weapons', 'fa_persons_arrested'],
    ['Individuals prosecuted for illicit trafficking in weapons', 'fa_persons_prosecuted'],
    ['Individuals convicted for illicit trafficking in weapons', 'fa_persons_convicted'],
    ['Individuals targeted by criminal justice system due to illicit trafficking in weapons', 'fa_persons_targeted'],
  ] as const) {
    total(pub, 'Total', 'Total', indicator);
  }
  add(ARRESTED_BY_OFFENCE, 'by type of offences', ARREST_OFFENCES, 'fa_persons_arrested_by_offence', DIM.arrestOffence);
  return routes;
}

const ROUTES = buildRoutes();
const KNOWN_INDICATORS = new Set([...ROUTES.keys()].map((k) => k.split('\u241f')[0]!));
const KNOWN_DIMENSIONS = new Set([...ROUTES.keys()].map((k) => k.split('\u241f').slice(0, 2).join('\u241f')));

/**
 * Labels the export gives to two different quantities of one country-year (the questionnaire has two categories
 * there). A repeat with another value is quarantined; elsewhere such a repeat is a contradiction and stops the build.
 */
export const COLLIDING_LABELS: ReadonlySet<string> = new Set([
  key3(SEIZED, 'by condition', 'otherwise illicitly manufactured'),
  key3(ARRESTED_BY_OFFENCE, 'by type of offences', 'Illicit trafficking of arms and other types of trafficking'),
]);

/** An unknown indicator, dimension or category stops the build at the first cell that is not in the map. */
function route(t: RawTable, r: RawRow): { route: Route; label: string } {
  const pub = requiredText(t, r, 'Indicator');
  const dimension = requiredText(t, r, 'Dimension');
  const category = requiredText(t, r, 'Category');
  if (!KNOWN_INDICATORS.has(pub)) throw new PipelineError(t.at(r, 'Indicator'), `unmapped indicator ${JSON.stringify(pub)}; add it to the routes in unodc-iafq.ts`);
  if (!KNOWN_DIMENSIONS.has(`${pub}\u241f${dimension}`)) {
    throw new PipelineError(t.at(r, 'Dimension'), `unmapped dimension ${JSON.stringify(dimension)} for indicator ${JSON.stringify(pub)}; add it to the routes in unodc-iafq.ts`);
  }
  const label = key3(pub, dimension, category);
  const found = ROUTES.get(label);
  if (!found) {
    throw new PipelineError(t.at(r, 'Category'), `unmapped category ${JSON.stringify(category)} for ${JSON.stringify(pub)} ${JSON.stringify(dimension)}; add it to the routes in unodc-iafq.ts`);
  }
  return { route: found, label };
}

const ZERO_NOTE = '0 as reported: the export does not distinguish a reported 0 from "not recorded"';

/** The publisher's data-source code (IAFQ, IAFQ/SOF, ATF…) stays with the value; the file does not explain the codes. */
function noteFor(t: RawTable, r: RawRow, value: number): string {
  const code = text(t, r, 'Source');
  const parts = [code === null ? 'UNODC Source column empty' : `UNODC Source column: ${code}`];
  if (value === 0) parts.push(ZERO_NOTE);
  return parts.join('; ');
}

interface Candidate {
  row: RawRow;
  obs: Observation;
  label: string;
  /** A "by location / Total" row, attributed once the parts of both tables are known. */
  held: boolean;
}

/** Reads one row into an observation, or quarantines it; every cell is checked before any routing decision. */
function readRow(t: RawTable, r: RawRow, ledger: FileLedger, geoIndex: GeoIndex): Candidate | null {
  const geo = unodcGeo(t, r, ledger, geoIndex);
  if (geo === null) return null;
  oneOf(t, r, 'Unit of measurement', { Counts: 'Counts' });
  const sex = unodcSex(t, r);
  const age = unodcAge(t, r);
  const y = year(t, r, 'Year');
  const value = count(t, r, 'VALUE');
  if (value === null) throw new PipelineError(t.at(r, 'VALUE'), 'expected a value, found an empty cell');
  const { route: to, label } = route(t, r);
  const held = 'hold' in to;
  const target = held ? { indicator: 'fa_arms_seized_by_location', dimension: 'total', category: 'total' } : to;
  const def = INDICATOR_BY_ID.get(target.indicator)!;
  const obs: Observation = {
    domain: 'firearms',
    indicator: target.indicator,
    geo,
    year: y,
    sex,
    age,
    dimension: target.dimension,
    category: target.category,
    counterpart: null,
    value,
    unit: def.unit,
    censored: null,
    value_min: null,
    value_max: null,
    source: SOURCE,
    source_ref: sourceRef(t.file, t.sheet, r.row),
    note: noteFor(t, r, value),
    publisher: unodcLabels(t, r),
  };
  return { row: r, obs, label, held };
}

/** Keys of colliding labels whose repeats carry different values, with the rows involved. */
function conflictingCollisions(candidates: Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (!COLLIDING_LABELS.has(c.label)) continue;
    const k = observationKey(c.obs);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const out = new Map<string, Candidate[]>();
  for (const [k, g] of groups) if (new Set(g.map((c) => c.obs.value)).size > 1) out.set(k, g);
  return out;
}

function collisionReason(group: Candidate[]): string {
  const label = group[0]!.label.split('\u241f')[2];
  return (
    `conflicting repeat of label ${JSON.stringify(label)} for one country-year (rows ${group.map((c) => c.row.row).join(', ')}): ` +
    'the export gives two questionnaire categories this label, so neither value can be attributed'
  );
}

function normalize(input: NormalizeInput): NormalizeOutput {
  const file = input.manifest.files[0]!.name;
  const { table: t, ledger } = onlyTable(input, file);
  const candidates: Candidate[] = [];
  for (const r of t.rows) {
    const c = readRow(t, r, ledger, input.geo);
    if (c) candidates.push(c);
  }
  const conflicts = conflictingCollisions(candidates);
  const guard = new DuplicateGuard(t, 'VALUE');
  const observations: Observation[] = [];
  const admit = (c: Candidate, obs: Observation[]): void => {
    const prior = obs.map((o) => guard.admit(o, c.row)).find((p) => p !== null) ?? null;
    if (prior !== null) {
      ledger.quarantine(c.row, `exact duplicate of row ${prior}`, 'VALUE', c.obs.value);
      return;
    }
    observations.push(...obs);
    ledger.emit(c.row);
  };
  for (const c of candidates) {
    if (c.held) continue;
    const group = conflicts.get(observationKey(c.obs));
    if (group) ledger.quarantine(c.row, collisionReason(group), 'VALUE', c.obs.value);
    else admit(c, [c.obs]);
  }
  const held = candidates.filter((c) => c.held);
  const attributed = attributeLocationTotals(held.map((c) => c.obs), observations, {
    location: { indicator: 'fa_arms_seized_by_location', dimension: DIM.location },
    identifiability: { indicator: 'fa_arms_seized_by_tracing', dimension: DIM.identifiability },
    seizedTotal: 'fa_arms_seized',
  });
  held.forEach((c, i) => {
    const obs = attributed[i]!.observations;
    if (obs.length === 0) ledger.quarantine(c.row, AMBIGUOUS_LOCATION_TOTAL, 'Category', text(t, c.row, 'Category'));
    else admit(c, obs);
  });
  return { observations, events: [], quality: [] };
}

const VOLUNTARY =
  'Voluntary questionnaire: the set of reporting countries changes every year, so sums across countries are not comparable over time.';
const ZEROS = 'The export does not distinguish a reported 0 from "not recorded"; zeros are published as given.';
const PARTIAL = 'Breakdowns often cover only part of the total, and totals reported with different breakdowns can differ.';
const NOT_ADDED = 'Arms seized, found and surrendered are different events and are never added together.';

function def(
  id: string,
  title: string,
  unit: string,
  definition: string,
  caveats: string[],
  breakdowns: IndicatorDef['breakdowns'],
  dimensions: DimensionDef[] = [],
  packing?: string,
): IndicatorDef {
  return indicatorDef(SOURCE, 'firearms', {
    id, title, unit, definition, caveat: [VOLUNTARY, ZEROS, ...caveats].join(' '), breakdowns, dimensions, ...(packing ? { label_packing: packing } : {}),
  });
}

/**
 * The tracing table's labels pack its level with the outcome. The levels are already the release's three dimensions;
 * the categories stay as published, because the diff between releases matches values by category (a relabelled
 * category would read as every value removed and added again).
 */
const TRACING_PACKING =
  'UNODC files this table under Dimension "by location", beside the places of seizure, and each Category packs the level of the hierarchy with the outcome ("Uniquely identifiable - tracing procedure pending", "Not uniquely identifiable - Illicitly manufactured"). ' +
  `The level is the release's dimension: "${DIM.identifiability}" holds the three subtotals, "${DIM.tracing}" the "Uniquely identifiable - …" parts and "${DIM.notIdentifiable}" the "Not uniquely identifiable - …" ones. ` +
  "The categories keep the publisher's labels, prefix included, so that a label matches the file and a value keeps its key from release to release.";

const ARREST_PACKING =
  'Each category names a combination of offences ("Illicit trafficking of arms and drug trafficking"), under which a person is counted once. Split into single offences, a person would be counted under several, so each label stays whole.';

/** A breakdown whose categories are mutually exclusive (each firearm in one category), so they may be stacked. */
const exclusive = (...names: string[]): DimensionDef[] => names.map((name) => ({ name, exclusive: true }));
const TRACING_DIMENSIONS = exclusive(DIM.identifiability, DIM.tracing, DIM.notIdentifiable);

const EVENTS = [
  { id: 'fa_arms_seized', name: 'Firearms seized', what: 'Firearms seized by national authorities (IAFQ "Arms seized")' },
  { id: 'fa_arms_found', name: 'Firearms found', what: 'Firearms found by national authorities, e.g. abandoned or discovered without a seizure (IAFQ "Arms found")' },
  { id: 'fa_arms_surrendered', name: 'Firearms surrendered', what: 'Firearms voluntarily handed over to national authorities (IAFQ "Arms surrendered")' },
] as const;

function breakdownDefs(): IndicatorDef[] {
  const out: IndicatorDef[] = [];
  const seized = EVENTS[0];
  out.push(
    def(seized.id, `${seized.name} (total and by type of firearm)`, 'firearms',
      `${seized.what}. The total is the overall total ("Total / Total"; where a country-year has none, the place-of-seizure table's total, with a note); the breakdown is by firearm type (pistol, revolver, rifle…).`,
      [PARTIAL, NOT_ADDED], ['category'], exclusive(DIM.type)),
  );
  for (const e of EVENTS.slice(1)) {
    out.push(
      def(e.id, `${e.name} (total and by type of firearm)`, 'firearms',
        `${e.what}. The export has no overall total for this event: the total is the one reported with the breakdown by type; the breakdown is by firearm type.`,
        [PARTIAL, NOT_ADDED, 'Totals reported with the tracing or marking breakdowns are under those indicators and can differ.'], ['category'], exclusive(DIM.type)),
    );
  }
  out.push(
    def('fa_arms_seized_by_location', 'Firearms seized, by place of seizure', 'firearms',
      `${seized.what}, by where they were seized (land borders, planes and airports, vessels and harbours, national territory, other, unknown). The export files this table's total and the tracing table's under one label; a total is published only where it equals the sum of this table's parts.`,
      [PARTIAL, NOT_ADDED], ['category'], exclusive(DIM.location)),
  );
  for (const e of EVENTS) {
    const tracingTotal = e.id === 'fa_arms_seized'
      ? "The export files the tracing table's total and the location table's total under one label; a total is published only where it equals the sum of the identifiability subtotals."
      : 'The total is the one reported with this table.';
    out.push(
      def(`${e.id}_by_tracing`, `${e.name}, by identifiability and tracing status`, 'firearms',
        `${e.what}, by whether they are uniquely identifiable through marking (three subtotals: "${DIM.identifiability}"), the outcome of tracing for the uniquely identifiable ("${DIM.tracing}") and why the others are not identifiable ("${DIM.notIdentifiable}"); labels as published. The export lists these under its "by location" dimension. ${tracingTotal}`,
        [PARTIAL, NOT_ADDED, 'The three breakdowns are levels of one hierarchy: a subtotal and its own parts are never added together.'], ['category'], TRACING_DIMENSIONS, TRACING_PACKING),
      def(`${e.id}_by_marking`, `${e.name}, by marking`, 'firearms',
        `${e.what}, by marking status (uniquely marked, no marking, altered marking, unknown). The total is the one reported with this table${e.id === 'fa_arms_surrendered' ? ' (labelled "Surrendered" in the export)' : ''}.`,
        [PARTIAL, NOT_ADDED], ['category'], exclusive(DIM.marking)),
    );
  }
  out.push(
    def('fa_arms_seized_by_condition', 'Firearms seized, by condition', 'firearms',
      `${seized.what}, by condition (industrially manufactured, converted, reactivated, assembled, modified, otherwise illicitly manufactured). The total is the one reported with this table.`,
      [PARTIAL, NOT_ADDED, 'The export gives "otherwise illicitly manufactured" to two different quantities for many country-years; where the two values differ neither is published (see the quarantine list).'], ['category'], exclusive(DIM.condition)),
    def('fa_arms_seized_by_justification', 'Firearms seized, by legal justification of the seizure', 'firearms',
      `${seized.what}, by the legal ground of the seizure (illicit trafficking, possession, use, manufacture, altered markings, other, unknown). The total is the one reported with this table.`,
      [PARTIAL, NOT_ADDED], ['category'], exclusive(DIM.justification)),
    def('fa_arms_seized_by_offence', 'Firearms seized, by other suspected offence', 'firearms',
      `${seized.what}, by the other offence suspected in connection with the seizure (drug trafficking, violent crime, terrorism, organized crime…). No total row is published for this table.`,
      [PARTIAL, NOT_ADDED, 'A seizure may be linked to several offences; categories need not add up to the seized total.'], ['category'], [{ name: DIM.offence, exclusive: false }]),
  );
  return out;
}

const PERSONS_CAVEAT = 'Counts of persons by the stage of the criminal justice process; stages are different events and are not added.';

export const INDICATORS: IndicatorDef[] = [
  ...breakdownDefs(),
  def('fa_ammunition_seized', 'Ammunition seized', 'rounds of ammunition', 'Rounds of ammunition seized by national authorities (IAFQ "Ammunition seized").', [], []),
  def('fa_parts_seized', 'Parts and components seized', 'parts and components', 'Firearm parts and components seized by national authorities (IAFQ "Parts and components seized").', [], []),
  def('fa_seizure_cases', 'Seizure cases', 'seizure cases', 'Number of instances (cases) of firearm seizures (IAFQ "Instances/cases of seizures").', ['A case can involve many firearms; not comparable with the number of firearms seized.'], []),
  def('fa_persons_arrested', 'Persons arrested or suspected for illicit trafficking in weapons', 'persons',
    'Individuals arrested or suspected for illicit trafficking in weapons (IAFQ "Individuals arrested/suspected for illicit trafficking in weapons"), total and by sex.',
    [PERSONS_CAVEAT, 'A near-duplicate series broken down by type of offence is fa_persons_arrested_by_offence; the two are published separately and never added.'], ['sex']),
  def('fa_persons_arrested_by_offence', 'Persons arrested or suspected, by type of offence', 'persons',
    'Individuals arrested or suspected in connection with arms trafficking, by the combination of offences (IAFQ "Individuals arrested/suspected", by type of offences). No total row is published for this table.',
    [PERSONS_CAVEAT, 'Near-duplicate of fa_persons_arrested (which carries the total); never added to it.', 'The export gives "Illicit trafficking of arms and other types of trafficking" to two different quantities for some country-years; where the two values differ neither is published.'], ['category'], exclusive(DIM.arrestOffence), ARREST_PACKING),
  def('fa_persons_prosecuted', 'Persons prosecuted for illicit trafficking in weapons', 'persons',
    'Individuals prosecuted for illicit trafficking in weapons (IAFQ), total and by sex.', [PERSONS_CAVEAT], ['sex']),
  def('fa_persons_convicted', 'Persons convicted for illicit trafficking in weapons', 'persons',
    'Individuals convicted for illicit trafficking in weapons (IAFQ), total and by sex.', [PERSONS_CAVEAT], ['sex']),
  def('fa_persons_targeted', 'Persons targeted by the criminal justice system for illicit trafficking in weapons', 'persons',
    'Individuals targeted by the criminal justice system due to illicit trafficking in weapons (IAFQ), total and by sex.', [PERSONS_CAVEAT], ['sex']),
];

const INDICATOR_BY_ID = new Map(INDICATORS.map((d) => [d.id, d]));
for (const r of ROUTES.values()) {
  if ('indicator' in r && !INDICATOR_BY_ID.has(r.indicator)) throw new Error(`unodc-iafq: route to undefined indicator ${r.indicator}`);
}

/** IAFQ's label columns and what the release makes of each (catalog.json and the data page show it). */
const LABEL_COLUMNS = unodcLabelColumns({
  indicator: {
    release: 'indicator',
    how: 'Indicator and Dimension together choose the indicator: one per event and breakdown (fa_arms_seized, fa_arms_seized_by_location, fa_arms_seized_by_tracing, fa_arms_seized_by_marking…), one per persons series (fa_persons_arrested…).',
  },
  dimension: {
    release: 'dimension (and indicator)',
    how: "Total and by type → the event's own indicator (dimension 'total', 'firearm type'). by location holds two tables: places of seizure ('place of seizure') and the tracing hierarchy (…_by_tracing: 'identifiability through marking', 'tracing outcome (uniquely identifiable)', 'why not identifiable'). Every other breakdown → its indicator's one dimension.",
  },
  category: {
    release: 'category',
    how: "Total (and Surrendered under by marking) → 'total'; five spelling slips corrected for display (illicit posession → illicit possession…); every other label as published, prefixes included.",
  },
  sex: { release: 'sex', how: 'na (not applicable: arms, ammunition, parts) → total; Total, Female, Male, Unknown → total, female, male, unknown.' },
  age: { release: 'age', how: 'na → total; Total → total.' },
  unit: { release: 'unit', how: "Always Counts (checked); the release's unit is the indicator's: firearms, rounds of ammunition, parts and components, seizure cases or persons." },
  source: { release: 'note', how: "Also in note ('UNODC Source column: …'). The codes (IAFQ, IAFQ/SOF, ATF, UNODA…) are not explained in the file." },
});

const source: SourceModule = { id: SOURCE, indicators: INDICATORS, normalize, labelColumns: LABEL_COLUMNS };
export default source;
