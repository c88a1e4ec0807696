/**
 * The `_headers` file of Netlify and Cloudflare Pages, parsed, and the headers it gives a path. The semantics are
 * Cloudflare's, as its asset server implements them (workers-sdk, pages-shared/asset-server): every rule whose
 * pattern matches the path applies, in file order; `! Name` removes a header an earlier rule set; a header set again
 * by a later rule is appended (sent comma-joined). A pattern matches the whole path: `*` any characters (one per
 * pattern), `:name` one path segment. The limits are Cloudflare's too (100 rules, 2,000 characters a line), so a file
 * this accepts also deploys there.
 */

export interface HeaderRule {
  pattern: string;
  /** 1-based line of the pattern in the file. */
  line: number;
  set: [name: string, value: string][];
  unset: string[];
  matcher: RegExp;
}

export const MAX_RULES = 100;
export const MAX_LINE = 2000;

export class HeadersFileError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'HeadersFileError';
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function compilePattern(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[-/\\^$+?.()|[\]{}]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Parses a `_headers` file's text; `file` names it in errors (`_headers:12: …`). */
export function parseHeadersFile(text: string, file = '_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.length > MAX_LINE) throw new HeadersFileError(file, line, `line longer than ${MAX_LINE} characters`);
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!text.startsWith('/')) throw new HeadersFileError(file, line, `a rule's pattern must be a path starting with "/" (got "${text}")`);
      if (text.split('*').length > 2) throw new HeadersFileError(file, line, `a pattern may hold one "*" only (got "${text}")`);
      rules.push({ pattern: text, line, set: [], unset: [], matcher: compilePattern(text) });
      if (rules.length > MAX_RULES) throw new HeadersFileError(file, line, `more than ${MAX_RULES} rules`);
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new HeadersFileError(file, line, `a header comes before any path pattern`);
    if (text.startsWith('!')) {
      const name = text.slice(1).trim();
      if (!TOKEN.test(name)) throw new HeadersFileError(file, line, `"${text}" does not name a header to remove`);
      rule.unset.push(name.toLowerCase());
      return;
    }
    const colon = text.indexOf(':');
    const name = colon < 0 ? '' : text.slice(0, colon).trim();
    const value = colon < 0 ? '' : text.slice(colon + 1).trim();
    if (!TOKEN.test(name)) throw new HeadersFileError(file, line, `expected "Name: value" (got "${text}")`);
    if (value === '') throw new HeadersFileError(file, line, `header ${name} has no value`);
    rule.set.push([name.toLowerCase(), value]);
  });
  return rules;
}

/** The headers the rules give `pathname` (lower-case names, values comma-joined where set twice), in rule order. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const out = new Map<string, string>();
  const setByRules = new Set<string>();
  for (const rule of rules) {
    if (!rule.matcher.test(pathname)) continue;
    for (const name of rule.unset) out.delete(name);
    for (const [name, value] of rule.set) {
      const before = out.get(name);
      out.set(name, setByRules.has(name) && before !== undefined ? `${before}, ${value}` : value);
      setByRules.add(name);
    }
  }
  return out;
}
