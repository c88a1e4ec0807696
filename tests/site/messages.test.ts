/**
 * The message catalog and the code agree: every key the source asks for (a literal `t('…')`) is in the English
 * catalog, and every key in the catalog is asked for by a literal `t('…')` somewhere in src/, or lies under one of the
 * prefixes that code builds keys from with template strings (DYNAMIC_KEY_PREFIXES, which must themselves be in use).
 * Keys under those prefixes are checked against their source: the domains' configuration (src/data/domains.ts).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { en } from '../../src/i18n/en.ts';
import { DYNAMIC_KEY_PREFIXES, makeLocale } from '../../src/i18n/locale.ts';
import { DOMAINS, domainText } from '../../src/data/domains.ts';

const SRC = join(import.meta.dirname, '../../src');
const CATALOG = join(SRC, 'i18n/en.ts');

const sources = readdirSync(SRC, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
  .map((e) => join(e.parentPath, e.name))
  .filter((f) => f !== CATALOG)
  .map((f) => ({ file: relative(SRC, f), text: readFileSync(f, 'utf8') }));

/** Literal keys of `t('…')` / `t("…")` / `locale.t('…')` calls (template strings are the dynamic ones). */
const T_CALL = /\bt\(\s*(['"])([^'"\n]+)\1/g;
/** The fixed start of a `t(`…${…}…`)` call. */
const T_TEMPLATE = /\bt\(\s*`([^`$]*)\$\{/g;

const called = sources.flatMap(({ file, text }) => [...text.matchAll(T_CALL)].map((m) => ({ file, key: m[2]! })));
const used = new Set(called.map((c) => c.key));
const templates = sources.flatMap(({ text }) => [...text.matchAll(T_TEMPLATE)].map((m) => m[1]!));

describe('message catalog', () => {
  it('finds the calls it checks (the scan works)', () => {
    expect(called.length).toBeGreaterThan(100);
    expect(called.some((c) => c.file.endsWith('.astro'))).toBe(true);
    expect(called.some((c) => c.file.startsWith('client/'))).toBe(true);
  });

  it('has every key the source asks for', () => {
    const missing = called.filter((c) => !(c.key in en)).map((c) => `${c.file}: ${c.key}`);
    expect(missing).toEqual([]);
  });

  it('has no key that no source file uses', () => {
    const dynamic = (key: string) => DYNAMIC_KEY_PREFIXES.some((p) => key.startsWith(p));
    const unused = Object.keys(en).filter((key) => !used.has(key) && !dynamic(key));
    expect(unused).toEqual([]);
  });

  it('lists only dynamic prefixes that code builds keys from', () => {
    const stale = DYNAMIC_KEY_PREFIXES.filter((p) => !templates.some((t) => t.startsWith(p)));
    expect(stale).toEqual([]);
    for (const p of DYNAMIC_KEY_PREFIXES) expect(Object.keys(en).some((k) => k.startsWith(p)), `keys under ${p}`).toBe(true);
  });

  it("has each domain's texts and the title keys its configuration names", () => {
    const locale = makeLocale('en');
    const missing: string[] = [];
    for (const d of DOMAINS) {
      for (const part of ['title', 'intro', 'headline'] as const) {
        if (!(`domain.${d.slug}.${part}` in en)) missing.push(`domain.${d.slug}.${part}`);
        else expect(domainText(d, part, locale)).not.toMatch(/^domain\./);
      }
      const keys = [
        ...d.breakdowns.map((b) => b.titleKey),
        ...(d.rankings ?? []).flatMap((r) => [r.titleKey, r.categoryKey]),
        ...(d.flows ?? []).map((f) => f.titleKey),
        ...(d.comparisons ?? []).map((c) => c.titleKey),
      ];
      missing.push(...keys.filter((k) => !(k in en)));
    }
    expect(missing).toEqual([]);
    // Nothing under domain.<slug>. for a slug that does not exist.
    const slugs = new Set(DOMAINS.map((d) => d.slug));
    const orphans = Object.keys(en).filter((k) => k.startsWith('domain.') && !slugs.has(k.split('.')[1]!));
    expect(orphans).toEqual([]);
  });

  it('fills parameters and keeps unknown ones visible', () => {
    const { t } = makeLocale('en');
    expect(t('home.allIndicators', { n: 88 })).toBe('All 88 indicators');
    expect(t('notice.problem', { param: 'geo' })).toBe('“geo={value}” ({reason})');
  });
});
