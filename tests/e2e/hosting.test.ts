/**
 * The built site as a host will serve it: every compressible file has brotli and gzip twins that decode to it, and
 * the site's `_headers` gives every page and file the intended cache policy and Content-Security-Policy — read with
 * Cloudflare's rules (scripts/hosting/headers-file.ts, what `npm run serve` applies) and again with Netlify's
 * (patterns per netlify/build's headers-parser for_regexp.ts; a later matching rule's value replacing an earlier
 * one, and `!` lines skipped, as netlify-cli's dev server does), so that the file means the same on both hosts.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, ROOT, distRelease, serve } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../scripts/hosting/headers-file.ts';

const TEXT_TYPES = /\.(html|css|js|mjs|json|map|webmanifest|svg|xml|csv|txt|wasm)$/;
const TWIN = /\.(br|gz)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

function builtFiles(): string[] {
  return readdirSync(DIST, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The path a browser asks for a built file by: `a/index.html` at `/a/`. */
function urlPath(file: string): string {
  const path = `/${relative(DIST, file).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Netlify's reading of the same rules: its pattern syntax, and the last matching rule's value winning. */
function netlifyHeadersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    const parts = rule.pattern
      .split('/')
      .map((p) => p.trimEnd())
      .filter(Boolean)
      .map((p) => (p.startsWith(':') ? '([^/]+)' : p === '*' ? '?(.*)' : p.includes('*') ? p.replaceAll('*', '(.*)') : p.replace(/[|\\{}()[\]^$+*?.-]/g, '\\$&')));
    if (!new RegExp(`^/${parts.join('/')}/?$`, 'iu').test(path)) continue;
    for (const [name, value] of rule.set) out.set(name, value);
  }
  return out;
}

function metaCsp(): string {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m) throw new Error('dist/index.html has no CSP <meta>');
  return m[1]!;
}

describe.skipIf(!BUILT)(title('the built site as hosted'), () => {
  it('every compressible file of 1 KB or more has .br and .gz twins, each decoding to it', () => {
    const files = builtFiles();
    const compressible = files.filter((f) => TEXT_TYPES.test(f) && statSync(f).size >= 1024);
    expect(compressible.length).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const f of compressible) {
      const raw = readFileSync(f);
      const where = relative(DIST, f);
      if (!existsSync(`${f}.br`)) problems.push(`${where}: no .br`);
      else if (!brotliDecompressSync(readFileSync(`${f}.br`)).equals(raw)) problems.push(`${where}.br does not decode to it`);
      if (!existsSync(`${f}.gz`)) problems.push(`${where}: no .gz`);
      else if (!gunzipSync(readFileSync(`${f}.gz`)).equals(raw)) problems.push(`${where}.gz does not decode to it`);
    }
    for (const t of files.filter((f) => TWIN.test(f))) {
      if (!existsSync(t.replace(TWIN, ''))) problems.push(`${relative(DIST, t)}: a twin without its file`);
    }
    expect(problems, problems.length ? 'run `npm run precompress`' : '').toEqual([]);
  });

  it('dist/_headers is public/_headers', () => {
    expect(readFileSync(join(DIST, '_headers'), 'utf8')).toBe(readFileSync(join(ROOT, 'public', '_headers'), 'utf8'));
  });

  it('every page and file: one cache policy, the CSP with frame-ancestors, nosniff — the same on both hosts', () => {
    const rules = parseHeadersFile(readFileSync(join(DIST, '_headers'), 'utf8'), 'dist/_headers');
    const { base } = distRelease();
    const csp = metaCsp();
    const paths = builtFiles().filter((f) => !TWIN.test(f) && !f.endsWith(`${sep}_headers`)).map(urlPath);
    const expected = (path: string) => ({
      // Every release's folder, the archived ones too (the current one is `base`).
      'cache-control': path.startsWith('/_astro/') || path.startsWith(base) || /^\/data\/[0-9a-f]{12}\//.test(path) ? IMMUTABLE : REVALIDATE,
      'content-security-policy': `${csp}; frame-ancestors ${path.startsWith('/embed/') ? '*' : "'self'"}`,
      'x-content-type-options': 'nosniff',
    });
    const problems: string[] = [];
    for (const path of [...paths, '/embed/trend/', '/embed/x.js', '/no/such/page/']) {
      for (const [host, headers] of [['cloudflare', headersFor(rules, path)], ['netlify', netlifyHeadersFor(rules, path)]] as const) {
        const got = { 'cache-control': headers.get('cache-control'), 'content-security-policy': headers.get('content-security-policy'), 'x-content-type-options': headers.get('x-content-type-options') };
        if (JSON.stringify(got) !== JSON.stringify(expected(path))) problems.push(`${host} ${path}: ${JSON.stringify(got)}`);
      }
    }
    expect(paths.length).toBeGreaterThan(300);
    expect(problems).toEqual([]);
  });

  it('the server sends them: the redraw code brotli-encoded and immutable, a view file by range, immutable and typed', async () => {
    const server = await serve();
    try {
      const code = builtFiles().find((f) => /\/_astro\/redraw\.[\w-]+\.js$/.test(f))!;
      const res = await fetch(new URL(urlPath(code), server.origin), { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(Number(res.headers.get('content-length'))).toBe(statSync(`${code}.br`).size);
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
      const view = builtFiles().find((f) => /\/views\/series\/[a-z0-9_]+\.parquet$/.test(f))!;
      const part = await fetch(new URL(urlPath(view), server.origin), { headers: { range: 'bytes=0-3', 'accept-encoding': 'br' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-encoding')).toBeNull();
      expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('PAR1');
      expect(part.headers.get('content-type')).toBe('application/vnd.apache.parquet');
      expect(part.headers.get('cache-control')).toBe(IMMUTABLE);
      const page = await fetch(new URL('/', server.origin), { method: 'HEAD' });
      expect(page.headers.get('content-security-policy')).toBe(`${metaCsp()}; frame-ancestors 'self'`);
      expect(page.headers.get('cache-control')).toBe(REVALIDATE);
    } finally {
      await server.close();
    }
  });
});
