/**
 * The built site (dist/) served on loopback by the site's own server (scripts/hosting/site-handler.ts, also behind
 * `npm run serve`), as a production static host serves it: directory index pages, 404.html with status 404, Range
 * requests (the browser engine reads Parquet row groups by range), the precompressed `.br`/`.gz` twins the build
 * wrote, 304s, and the headers of dist/_headers. Each server listens on a free port of 127.0.0.1 and records every
 * request with the bytes of its response body.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileFor, siteHandler } from '../../../scripts/hosting/site-handler.ts';

export { fileFor };

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

export interface ServeOptions {
  root?: string;
}

/** Starts the site's server over `root` (default dist/) on 127.0.0.1 and a free port. */
export async function serve(options: ServeOptions = {}): Promise<StaticServer> {
  const root = resolve(options.root ?? DIST);
  const handle = siteHandler(root);
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
    handle(req, res);
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
