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
}

/** One point of a time series. */
export interface SeriesPoint extends Value {
  series: string;
  year: number;
  source_ref?: string;
}

/** One bar (ranked or grouped); `group` splits a stacked bar. */
export interface BarDatum extends Value {
  label: string;
  key: string;
  group?: string;
}

export interface TableColumn {
  key: string;
  label: string;
  numeric?: boolean;
}

export interface DataTable {
  columns: TableColumn[];
  rows: Record<string, string | number | null>[];
}

/** What every chart function returns. */
export interface ChartOutput {
  svg: string;
  /** The auto-generated text alternative (used as the figure's aria description). */
  description: string;
  table: DataTable;
}

/** Size of the drawing; charts are responsive through viewBox. */
export interface Size {
  width: number;
  height: number;
}
