/**
 * Reads what a reader of a built page sees in its figures, from the HTML alone (no browser, no site code): a figure
 * (`figure.chart-figure`) found by the title in its h3, its text description (`#<figure-id>-desc`) and its data table
 * (`details.chart-table table`, or the link to the table's own page, `a[data-table-page]`, read with `tablePage`),
 * and any other table found by its caption. Columns are found by their header text,
 * never by position, so a column added or moved by a chart change does not shift what a test reads.
 */

export interface HtmlTable {
  caption: string;
  /** Header cells, as text. */
  columns: string[];
  /** Body rows, each a list of cell texts in column order. */
  rows: string[][];
  /**
   * Per column, whether it holds values the chart draws (a numeric header, `th.num`) rather than what names a row (a
   * label, a year, a point's coordinates: `data-identifies`).
   */
  valueColumns: boolean[];
  /**
   * Body rows' cells as the chart's CSV reads them: the publisher's row(s) each cites (`data-ref`, completed by the
   * table's `data-ref-prefix`), the exact value where the text rounds it (`data-value`), and whether it is "No data".
   */
  cells: HtmlCell[][];
  /** The table's statement of how the site computed the values that cite no row (`data-derived`), or null. */
  derived: string | null;
}

export interface HtmlCell {
  text: string;
  value: string | null;
  ref: string | null;
  missing: boolean;
}

export interface PageFigure {
  id: string;
  title: string;
  description: string;
  /** The table in the figure; empty when the figure links its table's own page instead. */
  table: HtmlTable;
  /** The page of the figure's table, when the table is not in the figure. */
  tableHref: string | null;
  /** The link's text ("Data table (2,029 rows), …"). */
  tableLink: string | null;
  /** The text of the figure's caveat and source line. */
  caveat: string;
  source: string;
}

/** A figure's table on a page of its own: its heading, caveat, source line, table and the link back to the figure. */
export interface TablePage {
  title: string;
  caveat: string;
  source: string;
  table: HtmlTable;
  /** Every link back to the figure (`p.back a`). */
  back: string[];
}

export type TextMatch = string | RegExp;

/** Content that is not markup a reader sees. */
const NOT_SHOWN = /<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<svg\b[\s\S]*?<\/svg>/gi;
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of a fragment of markup: tags dropped, entities decoded, white space collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(ENTITY, (_, dec?: string, hex?: string, name?: string) =>
      dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name!.toLowerCase()]!,
    )
    .replace(/\s+/g, ' ')
    .trim();
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** An attribute present, with or without a value (`<th data-identifies>`). */
function hasAttribute(attrs: string, name: string): boolean {
  return new RegExp(`(?:^|\\s)${name}(?:\\s|=|/|$)`, 'i').test(attrs);
}

function hasClass(attrs: string, cls: string): boolean {
  return (attribute(attrs, 'class') ?? '').split(/\s+/).includes(cls);
}

/**
 * The inner markup of every `<tag>` element carrying class `cls`, in page order. For elements that do not nest in
 * themselves (figure, table, details, article, p): the first closing tag ends the element.
 */
export function elementsWithClass(html: string, tag: string, cls: string): { attrs: string; inner: string }[] {
  const re = new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi');
  return [...html.replace(NOT_SHOWN, '').matchAll(re)].filter((m) => hasClass(m[1]!, cls)).map((m) => ({ attrs: m[1]!, inner: m[2]! }));
}

/** A cell's tag attributes and inner markup. `<td/>` is how the chart code writes an empty cell. */
function rawCells(row: string): { attrs: string; inner: string }[] {
  return [...row.matchAll(/<(t[hd])\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/gi)].map((m) => ({ attrs: m[2] ?? '', inner: m[3] ?? '' }));
}

function cellsOf(row: string): string[] {
  return rawCells(row).map((c) => textOf(c.inner));
}

/** An attribute's value with its entities decoded (white space kept: it may be part of a sheet's name). */
function decoded(value: string | null): string | null {
  return value === null ? null : value.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name!.toLowerCase()]!);
}

