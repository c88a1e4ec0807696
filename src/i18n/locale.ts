import type { Locale } from '../charts/types.ts';
import { en } from './en.ts';

const CATALOGS: Record<string, Record<string, string>> = { en };

export const LANGS = Object.keys(CATALOGS);

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
