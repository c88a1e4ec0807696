/**
 * The site's server (scripts/hosting/site-handler.ts) over a small site written here: pages, an asset and a release
 * file, `.br`/`.gz` twins made here with zlib's defaults, and a hand-written `_headers`. Responses are read raw
 * (node:http, which neither decodes nor normalizes), so the bytes checked are the bytes sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { serve, type StaticServer } from '../e2e/support/server.ts';

const HOME = `<!doctype html><title>Home</title>${'<p>Trafficking in persons, detected victims by year.</p>\n'.repeat(60)}`;
const KEN = `<!doctype html><title>Kenya</title>${'<p>Kenya</p>\n'.repeat(100)}`;
const NOT_FOUND = '<!doctype html><title>Not found</title><h1>Page not found</h1>';
const APP = `export const rows = [${Array.from({ length: 200 }, (_, i) => i).join(', ')}];\n`;
/** 1,000 bytes where byte i is i mod 256: any slice can be checked by hand. */
const PARQUET = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
const WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), Buffer.alloc(3000)]);
const SECRET = 'secret outside the site';
const HEADERS = `# written by hand for this test
/*
  X-Content-Type-Options: nosniff
  Cache-Control: no-cache

/_astro/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable

/data/:version/*
  ! Cache-Control
  Cache-Control: public, max-age=31536000, immutable
`;

let base: string;
let root: string;
let server: StaticServer;

function write(path: string, body: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), body);
}

function withTwins(path: string, body: string): void {
  write(path, body);
  write(`${path}.br`, brotliCompressSync(body));
  write(`${path}.gz`, gzipSync(body));
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with exactly this path and these headers; the body as received. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  const { port } = new URL(server.origin);
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'cto-site-'));
  root = join(base, 'site');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  withTwins('index.html', HOME);
  withTwins('country/KEN/index.html', KEN);
  withTwins('_astro/app.js', APP);
  write('404.html', NOT_FOUND);
  write('data/current.json', '{"version":"v1"}');
  write('data/v1/observations.parquet', PARQUET);
  write('_astro/engine.wasm', WASM);
  write('_headers', HEADERS);
  // A folder whose name a browser would read as `//evil.example/` in a Location left unescaped.
  write('\\evil.example/index.html', KEN);
  server = await serve({ root });
});

afterAll(async () => {
  await server?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('site server: encodings', () => {
  it('sends the brotli twin when brotli is accepted, which decodes to the page', async () => {
    const r = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['vary']).toBe('Accept-Encoding');
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(r.headers['content-length'])).toBe(statSync(join(root, 'index.html.br')).size);
    expect(r.body.length).toBe(Number(r.headers['content-length']));
    expect(brotliDecompressSync(r.body).toString()).toBe(HOME);
  });

  it('falls back to the gzip twin when brotli is not accepted (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.5', 'deflate, gzip']) {
      const r = await get('/_astro/app.js', { 'accept-encoding': accept });
      expect(r.headers['content-encoding'], accept).toBe('gzip');
      expect(Number(r.headers['content-length'])).toBe(statSync(join(root, '_astro/app.js.gz')).size);
      expect(gunzipSync(r.body).toString()).toBe(APP);
    }
  });

  it('sends the identity bytes with no Accept-Encoding, or none it has a twin for', async () => {
    for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'zstd, deflate' }, { 'accept-encoding': 'br;q=0, gzip;q=0' }]) {
      const r = await get('/country/KEN/', headers);
      expect(r.headers['content-encoding']).toBeUndefined();
      expect(r.headers['vary']).toBe('Accept-Encoding');
      expect(r.body.toString()).toBe(KEN);
      expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(KEN));
    }
  });

  it('a file without twins has no Vary, whatever is accepted', async () => {
    const r = await get('/data/current.json', { 'accept-encoding': 'br, gzip' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['vary']).toBeUndefined();
    expect(r.body.toString()).toBe('{"version":"v1"}');
  });

  it('content types of the engine and the release', async () => {
    expect((await get('/_astro/engine.wasm')).headers['content-type']).toBe('application/wasm');
    expect((await get('/data/v1/observations.parquet')).headers['content-type']).toBe('application/vnd.apache.parquet');
  });
});

