/**
 * The built site (dist/) served on loopback by http-server, as a static host would serve it: directory index pages,
 * 404.html with status 404 for a path with no file,
 * Range requests (the browser engine reads Parquet row groups by range), and precompressed `.br`/`.gz` files when the
 * build wrote them next to the originals. With `compress`, text and WebAssembly files without a precompressed twin are
 * brotli- or gzip-compressed on the fly (cached), as a CDN would: the benchmark measures what a visitor would receive.
 * Each server listens on a free port of 127.0.0.1 and records every request with the bytes of its response body.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { promisify } from 'node:util';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The built site; `DIST_DIR` points the tests and the bench at another build output. */
export const DIST = resolve(process.env['DIST_DIR'] ?? join(ROOT, 'dist'));

/** The site is built: the e2e tests run against it, and are skipped (with this reason) only when it is not. */
export function hasDist(): boolean {
  return existsSync(join(DIST, 'index.html'));
}
export const NO_DIST_REASON = `skipped: the site is not built (no ${join(DIST, 'index.html')}) — run \`npm run build\` first`;

/** The release the built site serves, from dist/data/current.json. */
export function distRelease(): { version: string; dir: string; base: string } {
  const { version } = JSON.parse(readFileSync(join(DIST, 'data', 'current.json'), 'utf8')) as { version: string };
  return { version, dir: join(DIST, 'data', version), base: `/data/${version}/` };
}

/** One request as the server saw it; the response fields are filled in when the response has been sent. */
export interface ServedRequest {
  method: string;
  url: string;
  range: string | null;
  acceptEncoding: string | null;
  status: number;
  /** Bytes of the response body as sent (compressed if it was), from Content-Length. */
  bytes: number;
  encoding: string | null;
  /** The file on disk this URL maps to (before compression), when there is one. */
  file: string | null;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  root: string;
  requests: ServedRequest[];
  close(): Promise<void>;
}

interface HttpServerModule {
  createServer(options: Record<string, unknown>): { server: Server };
}

export interface ServeOptions {
  root?: string;
  /** `Cache-Control: max-age` in seconds, or -1 for no-store (default 3600, like a static host). */
  cache?: number;
  /** Compress on the fly what has no precompressed twin (default false: served exactly as built). */
  compress?: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** Files a static host would serve compressed (Parquet is not: it is compressed inside, and read by Range). */
export function compressible(file: string): boolean {
  return TYPES[extname(file)] !== undefined;
}

const BROTLI_BEST = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };

/** Brotli at the best quality, as a static host precompresses (slow for large files: see `precompress`). */
export function brotli(bytes: Buffer): Buffer {
  return brotliCompressSync(bytes, { params: { ...BROTLI_BEST.params, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
}

/** Compressed forms of files, shared by every server of the process (files are not expected to change meanwhile). */
const compressedFiles = new Map<string, { br: Buffer; gz: Buffer | null }>();

export function compressedFile(file: string): { br: Buffer; gz: Buffer | null } {
  let entry = compressedFiles.get(file);
  if (!entry) compressedFiles.set(file, (entry = { br: brotli(readFileSync(file)), gz: null }));
  return entry;
}

/**
 * Compresses files ahead of serving them, in the thread pool (a 34 MB WebAssembly file takes about a minute), keeping
 * the results in `cacheDir` by content hash so that the next run of the benchmark finds them.
 */
export async function precompress(files: string[], cacheDir = join(ROOT, '.tmp', 'brotli')): Promise<void> {
  const compress = promisify(brotliCompress);
  mkdirSync(cacheDir, { recursive: true });
  await Promise.all(
    files
      .filter((f) => !compressedFiles.has(f))
      .map(async (f) => {
        const raw = readFileSync(f);
        const cached = join(cacheDir, `${createHash('sha256').update(raw).digest('hex')}.br`);
        let br: Buffer;
        if (existsSync(cached)) br = readFileSync(cached);
        else {
          br = await compress(raw, { params: { ...BROTLI_BEST.params, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
          writeFileSync(cached, br);
        }
        compressedFiles.set(f, { br, gz: null });
      }),
  );
}

/** The file a URL path maps to (directory URLs to their index.html), or null outside the root or when it is not a file. */
export function fileFor(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  const file = join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (file !== root && !file.startsWith(root + sep)) return null;
  try {
    return statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** Starts http-server over `root` (default dist/) on 127.0.0.1 and a free port. */
export async function serve(options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? DIST);
  const cache = options.cache ?? 3600;
  const require = createRequire(import.meta.url);
  const httpServer = require('http-server') as HttpServerModule;
  const instance = httpServer.createServer({
    root,
    cache,
    // Serve `x.br` / `x.gz` in place of `x` when they exist and the browser accepts them; harmless when they do not.
    brotli: true,
    gzip: true,
    showDir: 'false',
  });
  const delegate = instance.server.listeners('request')[0] as RequestListener;

  /** Serves a compressible file compressed, when allowed and when http-server would not (no `.br`/`.gz` beside it). */
  function sendCompressed(req: IncomingMessage, res: ServerResponse, file: string | null): boolean {
    if (!options.compress || !file || req.headers.range || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const type = TYPES[extname(file)];
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    if (!type || !encoding || existsSync(`${file}.br`) || existsSync(`${file}.gz`)) return false;
    const entry = compressedFile(file);
    if (encoding === 'gzip') entry.gz ??= gzipSync(readFileSync(file), { level: 9 });
    const body = encoding === 'br' ? entry.br : entry.gz!;
    // setHeader (not writeHead's object) so that the request log can read the headers back.
    res.setHeader('content-type', type);
    res.setHeader('content-encoding', encoding);
    res.setHeader('content-length', body.length);
    res.setHeader('vary', 'accept-encoding');
    res.setHeader('cache-control', cache < 0 ? 'no-cache, no-store, must-revalidate' : `max-age=${cache}`);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }

  const requests: ServedRequest[] = [];
  const server = createServer((req, res) => {
    const header = (h: string) => (req.headers[h] === undefined ? null : String(req.headers[h]));
    const file = fileFor(root, req.url ?? '/');
    const entry: ServedRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '',
      range: header('range'),
      acceptEncoding: header('accept-encoding'),
      status: 0,
      bytes: 0,
      encoding: null,
      file,
    };
    requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
      entry.bytes = req.method === 'HEAD' ? 0 : Number(res.getHeader('content-length') ?? 0);
      const enc = res.getHeader('content-encoding');
      entry.encoding = enc === undefined ? null : String(enc);
    });
    if (!sendCompressed(req, res, file)) delegate(req, res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    root,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Keep-alive sockets from the browser would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
