/**
 * A dashboard's redrawable trend: the places its picker offers and what the browser needs to redraw it (the Figure's
 * `control`). Shared by the dashboard and the trend's embed page, so an embed honours the same `?geo=`, years and `v`.
 */
import type { DomainSpec } from './domains.ts';
import { names, partialOf, run, seriesViewOf, trendBreaks, yearsOf } from './load.ts';
import { latestQuery } from './queries.ts';
import { indicatorDef } from '../lib/frames.ts';
import { pickerPlaces, type PlaceOption } from './picker-places.ts';

export interface DashboardTrend {
  years: [number, number];
  /** What the picker lists: the places offered, then those the indicator cannot draw (picker-places.ts). */
  geoOptions: PlaceOption[];
  control: Record<string, unknown>;
}

export async function dashboardTrend(spec: DomainSpec): Promise<DashboardTrend> {
  const years = yearsOf(spec.main);
  const nameMap = await names();
  // The picker offers every country with a value, and always the default countries (so their names are on the page).
  // Regions and the world are offered too where the publisher gives them (e.g. IOM's world total), never computed.
  const reporting = (await run(latestQuery(spec.main, years))).map((r) => String(r['geo']));
  const offered = [...new Set([...reporting, ...spec.trendGeos])].map((g) => ({ geo: g, name: nameMap.get(g) ?? g }));
  const geoOptions = await pickerPlaces(spec.main, offered);
  const breaks = await trendBreaks(spec.main, offered.map((g) => g.geo));
  const control = { kind: 'line', chartId: 'trend', indicator: spec.main, defaults: { geo: spec.trendGeos, years }, unit: indicatorDef(spec.main).unit, partial: partialOf(spec.main), breaks, view: seriesViewOf(spec.main) };
  return { years, geoOptions, control };
}