/** One `<table>` element's caption, header and body rows. */
export function parseTable(tableHtml: string): HtmlTable {
  const caption = textOf(/<caption\b[^>]*>([\s\S]*?)<\/caption>/i.exec(tableHtml)?.[1] ?? '');
  const prefix = decoded(attribute(/<table\b([^>]*)>/i.exec(tableHtml)?.[1] ?? '', 'data-ref-prefix'));
  const derived = decoded(attribute(/<table\b([^>]*)>/i.exec(tableHtml)?.[1] ?? '', 'data-derived'));
  const rows = [...tableHtml.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) => m[1]!);
  const head = rows.findIndex((r) => /<th\b/i.test(r) && !/<td\b/i.test(r));
  const body = rows.filter((_, i) => i !== head);
  // A ref holds its file when it has a ":"; rows alone ("14", "4-7,12") are under the table's prefix.
  const whole = (ref: string | null) => (ref === null ? null : ref.includes(':') || prefix === null ? ref : `${prefix}${ref}`);
  return {
    caption,
    columns: head < 0 ? [] : cellsOf(rows[head]!),
    rows: body.map(cellsOf),
    valueColumns: head < 0 ? [] : rawCells(rows[head]!).map((c) => hasClass(c.attrs, 'num') && !hasAttribute(c.attrs, 'data-identifies')),
    cells: body.map((r) => rawCells(r).map((c) => ({
      text: textOf(c.inner),
      value: decoded(attribute(c.attrs, 'data-value')),
      ref: whole(decoded(attribute(c.attrs, 'data-ref'))),
      missing: hasClass(c.attrs, 'missing'),
    }))),
    derived,
  };
}

/** Every table of a page (inside figures or not). */
export function pageTables(html: string): HtmlTable[] {
  return [...html.replace(NOT_SHOWN, '').matchAll(/<table\b[^>]*>[\s\S]*?<\/table>/gi)].map((m) => parseTable(m[0]));
}

function matches(text: string, want: TextMatch): boolean {
  return typeof want === 'string' ? text === want : want.test(text);
}

function only<T>(found: T[], what: string, want: TextMatch, known: string[]): T {
  if (found.length === 1) return found[0]!;
  const list = known.map((k) => `  - ${k}`).join('\n');
  throw new Error(`${found.length === 0 ? 'no' : `${found.length}`} ${what} ${String(want)}; the page has:\n${list}`);
}

/** Every chart figure of a page, with its description and data table. */
export function pageFigures(html: string): PageFigure[] {
  const shown = html.replace(NOT_SHOWN, '');
  return elementsWithClass(shown, 'figure', 'chart-figure').map(({ attrs, inner }) => {
    const id = attribute(attrs, 'id') ?? '';
    const title = textOf(/<h3\b[^>]*>([\s\S]*?)<\/h3>/i.exec(inner)?.[1] ?? '');
    const desc = [...inner.matchAll(/<p\b([^>]*)>([\s\S]*?)<\/p>/gi)].find((m) => attribute(m[1]!, 'id') === `${id}-desc`);
    const details = elementsWithClass(inner, 'details', 'chart-table')[0]?.inner ?? '';
    const table = /<table\b[^>]*>[\s\S]*?<\/table>/i.exec(details)?.[0];
    const link = /<a\b([^>]*\bdata-table-page\b[^>]*)>([\s\S]*?)<\/a>/i.exec(inner);
    return {
      id,
      title,
      description: textOf(desc?.[2] ?? ''),
      table: table ? parseTable(table) : { caption: '', columns: [], rows: [], valueColumns: [], cells: [], derived: null },
      tableHref: link ? attribute(link[1]!, 'href') : null,
      tableLink: link ? textOf(link[2]!) : null,
      caveat: textOf(elementsWithClass(inner, 'p', 'caveat')[0]?.inner ?? ''),
      source: textOf(elementsWithClass(inner, 'p', 'source')[0]?.inner ?? ''),
    };
  });
}

