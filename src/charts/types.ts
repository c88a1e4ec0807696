/** Shared shapes of the chart layer: data in, SVG + text alternative + data table out. */

export interface Locale {
  /** BCP 47 tag, e.g. 'en'. */
  lang: string;
  /** Message lookup from the catalog (src/i18n). */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** Locale-aware number formatting. */
  number: (n: number, digits?: number) => string;
}

/** A value as the release has it: a number, a censored range, or nothing (missing is not zero). */
export interface Value {
  value: number | null;
  censored: string | null;
  min: number | null;
  max: number | null;
  /** The publisher's row it was read from (`file:sheet:row`), where it is one row's value (a sum is not). */
  source_ref?: string;
}

/** One point of a time series. */
export interface SeriesPoint extends Value {
  /** The series' full name: the table's column heading and every mark's label. */
  series: string;
  year: number;
  /** A short name for legends and direct labels ("United Kingdom"); the full `series` stays in the table and labels. */
  short?: string;
  /** The release's note and source id, where the reader has them (build time): what series breaks are read from. */
  note?: string | null;
  source?: string | null;
}

/** One bar (ranked or grouped); `group` splits a stacked bar. */
export interface BarDatum extends Value {
  /** The full name: in the table and the mark's label. */
  label: string;
  key: string;
  group?: string;
  /** A short name drawn beside or under the bar ("DR Congo"); the full `label` stays in the table and the mark's label. */
  short?: string;
  /** The year the value is for, when bars can differ in year (e.g. each country's latest); shown with the value. */
  year?: number;
}

/** A period whose figure covers only part of it (e.g. a year reported to 15 November): drawn distinctly, with its note. */
export interface PartialPeriod {
  year: number;
  /** Why it is partial, e.g. "to 15 November 2024"; goes to the table and the description. */
  note: string;
}

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
  /**
   * A number that says which row it is (a point's latitude and longitude), not a value the chart draws: the chart's
   * CSV keeps it as a column of each line rather than writing it as a value of its own (src/export/chart-csv.ts).
   */
  identifies?: boolean;
}

export interface DataTable {
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
  /**
   * Per row, the publisher's file row (`source_ref`) of each cell that has one, by column key: the table then carries
   * it (a `data-ref` attribute) and a chart's CSV download cites each value's row (src/export/chart-csv.ts).
   */
  refs?: (Record<string, string> | null)[];
  /**
   * How the observatory computed the values that cite no publisher's row (a count of countries reporting, a sum over
   * them): the table says so (`data-derived`) and a chart's CSV writes `derived: <this>` as their source_ref, so a
   * computed value is declared as one, never left with a blank ref.
   */
  derived?: string;
}

/** The widths a chart is laid out for (layout.ts). */
export type LayoutName = 'narrow' | 'wide' | 'full';

export interface ChartLayout {
  name: LayoutName;
  svg: string;
}

/** What every chart function returns. */
export interface ChartOutput {
  /** The drawing (for a chart with several layouts, the wide one): one SVG that stands on its own. */
  svg: string;
  /** The auto-generated text alternative (used as the figure's aria description). */
  description: string;
  table: DataTable;
  /** The same chart laid out for each width a figure can have, narrowest first; the figure shows the one that fits. */
  layouts?: ChartLayout[];
  /**
   * The drawing laid out for paper, for a chart whose screen layouts would print their text under 8 pt once shrunk
   * to fit a page (a ranking of 40 countries): shown only in print, never on screen (layout.ts PRINT_MAX_HEIGHT).
   * `wide` for a figure across the page (print.css), `narrow` for one in half of it (a handout's two columns).
   */
  print?: { wide: string; narrow: string };
  /** Text drawn over `svg` at the page's pixel size, not scaled with the drawing (a map's place names). */
  overlay?: string;
  /** HTML under the drawing at its natural size (a map's legend and boundary disclaimer). */
  legend?: string;
}

/** Size of the drawing in viewBox units; see layout.ts for how it is shown. */
export interface Size {
  width: number;
  height: number;
}
