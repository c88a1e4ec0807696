/**
 * The site search index: every dashboard, place with a page, M49 region, indicator and breakdown label of the release,
 * as the entries src/lib/search-rank.ts ranks. Pure: the build gathers the inputs (src/data/search-entries.ts) and
 * writes the result to /search-index.json, which the browser reads on the first keystroke.
 */
import type { SearchEntry } from './search-rank.ts';
import { searchKey } from './search-rank.ts';

export interface IndexInputs {
  domains: { slug: string; title: string; intro: string; main: string }[];
  places: { geo: string; name: string; names: string[]; context: string; href: string }[];
  regions: { m49: string; name: string; context: string; href: string }[];
  indicators: { id: string; title: string; unit: string; definition: string; domainTitle: string; dimensions: string[] }[];
  /** Labels of the categories of the indicators' breakdowns (not codes of places). */
  breakdowns: { indicator: string; dimension: string; category: string }[];
  synonyms: readonly { words: string; targets: readonly string[] }[];
  /** "{domain} · {unit}" and the like, from the message catalog. */
  text: { dashboard: string; indicatorContext: (domain: string, unit: string) => string; breakdownContext: (dimension: string, indicator: string) => string };
}

/** Words too common to tell entries apart; dropped from the weak terms to keep the index small. */
const STOP = new Set(
  'a an and are as at be by for from in into is it its of on or per that the their them they this to was were where which with not no only than then there these those each every one two has have had may can'.split(' '),
);

/** A text's distinct words worth matching, as one string. */
export function termsOf(...texts: string[]): string {
  const seen = new Set<string>();
  for (const t of texts) for (const w of searchKey(t).split(' ')) if (w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)) seen.add(w);
  return [...seen].join(' ');
}

/** Categories whose label says nothing by itself. */
const VAGUE = new Set(['other', 'others', 'unknown', 'unspecified', 'total']);

export function buildSearchIndex(input: IndexInputs): SearchEntry[] {
  const synonymsOf = (target: string) => input.synonyms.filter((s) => s.targets.includes(target)).map((s) => s.words);
  const indicatorTitle = new Map(input.indicators.map((i) => [i.id, i.title]));
  const entries: SearchEntry[] = [];

  for (const d of input.domains) {
    entries.push({ kind: 'dashboard', label: d.title, href: `/${d.slug}/`, context: input.text.dashboard, terms: termsOf(d.intro, ...synonymsOf(d.slug)) });
  }
  for (const p of input.places) {
    entries.push({ kind: 'country', label: p.name, href: p.href, context: p.context, ...(p.names.length > 0 ? { names: p.names } : {}) });
  }
  for (const r of input.regions) entries.push({ kind: 'region', label: r.name, href: r.href, context: r.context });
  for (const i of input.indicators) {
    entries.push({
      kind: 'indicator',
      label: i.title,
      href: `/indicator/${encodeURIComponent(i.id)}/`,
      context: input.text.indicatorContext(i.domainTitle, i.unit),
      terms: termsOf(i.definition, i.unit, i.domainTitle, ...i.dimensions, ...synonymsOf(i.id), ...input.breakdowns.filter((b) => b.indicator === i.id).map((b) => b.category)),
    });
  }

  // One entry per breakdown label and dimension, leading to the indicator a domain draws first where it is one of them.
  const mains = new Set(input.domains.map((d) => d.main));
  const byLabel = new Map<string, { dimension: string; category: string; indicators: string[] }>();
  for (const b of input.breakdowns) {
    if (VAGUE.has(searchKey(b.category))) continue;
    const key = `${b.dimension}\u0000${b.category}`;
    const at = byLabel.get(key);
    if (at) at.indicators.push(b.indicator);
    else byLabel.set(key, { dimension: b.dimension, category: b.category, indicators: [b.indicator] });
  }
  for (const { dimension, category, indicators } of byLabel.values()) {
    const target = indicators.find((i) => mains.has(i)) ?? indicators[0]!;
    const title = indicatorTitle.get(target) ?? target;
    entries.push({
      kind: 'breakdown',
      label: category,
      href: `/indicator/${encodeURIComponent(target)}/`,
      context: input.text.breakdownContext(dimension, title),
      // The dimension only: the indicator's title would make every label of a pangolin indicator a match for "pangolin".
      terms: termsOf(dimension),
    });
  }
  return entries;
}
