/**
 * The address of a figure's embed page and the <iframe> to paste. "Always the newest data" leaves the version out
 * (the page shows the release it was built with, the newest); "this version" pins it with `v` (src/state/url-state.ts
 * honours it on the pages that keep releases). Pure.
 */

export function embedUrl(origin: string, embedPath: string, search: string, version: string | null): string {
  const url = new URL(embedPath, origin);
  for (const [k, v] of new URLSearchParams(search)) url.searchParams.set(k, v);
  if (version !== null) url.searchParams.set('v', version);
  return url.href;
}

const attr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

export function embedSnippet(src: string, title: string): string {
  return `<iframe src="${attr(src)}" title="${attr(title)}" width="100%" height="560" style="border:0" loading="lazy"></iframe>`;
}
