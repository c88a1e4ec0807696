/**
 * An uploaded CSV as the table the workbench creates: its SQL name, each column's name, type and values, and how it
 * joins the release. The year column is called `year` and a `geo` column is added (the release's code for each row's
 * ISO3 or M49 code), so `JOIN observations USING (geo, year)` works as written; a header called "geo" of its own
 * becomes geo_2. Pure: the parsed file and the release's geo codes in, the plan out.
 */
import type { ColumnType } from './column-type.ts';
import { typedValues } from './column-type.ts';
import type { ParsedCsv } from './csv-stream.ts';
import { columnNames, tableName } from './upload-names.ts';
import { detectKey, mapCodes, type CodeKind, type GeoCode, type Mapped } from './join-key.ts';

export interface PlannedColumn {
  name: string;
  /** The header cell it came from; null for the added `geo`. */
  header: string | null;
  type: ColumnType;
  values: (string | number | null)[];
}

export interface UploadPlan {
  table: string;
  rows: number;
  columns: PlannedColumn[];
  /** The code column (by its header) and what its codes matched; null when no column holds codes. */
  codes: { header: string; kind: CodeKind; mapped: Mapped } | null;
  /** The year column's header; null when none. */
  year: string | null;
}

export function uploadPlan(fileName: string, parsed: ParsedCsv, geo: readonly GeoCode[], releaseTables: readonly string[]): UploadPlan {
  const key = detectKey(parsed.header, parsed.cells, geo);
  const fixed = new Map<number, string>(key.year === null ? [] : [[key.year, 'year']]);
  const names = columnNames(parsed.header, fixed, key.code ? ['geo'] : []);
  const columns: PlannedColumn[] = parsed.header.map((header, i) => {
    const type = parsed.types[i]!;
    return { name: names[i]!, header, type, values: typedValues(parsed.cells[i]!, type) };
  });
  let codes: UploadPlan['codes'] = null;
  if (key.code) {
    const mapped = mapCodes(parsed.cells[key.code.index]!, key.code.kind, geo);
    columns.push({ name: 'geo', header: null, type: 'VARCHAR', values: mapped.geo });
    codes = { header: parsed.header[key.code.index]!, kind: key.code.kind, mapped };
  }
  return {
    table: tableName(fileName, releaseTables),
    rows: parsed.rows,
    columns,
    codes,
    year: key.year === null ? null : parsed.header[key.year]!,
  };
}
