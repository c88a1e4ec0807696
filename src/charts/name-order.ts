/**
 * Names compared as `a.localeCompare(b, lang)` compares them, through one Intl.Collator per language: localeCompare
 * with a locale argument builds its collator on every call, ten times slower, which a map's sort of a few hundred
 * labels (every year's redraw) felt.
 */
const collators = new Map<string, Intl.Collator>();

export function nameOrder(lang: string): (a: string, b: string) => number {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang)));
  return c.compare;
}

/** English order, which the maps' ties and lists of names use whatever the page's language. */
export const compareNames = nameOrder('en');
