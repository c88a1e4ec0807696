import type { Locale } from '../charts/types.ts';
import { en } from './en.ts';

const CATALOGS: Record<string, Record<string, string>> = { en };

export const LANGS = Object.keys(CATALOGS);

/**
 * Prefixes of the keys that code builds with template strings (`domain.${slug}.title`, `map.deg.${hemisphere}`), so
 * they appear nowhere as literal keys. tests/site/messages.test.ts accepts unused catalog keys only under these.
 */
export const DYNAMIC_KEY_PREFIXES: readonly string[] = ['domain.', 'map.deg.'];

/** Stands for a part of a message that a page wraps in markup: pass it as the parameter, then splitSlot the text. */
export const SLOT = '\uE000';

/**
 * A message split at its SLOT parameter, for a template that puts an element (a link, <code>) between the parts:
 * `const [before, after] = splitSlot(t('footer.release', { version: SLOT }))`. The word order stays the translator's.
 */
export function splitSlot(text: string): [string, string] {
  const i = text.indexOf(SLOT);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + SLOT.length)];
}

/** A Locale for charts and pages; unknown languages fall back to English, unknown keys show the key. */
export function makeLocale(lang = 'en'): Locale {
  const catalog = CATALOGS[lang] ?? en;
  const formats = new Map<number, Intl.NumberFormat>();
  const fmt = (digits: number) => {
    let f = formats.get(digits);
    if (!f) formats.set(digits, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits })));
    return f;
  };
  return {
    lang: CATALOGS[lang] ? lang : 'en',
    t(key, params = {}) {
      const template = catalog[key] ?? en[key] ?? key;
      return template.replace(/\{(\w+)\}/g, (_, k: string) => (k in params ? String(params[k]) : `{${k}}`));
    },
    number(n, digits) {
      const d = digits ?? (Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 1 ? 1 : 2);
      return fmt(d).format(n);
    },
  };
}
