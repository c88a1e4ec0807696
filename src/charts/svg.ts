/** A minimal SVG/HTML string builder: the same output in Node at build time and in the browser. */

export type Attrs = Record<string, string | number | boolean | null | undefined>;
export type Child = string | null | undefined | false | Child[];

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;

export function escapeXml(s: string): string {
  // Most values (path data, numbers, names) have nothing to escape: tested first, they are returned as they are.
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => ESC[c]!) : s;
}

/** Numbers in coordinates are rounded to 0.1 px: smaller files, and stable snapshots. */
export function num(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

function attrs(a: Attrs): string {
  let out = '';
  for (const k of Object.keys(a)) {
    const v = a[k];
    if (v === null || v === undefined || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeXml(typeof v === 'number' ? num(v) : v)}"`;
  }
  return out;
}

function children(c: Child): string {
  if (c === null || c === undefined || c === false) return '';
  if (!Array.isArray(c)) return c;
  let out = '';
  for (const k of c) out += children(k);
  return out;
}

/** An element; text children must be escaped by the caller with `text()`. */
export function el(tag: string, a: Attrs = {}, ...kids: Child[]): string {
  const inner = children(kids);
  return inner === '' && tag !== 'script' && tag !== 'textarea' ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

export function text(s: string): string {
  return escapeXml(s);
}
