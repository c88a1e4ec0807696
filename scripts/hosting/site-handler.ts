/**
 * The request handler of `npm run serve` and of the tests' server: the built site served as a production static host
 * serves it. Directory index pages; `404.html` with status 404; the precompressed `.br`/`.gz` twin the client accepts
 * (brotli first), with Content-Encoding and Vary; single byte ranges (206, or 416 with the size in Content-Range), always cut
 * from the identity bytes, honouring If-Range; ETag and Last-Modified with 304; HEAD; and the headers of the site's
 * own `_headers` file, parsed and applied per path, so that what the tests see is what a host is told to send.
 */
import { createReadStream, existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { chooseEncoding } from './accept-encoding.ts';
import { byteRange } from './byte-range.ts';
import { contentTypeOf } from './content-types.ts';
import { ENCODINGS, type Encoding } from './encodings.ts';
import { headersFor, parseHeadersFile, type HeaderRule } from './headers-file.ts';
import { requestPath } from './request-path.ts';
import { siteFile } from './site-file.ts';
import { notModified, rangeStillValid, validatorsOf } from './validators.ts';

export type SiteHandler = (req: IncomingMessage, res: ServerResponse) => void;

interface Representation {
  file: string;
  stat: Stats;
  encoding: Encoding | null;
}

/** The rules of `<root>/_headers`, or none when the site has no such file. */
export function loadHeaderRules(root: string): HeaderRule[] {
  const file = join(root, '_headers');
  return existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8'), file) : [];
}

/** The file's twins on disk, in the server's order of preference. */
function twinsOf(file: string): Map<Encoding, Representation> {
  const out = new Map<Encoding, Representation>();
  for (const e of ENCODINGS) {
    const twin = `${file}${e.suffix}`;
    if (existsSync(twin)) out.set(e.name, { file: twin, stat: statSync(twin), encoding: e.name });
  }
  return out;
}

/** A request header's value (the first, if a client repeated one that should not be). */
function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Headers go through setHeader (never writeHead's object) so that whoever wraps the handler can read them back. */
function setHeaders(res: ServerResponse, headers: Iterable<[string, string | number]>): void {
  for (const [name, value] of headers) res.setHeader(name, value);
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Iterable<[string, string]> = []): void {
  setHeaders(res, [['content-type', 'text/plain; charset=utf-8'], ['content-length', Buffer.byteLength(text)], ...headers]);
  res.writeHead(status);
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function stream(res: ServerResponse, file: string, range?: { start: number; end: number }): void {
  if (res.req.method === 'HEAD') {
    res.end();
    return;
  }
  const body = createReadStream(file, range);
  body.on('error', (e) => res.destroy(e));
  body.pipe(res);
}

export function siteHandler(root: string, rules: readonly HeaderRule[] = loadHeaderRules(root)): SiteHandler {
  /** Sends `file` (200, or `status` for the 404 page) in the encoding the request accepts, with the path's headers. */
  function send(req: IncomingMessage, res: ServerResponse, path: string, file: string, stat: Stats, status: number): void {
    const twins = twinsOf(file);
    const identity: Representation = { file, stat, encoding: null };
    const identityValidators = validatorsOf(stat, null);
    const range = status === 200 && rangeStillValid(header(req, 'if-range'), identityValidators) ? byteRange(header(req, 'range'), stat.size) : ({ kind: 'whole' } as const);
    // A range is an offset into the identity bytes: never into a compressed twin, whose offsets mean nothing to the client.
    const chosen = range.kind === 'whole' ? chooseEncoding(header(req, 'accept-encoding'), [...twins.keys()]) : null;
    const rep = chosen ? twins.get(chosen)! : identity;
    const v = chosen ? validatorsOf(rep.stat, chosen) : identityValidators;

    setHeaders(res, [
      ['content-type', contentTypeOf(file)],
      ['accept-ranges', 'bytes'],
      ['etag', v.etag],
      ['last-modified', v.lastModified],
      ...(twins.size > 0 ? [['vary', 'Accept-Encoding'] as [string, string]] : []),
      ...(rep.encoding ? [['content-encoding', rep.encoding] as [string, string]] : []),
      ...headersFor(rules, path),
    ]);

    if (status === 200 && notModified(header(req, 'if-none-match'), header(req, 'if-modified-since'), v)) {
      res.removeHeader('content-type');
      res.writeHead(304);
      res.end();
      return;
    }
    if (range.kind === 'unsatisfiable') {
      setHeaders(res, [['content-range', `bytes */${stat.size}`], ['content-length', 0]]);
      res.writeHead(416);
      res.end();
      return;
    }
    if (range.kind === 'part') {
      setHeaders(res, [['content-range', `bytes ${range.start}-${range.end}/${stat.size}`], ['content-length', range.end - range.start + 1]]);
      res.writeHead(206);
      stream(res, file, { start: range.start, end: range.end });
      return;
    }
    res.setHeader('content-length', rep.stat.size);
    res.writeHead(status);
    stream(res, rep.file);
  }

  function notFound(req: IncomingMessage, res: ServerResponse, path: string): void {
    const page = siteFile(root, '/404.html');
    if (page.kind === 'file') send(req, res, path, page.file, page.stat, 404);
    else sendPlain(res, 404, 'Not Found\n', headersFor(rules, path));
  }

  return (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendPlain(res, 405, 'Method Not Allowed\n', [['allow', 'GET, HEAD']]);
        return;
      }
      const target = req.url ?? '/';
      const p = requestPath(target);
      if (!p.ok) {
        sendPlain(res, 400, `Bad Request: ${p.reason}\n`);
        return;
      }
      const found = siteFile(root, p.path);
      if (found.kind === 'redirect') {
        const query = target.indexOf('?');
        sendPlain(res, 301, 'Moved Permanently\n', [['location', `${found.location}${query < 0 ? '' : target.slice(query)}`]]);
      } else if (found.kind === 'missing') notFound(req, res, p.path);
      else send(req, res, p.path, found.file, found.stat, 200);
    } catch (e) {
      if (!res.headersSent) {
        // Whatever was set for the file (an encoding, a length) must not describe the error's body.
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        sendPlain(res, 500, 'Internal Server Error\n');
      }
      else res.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  };
}

/** The file a request target is answered with (before compression), or null for a redirect, a refusal or a 404. */
export function fileFor(root: string, target: string): string | null {
  const p = requestPath(target);
  if (!p.ok) return null;
  const found = siteFile(root, p.path);
  return found.kind === 'file' ? found.file : null;
}
