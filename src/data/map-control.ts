/**
 * What a page writes beside a world map (`data-map`) for its year control: written at build time by
 * src/data/map-figures.ts, read in the browser by src/client/map-figure.ts. Types only, shared by both sides.
 */
import type { MapClasses } from '../charts/colour-classes.ts';
import type { Frame } from '../charts/figure.ts';
import type { ProjectedPoint } from '../charts/point-map-draw.ts';

/** One measure a choropleth can show: the indicator, its view file, its years, its classes, its frame. */
export interface MeasureSpec {
  /** 'count' or 'rate' (per 100,000 population); the URL's `measure`. */
  id: string;
  label: string;
  indicator: string;
  unit: string;
  /** The map's title for each place's latest value, and for one year (`{year}` stands for it). */
  titles: { latest: string; year: string };
  /** The frame of the measure's maps (source, version, caveat…); title, subtitle and years follow the view. */
  frame: Frame;
  /** Classes shared by every year, so a colour means one number whatever the year (colour-classes.ts). */
  classes: MapClasses;
  /** Years with at least one value (or censored value) of a place on the map, ascending. */
  years: number[];
  /** The indicator's series view file in the release, and its size. */
  view: { path: string; bytes: number };
  /** The page listing every year's values. */
  yearsHref: string;
  /** Where a rate's population comes from (which source, and that no rate is made without one); null for counts. */
  note: string | null;
}

export interface ChoroplethControl {
  kind: 'choropleth';
  /** The chart's id inside the figure, and the URL parameter of its year. */
  chartId: string;
  measureParam?: string;
  /** The places the map draws, by code, with their names (countries and Kosovo with a value of any measure). */
  places: Record<string, string>;
  /** The page's own indicator first: the whole view the build drew. */
  measures: MeasureSpec[];
}

export interface FlowControl {
  kind: 'flows';
  chartId: string;
  indicator: string;
  dimension: string;
  /** The dimension's flows leave the reporting country (geo → counterpart). */
  outward: boolean;
  unit: string;
  /** The indicator's parts view file (its flows). */
  view: { path: string; bytes: number };
  years: number[];
  titles: { whole: string; year: string };
  frame: Frame;
  /** Widths shared by every single year: the largest flow of any year is drawn widest. */
  maxValue: number;
  top: number;
  /** Names of every place the flows name (full, and short where shorter), and the anchors of those with a shape. */
  names: Record<string, string>;
  shortNames: Record<string, string>;
  anchors: Record<string, [number, number]>;
  atlasNames: Record<string, string>;
  yearsHref: string;
}

/** A year's view of a point map: one small JSON file the build wrote (src/pages/data/[version]/points/[file].json.ts). */
export interface PointYearFile {
  year: number;
  /** The year's points (binned on their own where the map bins), already placed on the map's drawing. */
  points: ProjectedPoint[];
}

export interface PointControl {
  kind: 'points';
  /** The chart's id, and the URL parameter of its year. */
  chartId: string;
  unit: string;
  /** The map's accessible title (the SVG's) and the figure's title, each with `{year}` for one year. */
  titles: { chart: string; figure: string };
  /** The frame of the whole view; title, subtitle and years follow the year. */
  frame: Frame;
  /** The unit the subtitle names (the indicator's, as the whole view's subtitle). */
  subtitleUnit: string;
  /** Years with at least one dated event, ascending. */
  years: number[];
  /** Each year's view file (path from the site's root, content-hashed: the release folder is cached as immutable). */
  files: Record<string, { path: string; bytes: number }>;
  /** The largest value of any year: every year's circles are sized on it, so years compare. */
  maxValue: number;
  /** The largest value of the all-years view, which is sized on its own. */
  wholeMax: number;
  /** Located events without a single year: in the all-years view only, and said in every year's. */
  undated: number;
  yearsHref: string;
}

export type MapControl = ChoroplethControl | FlowControl | PointControl;

