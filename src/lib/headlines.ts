/**
 * Each domain's headline trend on the home page: which series it is, and why, and how it is computed from the
 * release's rows. Pure: rows in, points out (src/data/headline-figures.ts asks the release, the home page draws).
 *
 * Only two domains have a series the publisher gives for the world or a region (looked up in the release: the
 * observations whose geo is of kind world or region). The other four have country figures only, from countries that
 * report in some years and not others, so a plain sum over "whoever reported" rises and falls with who reported
 * (IAFQ's firearms: 485,606 from 33 countries in 2020, 109,011 from 41 in 2021). Their headline is a stated
 * comparison instead, never called a world total:
 * - `panel`: the sum over the same countries in every year — those with a reported number in each year of a fixed
 *   span. A country with a suppressed count ("<5") in any year of the span is left out, since a suppressed count
 *   cannot be summed; so is one that skipped a year. The page says how many countries are in and how many are out.
 * - `pooled`: for sample surveys, failed ÷ tested over all samples of the countries reporting that year, with the
 *   number of countries and samples each year (the countries change; a share is less bent by that than a sum, and the
 *   page says that it describes the samples, not any market).
 * Spans are chosen by hand, from the coverage counts in the comment of each choice; a new release that shifts the
 * coverage should revisit them (tests/site/headlines.test.ts prints the panel sizes it finds).
 */
import type { Value } from '../charts/types.ts';
import { refOfSum } from '../charts/summed-ref.ts';

export type HeadlineChoice =
  /** A series the publisher itself gives for the world or a region (geo is its M49 code). */
  | { kind: 'publisher'; indicator: string; geo: string }
  /** Sum over the countries with a reported value in every year of `years` (inclusive). */
  | { kind: 'panel'; indicator: string; years: [number, number] }
  /** 100 × Σ numerator ÷ Σ denominator over the countries reporting both in the year. */
  | { kind: 'pooled'; numerator: string; denominator: string };

/** The headline of each domain, by the domain's slug (src/data/domains.ts). */
export const HEADLINES: Readonly<Record<string, HeadlineChoice>> = {
  // GLOTIP gives countries only. 2021 is incomplete (49 countries had reported it), so the span ends in 2020.
  // Countries with a number in every year: 2014–2020 59, 2012–2020 49, 2010–2020 40; seven years keep the most countries
  // for a span long enough to read a trend.
  'trafficking-in-persons': { kind: 'panel', indicator: 'tip_victims_detected', years: [2014, 2020] },
  // IOM's Missing Migrants Project gives a world total (geo 001) for every year 2014–2024; 2024 is partial (to 15 November).
  'migrant-smuggling': { kind: 'publisher', indicator: 'smg_dead_missing', geo: '001' },
  // IAFQ gives countries only, in rounds: 78 countries reported 2016 and 2017, 40 reported 2022, 1 reported 2023.
  // Every year 2016–2019: 29 countries (the United States 78% of the sum); 2016–2022: 10 countries (Colombia and Mexico
  // about half). The longer, more recent span is drawn, with its few countries said.
  firearms: { kind: 'panel', indicator: 'fa_arms_seized', years: [2016, 2022] },
  // The AfRSG/TRAFFIC report (via OWID) gives the continental total for Africa (geo 002), 2006–2017.
  wildlife: { kind: 'publisher', indicator: 'wl_rhinos_poached', geo: '002' },
  // USP's database covers 2 to 10 countries a year, rarely the same ones for long (at most 3 countries in every year of
  // 2005–2009, 5 in 2009–2011), too few for a panel; so its headline is the share of all samples tested that year that
  // failed, with the countries and samples behind each year.
  'falsified-medicines': { kind: 'pooled', numerator: 'med_samples_failed', denominator: 'med_samples_tested' },
  // UN-CTS gives countries only. Cyber-related fraud, every year 2017–2022: 27 countries (2018–2022: 28); unlawful
  // access has a shorter span (2016–2021: 28). Fraud is the larger and more recent series.
  cybercrime: { kind: 'panel', indicator: 'cyb_fraud_cyber', years: [2017, 2022] },
};

/** One reported row of a country (or of the publisher's world or region) and year, as the release has it. */
export interface ReportedValue {
  geo: string;
  year: number;
  value: number | null;
  censored: string | null;
  value_min?: number | null;
  value_max?: number | null;
  source_ref?: string | null;
}

/** One year of a headline series: its value (a number, a censored range or nothing) and what stands behind it. */
export interface HeadlinePoint extends Value {
  year: number;
  /** Countries whose values make the point (1 for a publisher's series: the world or the region). */
  countries: number;
  /** For a pooled share: the samples it is a share of. */
  base?: number;
  /** The year covers part of the period only (the catalog's partial periods). */
  partial: boolean;
}

export interface HeadlineSeries {
  points: HeadlinePoint[];
  /** The last year with a value that is not partial: the big number. */
  latest: HeadlinePoint | null;
  /** A panel's countries, by code. */
  members?: string[];
  /** Countries with some value in a panel's span that are not in it: a year missing, or a suppressed count. */
  leftOut?: { skipped: number; suppressed: number };
  /** The member with the largest value in the latest year, and its share of the sum there (0–1). */
  largest?: { geo: string; share: number };
}

const isNumber = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);

function latestOf(points: HeadlinePoint[]): HeadlinePoint | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i]!;
    if (!p.partial && isNumber(p.value)) return p;
  }
  return null;
}

