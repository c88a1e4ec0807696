/**
 * The year and the measure a map shows, in the URL: `?map=2015&measure=rate&flows-0=2019`. Each map's year has its
 * own parameter (the chart's id); the choropleth's measure (count or rate per 100,000) has `measure`. Without them a
 * map shows its whole view: each place's latest value (a choropleth) or every year summed (a flow map), which the
 * URL may also name (`map=latest`, `flows-0=all`). Parsed strictly like the rest of the view state (url-state.ts):
 * a year that is not a year, or one the map has no values for, is reported with a typed reason and the map falls
 * back to its whole view; an unknown measure, to its first.
 */
import type { Problem } from './url-state.ts';

export interface MapSpace {
  /** The parameter of the map's year: the chart's id ('map', 'flows-0'). */
  param: string;
  /** What the map shows when no year is chosen: each place's latest value, or every year summed. */
  whole: 'latest' | 'all';
  /** The measures offered, the default first, each with the years it has values for (ascending). */
  measures: { id: string; years: readonly number[] }[];
  /** The parameter of the measure, when the map offers more than one. */
  measureParam?: string;
}

export interface MapChoice {
  /** The year shown; null for the whole view. */
  year: number | null;
  measure: string;
}

export function defaultChoice(space: MapSpace): MapChoice {
  return { year: null, measure: space.measures[0]?.id ?? '' };
}

/** The years a measure has values for. */
export function yearsOf(space: MapSpace, measure: string): readonly number[] {
  return space.measures.find((m) => m.id === measure)?.years ?? [];
}

/** The parameters a page's maps read, which the rest of its view state must not report as unknown. */
export function mapParams(spaces: readonly MapSpace[]): Set<string> {
  return new Set(spaces.flatMap((s) => [s.param, ...(s.measureParam ? [s.measureParam] : [])]));
}

/** The first value of `param`, and a problem for each later one that differs. */
function single(params: URLSearchParams, param: string): { value: string | undefined; problems: Problem[] } {
  const [value, ...rest] = params.getAll(param);
  return { value, problems: [...new Set(rest.filter((v) => v !== value))].map((v) => ({ param, value: v, reason: 'repeated' as const })) };
}

export function parseMapState(search: string | URLSearchParams, space: MapSpace): { choice: MapChoice; problems: Problem[] } {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const choice = defaultChoice(space);
  const problems: Problem[] = [];

  if (space.measureParam) {
    const m = single(params, space.measureParam);
    problems.push(...m.problems);
    if (m.value !== undefined) {
      if (space.measures.some((x) => x.id === m.value)) choice.measure = m.value;
      else problems.push({ param: space.measureParam, value: m.value, reason: 'unknown-measure', allowed: space.measures.map((x) => x.id) });
    }
  }

  const y = single(params, space.param);
  if (y.value !== undefined && y.value !== space.whole) {
    const years = yearsOf(space, choice.measure);
    if (!/^\d{4}$/.test(y.value.trim())) problems.push({ param: space.param, value: y.value, reason: 'bad-year' });
    else if (!years.includes(Number(y.value))) {
      problems.push({ param: space.param, value: y.value, reason: 'no-map-year', range: years.length ? [years[0]!, years[years.length - 1]!] : null });
    } else choice.year = Number(y.value);
  }
  problems.push(...y.problems);
  return { choice, problems };
}

/** The shortest parameters that reproduce the choice: the whole view and the first measure are left out. */
export function serializeMapChoice(choice: MapChoice, space: MapSpace): [string, string][] {
  const out: [string, string][] = [];
  if (choice.year !== null) out.push([space.param, String(choice.year)]);
  if (space.measureParam && choice.measure !== defaultChoice(space).measure) out.push([space.measureParam, choice.measure]);
  return out;
}

/**
 * The slider's positions for a measure: its years, then the whole view (right of the last year: the latest values
 * are the most recent the map can show). A position is an index; `choiceAt` and `positionOf` convert.
 */
export function positionOf(space: MapSpace, choice: MapChoice): number {
  const years = yearsOf(space, choice.measure);
  const i = choice.year === null ? -1 : years.indexOf(choice.year);
  return i < 0 ? years.length : i;
}

export function choiceAt(space: MapSpace, measure: string, position: number): MapChoice {
  const years = yearsOf(space, measure);
  const i = Math.round(position);
  return { year: i >= 0 && i < years.length ? years[i]! : null, measure };
}

/**
 * The year a Play step moves to: the next year with values; from the whole view or the last year, the first. Null
 * when there is nothing to step through.
 */
export function nextYear(space: MapSpace, choice: MapChoice): number | null {
  const years = yearsOf(space, choice.measure);
  if (years.length === 0) return null;
  const i = choice.year === null ? -1 : years.indexOf(choice.year);
  return i < 0 || i >= years.length - 1 ? years[0]! : years[i + 1]!;
}

/** Whether a Play that reached `year` has ended (the last year with values). */
export function isLastYear(space: MapSpace, choice: MapChoice): boolean {
  const years = yearsOf(space, choice.measure);
  return choice.year !== null && choice.year === years[years.length - 1];
}

/**
 * The same view in another measure: the same year when the measure has values for it, else the nearest year that
 * has (the later of two as near), so switching to rates never silently shows a different kind of view.
 */
export function withMeasure(space: MapSpace, choice: MapChoice, measure: string): MapChoice {
  if (choice.year === null) return { year: null, measure };
  const years = yearsOf(space, measure);
  if (years.length === 0) return { year: null, measure };
  let best = years[0]!;
  for (const y of years) if (Math.abs(y - choice.year) <= Math.abs(best - choice.year)) best = y;
  return { year: best, measure };
}
