/**
 * A link check over a built site, read from disk as a static host would serve it: every internal `href`, `src` and
 * `data-href` (the go-to box's targets) of every HTML page must name a file of the site — `/path/` meaning
 * `/path/index.html`, query strings ignored — and a `#fragment` must name an id on the page it points to.
 * Links to other origins (and `mailto:`, `data:` …) are not followed: the site never fetches them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BrokenLink {
  /** The page the link is on, as a path of the site (e.g. `/country/KEN/`). */
  page: string;
  attribute: string;
  target: string;
  reason: 'no such file' | 'no such id';
}

export interface LinkReport {
  pages: number;
  /** Internal links checked (every occurrence, not distinct targets). */
  checked: number;
  broken: BrokenLink[];
}

const ORIGIN = 'http://site.invalid';
/** Content that is not markup: a URL-looking string inside it is not a link. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/gi;
const TAG = /<[a-zA-Z][\w:-]*\b([^>]*)>/g;
const LINK_ATTRIBUTE = /(?:^|\s)(href|src|data-href|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ID_ATTRIBUTE = /(?:^|\s)(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ENTITY = /&(?:#(\d+)|#x([\da-f]+)|(amp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : NAMED[name!.toLowerCase()]!,
  );
}

/** A percent-decoded path or fragment; a malformed escape stays as written (and then names nothing). */
function decodePercent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function htmlFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The site path a page file is served at: `a/index.html` at `/a/`, `404.html` at `/404.html`. */
export function pagePath(root: string, file: string): string {
  const path = `/${relative(root, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Every link-like attribute of a page's markup, decoded, in order. */
export function linksIn(html: string): { attribute: string; value: string }[] {
  const links: { attribute: string; value: string }[] = [];
  for (const tag of html.replace(NOT_MARKUP, '').matchAll(TAG)) {
    for (const a of tag[1]!.matchAll(LINK_ATTRIBUTE)) {
      links.push({ attribute: a[1]!.toLowerCase(), value: decodeEntities(a[2] ?? a[3] ?? a[4] ?? '') });
    }
  }
  return links;
}

export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const tag of html.replace(NOT_MARKUP, '').matchAll(TAG)) {
    for (const a of tag[1]!.matchAll(ID_ATTRIBUTE)) ids.add(decodeEntities(a[1] ?? a[2] ?? a[3] ?? ''));
  }
  return ids;
}

/** The file a site path is served from, or null: `/a/` is `a/index.html`; `/a` is the file `a`, or `a/index.html` (hosts redirect). */
function fileAt(root: string, pathname: string): string | null {
  const file = join(root, pathname);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const candidates = pathname.endsWith('/') ? [join(file, 'index.html')] : [file, join(file, 'index.html')];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile()) ?? null;
}

export function checkLinks(root: string): LinkReport {
  const files = htmlFiles(root);
  const html = new Map<string, string>();
  const read = (file: string) => html.get(file) ?? html.set(file, readFileSync(file, 'utf8')).get(file)!;
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => ids.get(file) ?? ids.set(file, idsIn(read(file))).get(file)!;
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const file of files) {
    const page = pagePath(root, file);
    for (const { attribute, value } of linksIn(read(file))) {
      let url: URL;
      try {
        url = new URL(value, `${ORIGIN}${page}`);
      } catch {
        broken.push({ page, attribute, target: value, reason: 'no such file' });
        continue;
      }
      if (url.origin !== ORIGIN) continue;
      checked++;
      const target = fileAt(root, decodePercent(url.pathname));
      if (!target) broken.push({ page, attribute, target: value, reason: 'no such file' });
      else if (url.hash.length > 1 && !(target.endsWith('.html') && idsOf(target).has(decodePercent(url.hash.slice(1))))) {
        broken.push({ page, attribute, target: value, reason: 'no such id' });
      }
    }
  }
  return { pages: files.length, checked, broken };
}

/** One line per broken link, for a failure message that lists them all. */
export function describeBroken(broken: BrokenLink[]): string {
  return broken.map((b) => `${b.page}: ${b.attribute}="${b.target}" (${b.reason})`).join('\n');
}
