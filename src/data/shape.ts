/** Query rows → chart inputs. Pure, so the build and the browser turn the same rows into the same marks. */
import type { BarDatum, SeriesPoint, Value } from '../charts/types.ts';
import type { ChoroplethDatum } from '../charts/choropleth.ts';
import type { FlowDatum } from '../charts/flow-map.ts';
import type { StackTotal } from '../charts/stacked-bar-chart.ts';
import { shortName } from '../i18n/short-names.ts';
import { summedRef } from '../charts/summed-ref.ts';

export type Row = Record<string, unknown>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function valueOf(r: Row): Value {
  const ref = str(r['source_ref']);
  return { value: num(r['value']), censored: str(r['censored']), min: num(r['value_min']), max: num(r['value_max']), ...(ref ? { source_ref: ref } : {}) };
}

/** The row's note and source id when the query returned them (build time; the view files have neither). */
function notesOf(r: Row): Pick<SeriesPoint, 'note' | 'source'> {
  return 'note' in r ? { note: str(r['note']), source: str(r['source']) } : {};
}

/** The full name for tables and tooltips, and the short one drawn on the chart when it differs. */
function namesOf(code: string, names: ReadonlyMap<string, string>): { name: string; short?: string } {
  const name = names.get(code) ?? code;
  const short = shortName(code, name);
  return short === name ? { name } : { name, short };
}

export function toSeries(rows: Row[], names: ReadonlyMap<string, string>): SeriesPoint[] {
  return rows.map((r) => {
    const { name, short } = namesOf(String(r['geo']), names);
    return { series: name, ...(short ? { short } : {}), year: Number(r['year']), ...valueOf(r), ...notesOf(r) };
  });
}

/** A year when the row has one (latest-year maps and bars: every mark says which year it shows). */
const yearOf = (r: Row): { year?: number } => (r['year'] === undefined || r['year'] === null ? {} : { year: Number(r['year']) });

export function toMapValues(rows: Row[], names: ReadonlyMap<string, string>): ChoroplethDatum[] {
  return rows.map((r) => {
    const geo = String(r['geo']);
    return { geo, label: names.get(geo) ?? geo, ...yearOf(r), ...valueOf(r) };
  });
}

export function toBars(rows: Row[], names: ReadonlyMap<string, string>, key = 'geo'): BarDatum[] {
  return rows.map((r) => {
    const k = String(r[key]);
    const { name, short } = namesOf(k, names);
    return { key: k, label: name, ...(short ? { short } : {}), ...yearOf(r), ...valueOf(r) };
  });
}

/** Breakdown rows (year, part, value…) of one dimension as stacked bars: one bar per year, one part per category. */
export function toStacks(rows: Row[], partLabel: (part: string) => string = (p) => p): BarDatum[] {
  return rows.map((r) => ({ key: String(r['year']), label: String(r['year']), year: Number(r['year']), group: partLabel(String(r['part'])), ...valueOf(r) }));
}

/** The publisher's own totals (series rows: year, value…) beside stacked parts: drawn as ticks, never added to them. */
export function toStackTotals(rows: Row[]): StackTotal[] {
  return rows.map((r) => ({ key: String(r['year']), ...valueOf(r) }));
}

/** Breakdown rows of one dimension as one series per category: parts compared side by side, never stacked. */
export function toPartSeries(rows: Row[], partLabel: (part: string) => string = (p) => p): SeriesPoint[] {
  return rows.map((r) => ({ series: partLabel(String(r['part'])), year: Number(r['year']), ...valueOf(r), ...notesOf(r) }));
}

/** Flow rows of one dimension by year (flowSeriesQuery) as one series per pair of places, "Nigeria → Italy". */
export function toFlowSeries(rows: Row[], names: ReadonlyMap<string, string>): SeriesPoint[] {
  const name = (code: string) => names.get(code) ?? code;
  return rows.map((r) => ({ series: `${name(String(r['origin']))} → ${name(String(r['destination']))}`, year: Number(r['year']), ...valueOf(r), ...notesOf(r) }));
}

/** Summed flows; a flow with suppressed parts becomes "at least" its exact sum (plus one per suppressed cell). */
export function toFlows(rows: Row[], names: ReadonlyMap<string, string>): FlowDatum[] {
  return rows.map((r) => {
    const from = String(r['origin']);
    const to = String(r['destination']);
    const exact = num(r['value']) ?? 0;
    const cells = Number(r['censored_cells'] ?? 0);
    const label = `${names.get(from) ?? from} → ${names.get(to) ?? to}`;
    // Every row summed, the suppressed ones too: they make the "at least" the flow states.
    const ref = r['source_refs'] === null || r['source_refs'] === undefined ? null : summedRef(String(r['source_refs']).split('\n'));
    const cited = ref ? { source_ref: ref } : {};
    if (cells === 0) return { from, to, value: exact, label, ...cited };
    return { from, to, value: null, censored: `≥${exact + cells}`, min: exact + cells, max: null, label, ...cited };
  });
}
