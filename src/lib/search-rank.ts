/**
 * Site search: the entries of the static index (built at build time, src/data/search-entries.ts) ranked against what
 * a reader types. Pure, so the browser and the tests rank alike; no SQL, nothing fetched.
 *
 * An entry matches when every word typed is found in it: as the start of a word of its name or other names (strong),
 * or of a word of its terms (definitions, breakdown labels, plain-word synonyms: weak), where a word also matches its
 * plain stem ("poaching" finds "poached"). Ranking, best first: the sum over the words typed (a whole name word 4, the
 * start or stem of one 3, a term 1); then the kind (dashboards, then places, then indicators, then breakdown labels);
 * then the shorter label, so that "Niger" comes before "Nigeria" and "Sudan" before "South Sudan".
 */

export type SearchKind = 'dashboard' | 'country' | 'region' | 'indicator' | 'breakdown';

export interface SearchEntry {
  kind: SearchKind;
  /** What the result shows. */
  label: string;
  href: string;
  /** A second line: a place's region, an indicator's domain and unit, a breakdown's indicator. */
  context?: string;
  /** Other names matched as strongly as the label (a country's former or common names, its ISO codes). */
  names?: string[];
  /** Words matched weakly, as one space-separated text. */
  terms?: string;
}

/** Lower case, no accents, one kind of apostrophe, punctuation as spaces: "Côte d’Ivoire" → "cote d'ivoire". */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

export function words(text: string): string[] {
  const key = searchKey(text);
  return key === '' ? [] : key.split(' ');
}

/** A crude English stem, enough for "poaching"/"poached", "routes"/"route", "counterfeits"/"counterfeit". */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(ings|ing|ed|es|s|e)$/, '');
}

/** An entry with its words worked out once. */
export interface PreparedEntry {
  entry: SearchEntry;
  nameWords: string[];
  nameStems: Set<string>;
  termWords: string[];
  termStems: Set<string>;
}

export function prepare(entries: readonly SearchEntry[]): PreparedEntry[] {
  return entries.map((entry) => {
    const nameKeys = [entry.label, ...(entry.names ?? [])].map(searchKey);
    const termWords = [...new Set(words(entry.terms ?? ''))];
    const nameWords = [...new Set(nameKeys.flatMap((k) => k.split(' ')))];
    return {
      entry,
      nameWords,
      nameStems: new Set(nameWords.map(stem)),
      termWords,
      termStems: new Set(termWords.map(stem)),
    };
  });
}

const KIND_ORDER: Readonly<Record<SearchKind, number>> = { dashboard: 4, country: 3, region: 3, indicator: 2, breakdown: 1 };

/** How well one typed word matches an entry: 4 a whole name word, 3 the start or the stem of one, 1 a term; 0 not at all. */
function wordScore(token: string, p: PreparedEntry): number {
  let best = 0;
  for (const w of p.nameWords) {
    if (w === token) return 4;
    if (w.startsWith(token)) best = 3;
  }
  const s = stem(token);
  if (best > 0 || p.nameStems.has(s)) return 3;
  if (p.termStems.has(s)) return 1;
  for (const w of p.termWords) if (w.startsWith(token)) return 1;
  return 0;
}

/** The score of an entry for the words typed (as searchKey gives them), or 0 when one of them is not found. */
function score(tokens: string[], p: PreparedEntry): number {
  let sum = 0;
  for (const t of tokens) {
    const s = wordScore(t, p);
    if (s === 0) return 0;
    sum += s;
  }
  return sum * 10 + KIND_ORDER[p.entry.kind];
}

/** The best `limit` entries for the typed text, best first; none for an empty text. */
export function rank(index: readonly PreparedEntry[], typed: string, limit = 10): SearchEntry[] {
  const tokens = words(typed);
  if (tokens.length === 0) return [];
  const scored: { p: PreparedEntry; s: number }[] = [];
  for (const p of index) {
    const s = score(tokens, p);
    if (s > 0) scored.push({ p, s });
  }
  scored.sort((a, b) => b.s - a.s || a.p.entry.label.length - b.p.entry.label.length || a.p.entry.label.localeCompare(b.p.entry.label));
  return scored.slice(0, limit).map((x) => x.p.entry);
}
