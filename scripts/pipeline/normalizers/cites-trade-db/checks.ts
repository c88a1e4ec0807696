/**
 * What quarantines a record, in the order it is checked (the first failing check decides, as the first failing cell
 * does in a row-by-row normalizer). The reasons use values.ts's wording. Everything here is a SQL predicate over the
 * cells of cells.ts and the typed cells of TYPED_SQL, so 23 million records are judged without leaving DuckDB.
 *
 * The pangolin extract stops on a bad cell (its 3,631 rows are curated); the full database's records are quarantined
 * one by one instead, with a ceiling on how many a file may lose (MAX_QUARANTINED_SHARE, index.ts).
 */
import { sqlText } from '../../stream/duckdb-session.ts';
import { APPENDIX, NOT_A_PLACE, PURPOSE_CODES, REPORTER, SOURCE_CODES } from '../cites-codes.ts';
import { blankSql, missingSql, PUBLISHED, type Cell } from './cells.ts';

export interface Check {
  /** The published column that decides; null for a blank row. */
  column: string | null;
  reason: string;
  /** SQL: true when the record fails. */
  fails: string;
  /** The cell recorded with the quarantined row. */
  cell: Cell | null;
}

/** The ENUM type of the ISO codes the geography table knows (made per session, see geo-codes.ts). */
export const ISO2_TYPE = 'cites_iso2';

const codes = (allowed: Record<string, string>) => Object.keys(allowed);
const inList = (values: string[]) => values.map(sqlText).join(', ');
const expectedOneOf = (values: string[]) => `expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;

const DECIMAL = `regexp_full_match(quantity_text, '-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?')`;
const THOUSANDS = `regexp_full_match(quantity_text, '-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?')`;
const PLACES = ['importer', 'exporter', 'origin'] as const;
export type Place = (typeof PLACES)[number];
/** The ENUM value of a place's cell (NULL when the geography table does not know the code). */
export const isoCell = (cell: Place) => `${cell}_iso`;

/**
 * The typed cells the checks and the event table share, computed once per record (inside a CASE, DuckDB would
 * compute a repeated expression again): year and quantity as numbers (the quantity is only trusted once its text is
 * known to be a plain or thousands-separated decimal), each place's code as the ENUM of known codes.
 */
export const TYPED_SQL = [
  `TRY_CAST(year_text AS INTEGER) AS year`,
  `TRY_CAST(replace(quantity_text, ',', '') AS DOUBLE) AS quantity`,
  ...PLACES.map((c) => `TRY_CAST(${c} AS ${ISO2_TYPE}) AS ${isoCell(c)}`),
].join(', ');

function required(cell: Cell): Check {
  return { column: PUBLISHED[cell], reason: 'expected a value', fails: missingSql(cell), cell };
}

function oneOf(cell: Cell, allowed: string[], optional: boolean): Check {
  const fails = `${cell} NOT IN (${inList(allowed)})`;
  return { column: PUBLISHED[cell], reason: expectedOneOf(allowed), fails: optional ? fails : `${cell} IS NULL OR ${fails}`, cell };
}

/** A blank place is allowed (not reported); XX and SU are documented non-places; anything else must be ISO. */
function place(cell: Place): Check {
  return {
    column: PUBLISHED[cell],
    reason: 'unknown ISO 3166-1 alpha-2 code',
    fails: `${cell} NOT IN (${inList(Object.keys(NOT_A_PLACE))}) AND ${isoCell(cell)} IS NULL`,
    cell,
  };
}

export function checks(published: string): Check[] {
  const releaseYear = Number(published.slice(0, 4));
  return [
    { column: null, reason: 'blank row', fails: blankSql, cell: null },
    required('id'),
    { column: PUBLISHED.year_text, reason: 'expected a four-digit year', fails: `year_text IS NULL OR NOT regexp_full_match(year_text, '[0-9]{4}')`, cell: 'year_text' },
    { column: PUBLISHED.year_text, reason: 'year out of range 1900–2100', fails: `year NOT BETWEEN 1900 AND 2100`, cell: 'year_text' },
    { column: PUBLISHED.year_text, reason: `year later than the file's own publication on ${published}`, fails: `year > ${releaseYear}`, cell: 'year_text' },
    oneOf('appendix', codes(APPENDIX), false),
    required('taxon'),
    required('term'),
    required('quantity_text'),
    { column: PUBLISHED.quantity_text, reason: 'unparseable number', fails: `NOT (${DECIMAL} OR ${THOUSANDS}) OR NOT coalesce(isfinite(quantity), false)`, cell: 'quantity_text' },
    { column: PUBLISHED.quantity_text, reason: 'negative value', fails: `quantity < 0`, cell: 'quantity_text' },
    place('importer'),
    place('exporter'),
    place('origin'),
    oneOf('purpose', codes(PURPOSE_CODES), true),
    oneOf('source_code', codes(SOURCE_CODES), true),
    oneOf('reporter_code', codes(REPORTER), false),
  ];
}

/** SQL: the number (1-based) of the first check the record fails, NULL when it passes them all. */
export function faultSql(list: Check[]): string {
  return `CASE ${list.map((c, i) => `WHEN ${c.fails} THEN ${i + 1}`).join(' ')} END::UTINYINT`;
}

/** SQL: the cell that decided the quarantine. */
export function faultCellSql(list: Check[]): string {
  const whens = list.flatMap((c, i) => (c.cell === null ? [] : [`WHEN ${i + 1} THEN ${c.cell}`]));
  return `CASE fault ${whens.join(' ')} END`;
}
