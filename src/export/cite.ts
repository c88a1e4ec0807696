/**
 * Citations of a chart view or of a whole release, as a delegate pastes them: the original publisher(s) first (whose
 * numbers they are), the observatory second (which normalized them), then the data version, the permalink and the
 * date the reader accessed it. Pure (no DOM, no clock): the access date comes in as YYYY-MM-DD.
 * The styles are English-language reference formats, so their words are fixed here rather than translated.
 */

export interface CitedSource {
  publisher: string;
  title: string;
  /** The publisher's release date, YYYY-MM-DD (APA and BibTeX take its year). */
  released: string | null;
}

export interface CiteInput {
  /** A short key-safe id of what is cited: an indicator and figure, or "release". */
  id: string;
  /** The chart's title, or the release's. */
  title: string;
  sources: readonly CitedSource[];
  /** The observatory's name, e.g. "Crime Trends Observatory". */
  observatory: string;
  /** The data release version. */
  version: string;
  /** Absolute URL of the view (with its state and version). */
  permalink: string;
  /** YYYY-MM-DD. */
  accessed: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parseDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`citation: expected a date as YYYY-MM-DD, got ${JSON.stringify(iso)}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** "15 January 2025": unambiguous in every English-speaking country. */
export function dayMonthYear(iso: string): string {
  const { y, m, d } = parseDate(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "January 15, 2025", as APA 7 writes a retrieval date. */
function monthDayYear(iso: string): string {
  const { y, m, d } = parseDate(iso);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

const yearOf = (iso: string | null): string => (iso ? String(parseDate(iso).y) : 'n.d.');

/** "A", "A & B", "A, B, & C" (APA's list of authors). */
function apaList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, & ${names.at(-1)}`;
}

const endStop = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

/**
 * Plain style: "UNODC: Trafficking in Persons (2023). Chart “Detected victims”, in: Crime Trends Observatory, data
 * release 8de0ceeb623b. https://… (accessed 15 January 2025)."
 */
export function plainCitation(c: CiteInput): string {
  return plainWith(c, dayMonthYear(c.accessed));
}

/**
 * The plain citation of a page printed where no script could write the day it was accessed (a handout printed
 * without JavaScript): `when` says so in words, e.g. "on the date of printing".
 */
export function plainCitationUndated(c: Omit<CiteInput, 'accessed'>, when: string): string {
  return plainWith(c, when);
}

function plainWith(c: Omit<CiteInput, 'accessed'>, accessed: string): string {
  const sources = c.sources.map((s) => `${s.publisher}: ${s.title}${s.released ? ` (${yearOf(s.released)})` : ''}`).join('; ');
  return `${endStop(sources)} “${c.title}”, in: ${c.observatory}, data release ${c.version}. ${c.permalink} (accessed ${accessed}).`;
}

/**
 * APA 7, two references in one paragraph: each original data set ("Publisher. (Year). Title [Data set].") and then
 * the observatory's view of it, with its version and a retrieval date (APA asks for one when the page may change).
 */
export function apaCitation(c: CiteInput): string {
  const originals = c.sources.map((s) => `${endStop(s.publisher)} (${yearOf(s.released)}). ${s.title} [Data set].`);
  const year = yearOf(c.accessed);
  const observatory = `${endStop(c.observatory)} (${year}). ${c.title} (Version ${c.version}) [Data set]. Retrieved ${monthDayYear(c.accessed)}, from ${c.permalink}`;
  return [...originals, observatory].join(' ');
}

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field holds it: LaTeX's special characters escaped in one pass (so no escape is escaped again). */
export function bibtexEscape(text: string): string {
  return text.replace(/[\\{}%&$#_~^]/g, (ch) => BIBTEX_SPECIAL[ch]!);
}

/** A key BibTeX and biber accept everywhere: ASCII letters, digits, `_`, `-` and `:`. */
export function bibtexKey(c: Pick<CiteInput, 'id' | 'version'>): string {
  const safe = (s: string) => s.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return `cto:${safe(c.id)}:${safe(c.version)}`;
}

/**
 * BibTeX @misc (plain BibTeX has no data-set type): publishers and the observatory as corporate authors (each in
 * braces, so BibTeX never splits them into first and last names), the version in `version` and `note`, `url` as is
 * (biblatex reads it verbatim) and the same link in `howpublished` for classic BibTeX, where `%` must be escaped.
 */
export function bibtexCitation(c: CiteInput): string {
  const authors = [...c.sources.map((s) => s.publisher), c.observatory].map((a) => `{${bibtexEscape(a)}}`).join(' and ');
  const sources = c.sources.map((s) => `${s.publisher}: ${s.title}`).join('; ');
  const fields: [string, string][] = [
    ['author', authors],
    ['title', `{${bibtexEscape(c.title)}}`],
    ['year', yearOf(c.accessed)],
    ['version', bibtexEscape(c.version)],
    ['howpublished', `\\url{${c.permalink.replace(/[%#]/g, (ch) => `\\${ch}`)}}`],
    ['url', c.permalink],
    ['urldate', c.accessed],
    ['note', bibtexEscape(`Data release ${c.version}. Original data: ${sources}.`)],
  ];
  return `@misc{${bibtexKey(c)},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

export type CitationStyle = 'plain' | 'apa' | 'bibtex';

export function citation(style: CitationStyle, c: CiteInput): string {
  return style === 'plain' ? plainCitation(c) : style === 'apa' ? apaCitation(c) : bibtexCitation(c);
}
