/**
 * What a normalized site path names in the built site, as a static host resolves it: `/a/` is `a/index.html`; `/a` is
 * the file `a`, or a redirect to `/a/` when `a` is a folder with an index page. The hosts' own configuration files
 * (`_headers`, `_redirects`) are never served.
 */
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export type SiteFile =
  | { kind: 'file'; file: string; stat: Stats }
  | { kind: 'redirect'; location: string }
  | { kind: 'missing' };

const HOST_CONFIG = new Set(['/_headers', '/_redirects']);

function statOf(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

/** The path percent-encoded segment by segment, so that a `\` or `?` in a name cannot change what a Location means. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** `path` must come from requestPath(): decoded, normalized, starting with a single `/`. */
export function siteFile(root: string, path: string): SiteFile {
  if (HOST_CONFIG.has(path)) return { kind: 'missing' };
  const file = path.endsWith('/') ? join(root, path, 'index.html') : join(root, path);
  const stat = statOf(file);
  if (stat?.isFile()) return { kind: 'file', file, stat };
  if (!path.endsWith('/') && stat?.isDirectory() && statOf(join(file, 'index.html'))?.isFile()) {
    return { kind: 'redirect', location: `${encodePath(path)}/` };
  }
  return { kind: 'missing' };
}
