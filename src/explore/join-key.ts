/**
 * How an uploaded table joins the release: the column of country or area codes (ISO 3166 alpha-3, or UN M49
 * numeric, as the release's `geo` table lists them) and the column of years. Each code is mapped to the release's
 * own `geo` code (a country's ISO3, a region's M49) so `JOIN observations USING (geo, year)` works; codes that match
 * nothing are counted and listed, never dropped silently. Pure: cells and the geo table in, a plan out.
 */

/** One row of the release's `geo` table: its code, and the ISO3 and M49 codes that name it. */
export interface GeoCode {
  geo: string;
  iso3: string | null;
  m49: string | null;
}

export type CodeKind = 'iso3' | 'm49';

export interface JoinKey {
  /** Column index of the codes, and which kind they are; null when no column holds codes. */
  code: { index: number; kind: CodeKind } | null;
  /** Column index of the years; null when none. */
  year: number | null;
}

/**
 * A column is taken for codes when at least this share of its distinct values are known codes. Three letters that
 * are a country's ISO3 code are rarely anything else, and real files carry a few codes the release lacks (XKX, CHI);
 * small numbers are often M49 codes by chance (months, counts), so those need nearly all of them.
 */
export const CODE_SHARE: Record<CodeKind, number> = { iso3: 0.5, m49: 0.8 };
export const YEARS = { min: 1800, max: 2100 } as const;
/** How many unmatched codes the page lists (all are counted). */
export const UNMATCHED_LISTED = 50;

const YEAR_NAME = /year|^yr$|^period$|^time$/i;

interface Lookup {
  iso3: Map<string, string>;
  m49: Map<string, string>;
}

export function geoLookup(geo: readonly GeoCode[]): Lookup {
  const iso3 = new Map<string, string>();
  const m49 = new Map<string, string>();
  for (const g of geo) {
    if (g.iso3) iso3.set(g.iso3.toUpperCase(), g.geo);
    if (g.m49) m49.set(g.m49, g.geo);
  }
  return { iso3, m49 };
}

/** A cell as a code of this kind would be looked up: ISO3 upper-cased; M49 as three digits ("68" → "068"). */
export function codeOf(cell: string, kind: CodeKind): string | null {
  const s = cell.trim();
  if (kind === 'iso3') return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : null;
  return /^[0-9]{1,3}$/.test(s) ? s.padStart(3, '0') : null;
}

function distinct(cells: readonly string[]): string[] {
  const out = new Set<string>();
  for (const c of cells) if (c.trim() !== '') out.add(c.trim());
  return [...out];
}

/** Share of a column's distinct values that are known codes of this kind. */
function share(values: readonly string[], kind: CodeKind, lookup: Lookup): number {
  if (values.length === 0) return 0;
  const known = kind === 'iso3' ? lookup.iso3 : lookup.m49;
  let hits = 0;
  for (const v of values) {
    const c = codeOf(v, kind);
    if (c !== null && known.has(c)) hits++;
  }
  return hits / values.length;
}

function isYearColumn(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => /^[0-9]{4}$/.test(v) && Number(v) >= YEARS.min && Number(v) <= YEARS.max);
}

/**
 * The code column: the one whose distinct values are most often known codes (at least CODE_SHARE of them); ISO3
 * before M49 on a tie, then the leftmost. The year column: every value a year, a column named like a year first,
 * then the leftmost; never the code column.
 */
export function detectKey(header: readonly string[], columns: readonly (readonly string[])[], geo: readonly GeoCode[]): JoinKey {
  const lookup = geoLookup(geo);
  const values = columns.map(distinct);
  let code: JoinKey['code'] = null;
  let best = 0;
  values.forEach((v, index) => {
    for (const kind of ['iso3', 'm49'] as const) {
      const s = share(v, kind, lookup);
      if (s >= CODE_SHARE[kind] && s > best) {
        best = s;
        code = { index, kind };
      }
    }
  });
  const codeIndex = (code as JoinKey['code'])?.index ?? -1;
  const years = values.map((v, i) => (i !== codeIndex && isYearColumn(v) ? i : -1)).filter((i) => i >= 0);
  const year = years.find((i) => YEAR_NAME.test(header[i]!.trim())) ?? years[0] ?? null;
  return { code, year };
}

export interface Mapped {
  /** The release's geo code of each row; null where the cell is empty or matches nothing. */
  geo: (string | null)[];
  /** Distinct codes that matched nothing, in the order first seen: the first UNMATCHED_LISTED of them. */
  unmatched: string[];
  unmatchedCodes: number;
  unmatchedRows: number;
  /** Rows with no code at all. */
  emptyRows: number;
}

export function mapCodes(cells: readonly string[], kind: CodeKind, geo: readonly GeoCode[]): Mapped {
  const lookup = geoLookup(geo);
  const known = kind === 'iso3' ? lookup.iso3 : lookup.m49;
  const unmatched = new Set<string>();
  let unmatchedRows = 0;
  let emptyRows = 0;
  const out = cells.map((cell) => {
    const raw = cell.trim();
    if (raw === '') {
      emptyRows++;
      return null;
    }
    const c = codeOf(raw, kind);
    const g = c === null ? undefined : known.get(c);
    if (g === undefined) {
      unmatched.add(raw);
      unmatchedRows++;
      return null;
    }
    return g;
  });
  return { geo: out, unmatched: [...unmatched].slice(0, UNMATCHED_LISTED), unmatchedCodes: unmatched.size, unmatchedRows, emptyRows };
}
