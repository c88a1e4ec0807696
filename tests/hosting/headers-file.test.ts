/**
 * The `_headers` parser and matcher, on small files written here, with the results Cloudflare's documentation gives
 * for its own examples (developers.cloudflare.com/pages/configuration/headers: rules combine, a header set twice is
 * comma-joined, `! Name` detaches, `*` spans segments, `:name` matches one).
 */
import { describe, expect, it } from 'vitest';
import { headersFor, MAX_LINE, MAX_RULES, parseHeadersFile } from '../../scripts/hosting/headers-file.ts';

const at = (text: string, path: string) => Object.fromEntries(headersFor(parseHeadersFile(text), path));

describe('_headers: which headers a path gets', () => {
  const file = [
    '# This is a comment',
    '/secure/page',
    '  X-Frame-Options: DENY',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: no-referrer',
    '',
    '/static/*',
    '  Access-Control-Allow-Origin: *',
    '  X-Robots-Tag: nosnippet',
    '',
    '/*',
    '  X-Robots-Tag: noindex',
  ].join('\n');

  it('a path gets every matching rule, in file order; a header set twice is comma-joined', () => {
    expect(at(file, '/secure/page')).toEqual({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
    });
    expect(at(file, '/static/styles.css')).toEqual({ 'access-control-allow-origin': '*', 'x-robots-tag': 'nosnippet, noindex' });
    expect(at(file, '/home')).toEqual({ 'x-robots-tag': 'noindex' });
  });

  it('a pattern matches the whole path: `*` spans segments, a literal path only itself', () => {
    expect(at(file, '/static/a/b/c.js')['x-robots-tag']).toBe('nosnippet, noindex');
    expect(at(file, '/static')['x-robots-tag']).toBe('noindex');
    expect(at(file, '/secure/page/')['x-frame-options']).toBeUndefined();
    expect(at(file, '/secure/pages')['x-frame-options']).toBeUndefined();
  });

  it('`! Name` removes what an earlier rule set; a later set after it replaces, not joins', () => {
    const text = "/*\n  Content-Security-Policy: default-src 'self';\n\n/*.jpg\n  ! Content-Security-Policy\n\n/embed/*\n  ! Cache-Control\n  Cache-Control: public\n";
    expect(at(text, '/a/b.jpg')).toEqual({});
    expect(at(text, '/a/b.html')).toEqual({ 'content-security-policy': "default-src 'self';" });
    const reset = '/*\n  Cache-Control: no-cache\n/_astro/*\n  ! Cache-Control\n  Cache-Control: immutable\n';
    expect(at(reset, '/_astro/x.js')).toEqual({ 'cache-control': 'immutable' });
    expect(at(reset, '/x.html')).toEqual({ 'cache-control': 'no-cache' });
  });

  it('`:name` matches one segment, never a slash', () => {
    const text = '/data/:version/*\n  Cache-Control: immutable\n/movies/:title\n  X-Movie: yes\n';
    expect(at(text, '/data/abc123/observations.parquet')).toEqual({ 'cache-control': 'immutable' });
    expect(at(text, '/data/current.json')).toEqual({});
    expect(at(text, '/data/')).toEqual({});
    expect(at(text, '/movies/up')).toEqual({ 'x-movie': 'yes' });
    expect(at(text, '/movies/up/extra')).toEqual({});
  });

  it('regex characters in a pattern are literal; names are case-insensitive; values keep colons and case', () => {
    const text = '/a.b/(c)+\r\n  X-Test: One: Two\r\n  x-test: Three\r\n';
    expect(at(text, '/a.b/(c)+')).toEqual({ 'x-test': 'One: Two, Three' });
    expect(at(text, '/aXb/(c)+')).toEqual({});
  });
});

describe('_headers: bad files stop with the file and line', () => {
  const cases: [string, string, RegExp][] = [
    ['a header before any pattern', '  X-A: 1\n', /^_headers:1: a header comes before any path pattern/],
    ['a pattern not starting with /', '/a\n  X-A: 1\nb/\n', /^_headers:3: a rule's pattern must be a path/],
    ['two splats', '/a/*/b/*\n', /^_headers:1: a pattern may hold one "\*" only/],
    ['a header without a value', '/a\n  X-A:\n', /^_headers:2: header X-A has no value/],
    ['a line with no colon', '/a\n  X-A 1\n', /^_headers:2: expected "Name: value"/],
    ['a detach naming nothing', '/a\n  !\n', /^_headers:2: "!" does not name a header/],
    ['a line over the limit', `/a\n  X-A: ${'x'.repeat(MAX_LINE)}\n`, /^_headers:2: line longer than 2000/],
    ['too many rules', Array.from({ length: MAX_RULES + 1 }, (_, i) => `/p${i}\n  X-A: 1`).join('\n'), /^_headers:201: more than 100 rules/],
  ];
  it.each(cases)('%s', (_, text, message) => {
    expect(() => parseHeadersFile(text)).toThrow(message);
  });

  it('names the file it was given', () => {
    expect(() => parseHeadersFile('  X: 1', 'dist/_headers')).toThrow(/^dist\/_headers:1: /);
  });
});
