/**
 * Names for an uploaded CSV in SQL: the table's from the file's name, the columns' from the header. A name a query can
 * use without quotes (lower case, letters, digits, underscores, not starting with a digit) and unique, so a header
 * with "Value (€)" twice or an empty cell still gives a table. Pure.
 */

/** A user's table when the file's name gives nothing usable. */
export const DEFAULT_TABLE = 'my_data';

export function sqlName(text: string): string {
  const s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[0-9]/.test(s) ? `c_${s}` : s;
}

/** `name`, or `name_2`, `name_3`… whichever is not taken yet. */
function unique(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let i = 2; ; i++) if (!taken.has(`${name}_${i}`)) return `${name}_${i}`;
}

/**
 * The table's name from the file's: "Prison stats 2023.csv" → prison_stats_2023. A release table's name is never
 * taken (the release's `geo` stays the release's); another upload's may be, which replaces that upload.
 */
export function tableName(fileName: string, releaseTables: readonly string[]): string {
  const base = sqlName(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')) || DEFAULT_TABLE;
  return unique(base, new Set(releaseTables.map((t) => t.toLowerCase())));
}

/**
 * Column names from the header, in order. `fixed` gives some columns their name (the year column becomes `year`), and
 * `reserved` names are kept free for columns the workbench adds (`geo`); every other column gets its cleaned header,
 * or `column_<n>` (1-based) when that is empty, made unique in header order.
 */
export function columnNames(header: readonly string[], fixed: ReadonlyMap<number, string> = new Map(), reserved: readonly string[] = []): string[] {
  const taken = new Set<string>([...reserved, ...fixed.values()]);
  return header.map((h, i) => {
    const f = fixed.get(i);
    if (f !== undefined) return f;
    const name = unique(sqlName(h) || `column_${i + 1}`, taken);
    taken.add(name);
    return name;
  });
}
