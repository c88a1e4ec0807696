/**
 * The link checker on a small site written here, whose broken links are known by construction: so the check over
 * dist/ (tests/e2e/links.test.ts) is known to find what it must.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkLinks, idsIn, linksIn, pagePath } from '../support/link-check.ts';

const root = mkdtempSync(join(tmpdir(), 'cto-links-'));
function page(path: string, body: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `<!doctype html><html><body>${body}</body></html>`);
}

page('index.html', `
  <a href="/country/KEN/">Kenya</a>
  <a href="/country/KEN/?geo=KEN&amp;tab=map#fig-1">Kenya's chart</a>
  <a href="/country/001/">World</a>
  <a href="/country/KEN/#nowhere">a missing id</a>
  <a href="https://example.org/elsewhere">another origin</a>
  <a href="mailto:someone@example.org">mail</a>
  <option value="Kenya" data-href="/country/KEN/"></option>
  <option value="Åland" data-href="/country/ALA/"></option>
  <img src="/img/logo.svg" alt="">
  <a href="#top-of-home">up</a>
  <p id="top-of-home"></p>
  <script type="module">const s = '<a href="/not-a-link/">';</script>
  <!-- <a href="/commented-out/"> -->
`);
page('country/KEN/index.html', `<figure id="fig-1"><a href="../../">home</a><a href="/data/file.csv">csv</a><a href='/countries'>all</a></figure>`);
page('countries/index.html', '<a href="/country/KEN">Kenya without its slash</a><a href="/country/%4BEN/">escaped</a>');
page('img/logo.svg', '');
page('data/file.csv', '');

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('link check', () => {
  it('reads link attributes with entities decoded, and ids, but not inside scripts or comments', () => {
    expect(linksIn(`<a class="x" href='/a?b=1&amp;c=2'>x</a><use xlink:href="#m"/><script>"<a href=/no>"</script>`)).toEqual([
      { attribute: 'href', value: '/a?b=1&c=2' },
      { attribute: 'xlink:href', value: '#m' },
    ]);
    expect([...idsIn('<div id="a"></div><a name="b"></a><!-- <p id="c"> -->')]).toEqual(['a', 'b']);
  });

  it('names pages by the path they are served at', () => {
    expect(pagePath(root, join(root, 'country/KEN/index.html'))).toBe('/country/KEN/');
    expect(pagePath(root, join(root, 'index.html'))).toBe('/');
    expect(pagePath(root, join(root, '404.html'))).toBe('/404.html');
  });

  it('counts the internal links and lists exactly the broken ones', () => {
    const report = checkLinks(root);
    expect(report.pages).toBe(3);
    // Home: 2 Kenya links + World + missing id + 2 data-href + img + #top-of-home = 8 (the other origin and mailto
    // are not checked); Kenya: 3; countries: 2.
    expect(report.checked).toBe(13);
    expect(report.broken).toEqual([
      { page: '/', attribute: 'href', target: '/country/001/', reason: 'no such file' },
      { page: '/', attribute: 'href', target: '/country/KEN/#nowhere', reason: 'no such id' },
      { page: '/', attribute: 'data-href', target: '/country/ALA/', reason: 'no such file' },
    ]);
  });
});