describe('site server: ranges', () => {
  it('206 with exactly the bytes asked for, and Content-Range', async () => {
    const r = await get('/data/v1/observations.parquet', { range: 'bytes=300-309' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 300-309/1000');
    expect(r.headers['content-length']).toBe('10');
    expect([...r.body]).toEqual([44, 45, 46, 47, 48, 49, 50, 51, 52, 53]);
    const tail = await get('/data/v1/observations.parquet', { range: 'bytes=-3' });
    expect(tail.headers['content-range']).toBe('bytes 997-999/1000');
    expect([...tail.body]).toEqual([229, 230, 231]);
    const open = await get('/data/v1/observations.parquet', { range: 'bytes=995-' });
    expect([...open.body]).toEqual([227, 228, 229, 230, 231]);
  });

  it('a range of a page with twins is cut from the identity bytes, never from a compressed twin', async () => {
    const r = await get('/', { range: 'bytes=0-14', 'accept-encoding': 'br, gzip' });
    expect(r.status).toBe(206);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).toBe('<!doctype html>');
    expect(r.headers['content-range']).toBe(`bytes 0-14/${Buffer.byteLength(HOME)}`);
  });

  it('416 with the size when the range starts past the end', async () => {
    const r = await get('/data/v1/observations.parquet', { range: 'bytes=1000-1010' });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect(r.body.length).toBe(0);
  });

  it('If-Range: the range while the ETag still matches, the whole file once it does not', async () => {
    const { headers } = await get('/data/v1/observations.parquet');
    const fresh = await get('/data/v1/observations.parquet', { range: 'bytes=0-1', 'if-range': String(headers.etag) });
    expect(fresh.status).toBe(206);
    const stale = await get('/data/v1/observations.parquet', { range: 'bytes=0-1', 'if-range': '"not-this-one"' });
    expect(stale.status).toBe(200);
    expect(stale.body.equals(PARQUET)).toBe(true);
  });

  it('several ranges, or another unit, are ignored: the whole file', async () => {
    for (const range of ['bytes=0-1,5-6', 'items=0-1']) {
      const r = await get('/data/v1/observations.parquet', { range });
      expect(r.status, range).toBe(200);
      expect(r.body.length).toBe(1000);
    }
  });
});

describe('site server: validators, HEAD, methods', () => {
  it('304 for a matching If-None-Match or an If-Modified-Since not before the file', async () => {
    const first = await get('/_astro/app.js', { 'accept-encoding': 'br' });
    const again = await get('/_astro/app.js', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const since = await get('/_astro/app.js', { 'if-modified-since': String(first.headers['last-modified']) });
    expect(since.status).toBe(304);
    const old = await get('/_astro/app.js', { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' });
    expect(old.status).toBe(200);
  });

  it('each encoding has its own ETag, so the identity one does not validate a brotli copy', async () => {
    const br = await get('/_astro/app.js', { 'accept-encoding': 'br' });
    const plain = await get('/_astro/app.js');
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    expect((await get('/_astro/app.js', { 'accept-encoding': 'br', 'if-none-match': String(plain.headers.etag) })).status).toBe(200);
  });

  it('HEAD: the headers GET would send, no body', async () => {
    const r = await get('/', { 'accept-encoding': 'br' }, 'HEAD');
    expect(r.status).toBe(200);
    expect(Number(r.headers['content-length'])).toBe(statSync(join(root, 'index.html.br')).size);
    expect(r.body.length).toBe(0);
  });

  it('405 for other methods', async () => {
    const r = await get('/', {}, 'POST');
    expect(r.status).toBe(405);
    expect(r.headers['allow']).toBe('GET, HEAD');
  });
});

describe('site server: paths', () => {
  it('a missing path gets 404.html with status 404, and the site-wide headers', async () => {
    const r = await get('/no/such/page/');
    expect(r.status).toBe(404);
    expect(r.body.toString()).toBe(NOT_FOUND);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a folder without its slash redirects to it, keeping the query', async () => {
    const r = await get('/country/KEN?geo=KEN');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/country/KEN/?geo=KEN');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2fsecret.txt',
    '/country/..%2F..%2F..%2Fsecret.txt',
    '/country/%2e%2e/%2e%2e/%2e%2e/secret.txt',
  ])('refuses %s, which climbs out of the site', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(400);
    expect(r.body.toString()).not.toContain(SECRET);
  });

  it('refuses malformed escapes and NUL bytes', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/index.html%00.js')).status).toBe(400);
  });

  it('`..` that stays inside the site resolves, like a plain path', async () => {
    const r = await get('/country/KEN/%2E%2E/KEN/');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(KEN);
  });

  it('`//host/…` is a path on this site: served from it, and never redirected off it', async () => {
    const served = await get('//evil.example/%2E%2E%2Fcountry/KEN/');
    expect(served.status).toBe(200);
    expect(served.body.toString()).toBe(KEN);
    const redirect = await get('//country/KEN');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe('/country/KEN/');
    expect((await get('//evil.example/')).status).toBe(404);
  });

  it('a redirect escapes the path, so a backslash cannot turn it into `//host`', async () => {
    const r = await get('/%5Cevil.example');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/%5Cevil.example/');
  });

  it('the hosts’ configuration file is not served', async () => {
    const r = await get('/_headers');
    expect(r.status).toBe(404);
    expect(r.body.toString()).not.toContain('Cache-Control');
  });
});

describe('site server: the _headers rules, per path', () => {
  it.each([
    ['/', 'no-cache'],
    ['/country/KEN/', 'no-cache'],
    ['/_astro/app.js', 'public, max-age=31536000, immutable'],
    ['/_astro/engine.wasm', 'public, max-age=31536000, immutable'],
    ['/data/v1/observations.parquet', 'public, max-age=31536000, immutable'],
    ['/data/current.json', 'no-cache'],
  ])('%s: Cache-Control %s, and nosniff', async (path, cache) => {
    const r = await get(path, { 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe(cache);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('the same headers on a range', async () => {
    const r = await get('/data/v1/observations.parquet', { range: 'bytes=0-0' });
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
