/**
 * The site path a request target names, decoded and normalized, or why there is none. Percent escapes are decoded
 * first and `.`/`..` segments resolved after, so an encoded `%2e%2e%2f` is caught like a plain `../`; a path that
 * would climb above the site's root is refused rather than clamped. Repeated slashes collapse, so `//evil.example/`
 * is a path on this site (never a host) and no redirect built from it can leave the origin.
 */

export type RequestPath = { ok: true; path: string } | { ok: false; reason: string };

export function requestPath(target: string): RequestPath {
  const end = target.search(/[?#]/);
  const raw = end < 0 ? target : target.slice(0, end);
  if (!raw.startsWith('/')) return { ok: false, reason: 'the request target is not a path' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'malformed percent-encoding' };
  }
  if (decoded.includes('\0')) return { ok: false, reason: 'a NUL byte in the path' };
  const segments: string[] = [];
  const parts = decoded.split('/');
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length === 0) return { ok: false, reason: 'the path climbs above the site root' };
      segments.pop();
      continue;
    }
    segments.push(part);
  }
  const last = parts.at(-1);
  const directory = last === '' || last === '.' || last === '..';
  const path = `/${segments.join('/')}`;
  return { ok: true, path: directory && segments.length > 0 ? `${path}/` : path };
}