/** Reads a table page (src/charts/table-page.ts): what a reader of it sees. */
export function tablePage(html: string): TablePage {
  const shown = html.replace(NOT_SHOWN, '');
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/i.exec(shown)?.[1] ?? '';
  const tables = [...main.matchAll(/<table\b[^>]*>[\s\S]*?<\/table>/gi)];
  if (tables.length !== 1) throw new Error(`a table page holds one table; this one holds ${tables.length}`);
  return {
    title: textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(main)?.[1] ?? ''),
    caveat: textOf(elementsWithClass(main, 'p', 'caveat')[0]?.inner ?? ''),
    source: textOf(elementsWithClass(main, 'p', 'source')[0]?.inner ?? ''),
    table: parseTable(tables[0]![0]),
    back: elementsWithClass(main, 'p', 'back').map((p) => attribute(/<a\b([^>]*)>/i.exec(p.inner)?.[1] ?? '', 'href') ?? ''),
  };
}

/** Every figure whose title is (or matches) `title`. */
export function figuresByTitle(html: string, title: TextMatch): PageFigure[] {
  return pageFigures(html).filter((f) => matches(f.title, title));
}

/** The one figure whose title is (or matches) `title`; an error listing the page's titles when none or several are. */
export function figureByTitle(html: string, title: TextMatch): PageFigure {
  const all = pageFigures(html);
  return only(all.filter((f) => matches(f.title, title)), 'figures titled', title, all.map((f) => f.title));
}

/** The one table whose caption is (or matches) `caption`. */
export function tableByCaption(html: string, caption: TextMatch): HtmlTable {
  const all = pageTables(html);
  return only(all.filter((t) => matches(t.caption, caption)), 'tables captioned', caption, all.map((t) => t.caption));
}

/** Index of the one column whose header is (or matches) `header`. */
export function columnIndex(table: HtmlTable, header: TextMatch): number {
  const found = table.columns.flatMap((c, i) => (matches(c, header) ? [i] : []));
  return only(found, `columns headed`, header, table.columns);
}

/**
 * The label a row cell gives once a year annotation is taken off: "Kenya (2018)", "Kenya · 2018" → "Kenya";
 * "2024 partial" → "2024". Charts put a value's year beside its label where years can differ.
 */
export function bareLabel(cell: string): string {
  return cell
    .replace(/\s*(?:\((?:\d{4})\)|·\s*\d{4})$/, '')
    .replace(/^(\d{4})\b.*$/, '$1')
    .trim();
}

/** The year a row label carries ("Kenya (2018)", "Kenya · 2018"), or null. */
export function yearInLabel(cell: string): number | null {
  const m = /(?:\((\d{4})\)|·\s*(\d{4}))$/.exec(cell.trim());
  return m ? Number(m[1] ?? m[2]) : null;
}

/** The one row whose cell in column `key` is `label` once its year annotation is taken off. */
export function rowWhere(table: HtmlTable, key: TextMatch, label: string): string[] {
  const k = columnIndex(table, key);
  const found = table.rows.filter((r) => bareLabel(r[k] ?? '') === label);
  return only(found, `rows labelled`, label, table.rows.map((r) => r[k] ?? ''));
}

/** The cell of row `label` (in column `key`) under column `column`. */
export function cellAt(table: HtmlTable, key: TextMatch, label: string, column: TextMatch): string {
  return rowWhere(table, key, label)[columnIndex(table, column)] ?? '';
}

/**
 * The year a latest-value row shows: from a Year column where the table has one, else from the label
 * ("Kenya (2018)"); null when the row shows none.
 */
export function rowYear(table: HtmlTable, key: TextMatch, label: string): number | null {
  const row = rowWhere(table, key, label);
  const yearColumn = table.columns.findIndex((c) => /^year$/i.test(c));
  if (yearColumn >= 0 && /^\d{4}/.test(row[yearColumn] ?? '')) return Number(row[yearColumn]!.slice(0, 4));
  return yearInLabel(row[columnIndex(table, key)] ?? '');
}