/** The publisher's own series for one geography, as published (censored values stay censored). */
export function publisherSeries(rows: ReportedValue[], geo: string, partialYears: readonly number[]): HeadlineSeries {
  const partial = new Set(partialYears);
  const points = rows
    .filter((r) => r.geo === geo)
    .sort((a, b) => a.year - b.year)
    .map((r): HeadlinePoint => ({
      year: r.year,
      value: r.value,
      censored: r.censored,
      min: r.value_min ?? null,
      max: r.value_max ?? null,
      ...(r.source_ref ? { source_ref: r.source_ref } : {}),
      countries: 1,
      partial: partial.has(r.year),
    }));
  return { points, latest: latestOf(points) };
}

function yearsOf([from, to]: [number, number]): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The sum over the countries with a reported number in every year of the span. `rows` are countries' totals (the
 * caller leaves out regions and sub-national units, which would count a country twice).
 */
export function panelSeries(rows: ReportedValue[], span: [number, number], partialYears: readonly number[]): HeadlineSeries {
  const years = yearsOf(span);
  const inSpan = rows.filter((r) => r.year >= span[0] && r.year <= span[1]);
  const reported = new Map<string, Map<number, number>>();
  const refs = new Map<string, string | null>();
  const suppressed = new Set<string>();
  for (const r of inSpan) {
    if (isNumber(r.value)) {
      let byYear = reported.get(r.geo);
      if (!byYear) reported.set(r.geo, (byYear = new Map()));
      byYear.set(r.year, r.value);
      refs.set(`${r.geo}\u0000${r.year}`, r.source_ref ?? null);
    } else if (r.censored) suppressed.add(r.geo);
  }
  // A suppressed count leaves its year without a number, so a country with one is never a member.
  const members = [...reported].filter(([, byYear]) => years.every((y) => byYear.has(y))).map(([geo]) => geo).sort();
  const memberSet = new Set(members);
  const seen = new Set(inSpan.map((r) => r.geo));
  const outSuppressed = [...suppressed].filter((g) => !memberSet.has(g)).length;
  const partial = new Set(partialYears);
  const points = members.length === 0 ? [] : years.map((year): HeadlinePoint => {
    let sum = 0;
    for (const g of members) sum += reported.get(g)!.get(year)!;
    const ref = refOfSum(members.map((g) => refs.get(`${g}\u0000${year}`)));
    return { year, value: sum, censored: null, min: null, max: null, ...(ref ? { source_ref: ref } : {}), countries: members.length, partial: partial.has(year) };
  });
  const latest = latestOf(points);
  let largest: HeadlineSeries['largest'];
  if (latest && latest.value! > 0) {
    const [geo, v] = members.map((g) => [g, reported.get(g)!.get(latest.year)!] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
    largest = { geo, share: v / latest.value! };
  }
  return {
    points,
    latest,
    members,
    leftOut: { skipped: seen.size - members.length - outSuppressed, suppressed: outSuppressed },
    ...(largest ? { largest } : {}),
  };
}

/** The share failing of all samples tested in the year, over the countries that report both counts for it. */
export function pooledSeries(numerator: ReportedValue[], denominator: ReportedValue[], partialYears: readonly number[]): HeadlineSeries {
  const key = (r: ReportedValue) => `${r.geo}\u0000${r.year}`;
  const num = new Map(numerator.filter((r) => isNumber(r.value)).map((r) => [key(r), r]));
  const byYear = new Map<number, { num: number; den: number; countries: number; refs: (string | null | undefined)[] }>();
  for (const d of denominator) {
    const n = num.get(key(d));
    if (!isNumber(d.value) || n === undefined) continue;
    const acc = byYear.get(d.year) ?? { num: 0, den: 0, countries: 0, refs: [] };
    acc.num += n.value!;
    acc.den += d.value;
    acc.countries += 1;
    acc.refs.push(n.source_ref, d.source_ref);
    byYear.set(d.year, acc);
  }
  const partial = new Set(partialYears);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const points = years.length === 0 ? [] : yearsOf([years[0]!, years[years.length - 1]!]).map((year): HeadlinePoint => {
    const acc = byYear.get(year);
    const value = acc && acc.den > 0 ? (100 * acc.num) / acc.den : null;
    const ref = acc && value !== null ? refOfSum(acc.refs) : null;
    return { year, value, censored: null, min: null, max: null, ...(ref ? { source_ref: ref } : {}), countries: acc?.countries ?? 0, ...(acc ? { base: acc.den } : {}), partial: partial.has(year) };
  });
  return { points, latest: latestOf(points) };
}

/** The series of a choice from the rows of the indicators it names (keyed by indicator id). */
export function headlineSeries(choice: HeadlineChoice, rows: ReadonlyMap<string, ReportedValue[]>, partialYears: readonly number[]): HeadlineSeries {
  const of = (id: string) => rows.get(id) ?? [];
  switch (choice.kind) {
    case 'publisher':
      return publisherSeries(of(choice.indicator), choice.geo, partialYears);
    case 'panel':
      return panelSeries(of(choice.indicator), choice.years, partialYears);
    case 'pooled':
      return pooledSeries(of(choice.numerator), of(choice.denominator), partialYears);
  }
}

/** The indicators a choice reads. */
export function indicatorsOf(choice: HeadlineChoice): string[] {
  return choice.kind === 'pooled' ? [choice.numerator, choice.denominator] : [choice.indicator];
}
