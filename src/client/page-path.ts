/**
 * Links to a view and the address bar are built from the page's own path as the build wrote it (`<body data-path>`,
 * Base.astro), never from `location.pathname`. The same page is served for `//evil.example/%2E%2E%2F…` and for
 * `///trafficking-in-persons/`; a path taken from the address bar would make "Link to this view" leave the site
 * (`//host/…` is a protocol-relative URL) or make `history.replaceState` throw (`///x/` names another origin).
 */

/** `raw` if it is a path this site can have: one leading slash, then no slash or backslash, no query or fragment. */
export function sitePath(raw: string | null | undefined): string | null {
  return raw && /^\/(?![/\\])[^?#\\\s]*$/.test(raw) ? raw : null;
}

/** The page's path as built, or null (then the page writes no links to views and leaves the address bar alone). */
export function pagePath(doc: Document): string | null {
  return sitePath(doc.body.dataset['path']);
}

/** The address of a view of this page, for `history.replaceState`: always on the page's own origin. */
export function viewAddress(origin: string, path: string, search: string, hash: string): string {
  return `${origin}${path}${search}${hash}`;
}
