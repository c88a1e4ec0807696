/**
 * The service worker that keeps what a delegate opened for use without a network (a meeting room's wifi is not to be
 * trusted). Served at the stable URL /sw.js (src/pages/sw.js.ts writes `serviceWorkerSource(version)` there), so
 * each release gets a worker of its own and its own cache, `cto-<version>`; activating it deletes the others.
 *
 * What it keeps: pages the reader opened (network first, so a page online is never stale; the copy is kept under its
 * path, whatever the view's query), their scripts (`/_astro/`, content-hashed) and the release files they read
 * (`/data/<version>/`, immutable): both served from the cache once kept. A Range request for a release file is
 * answered from the whole file, fetched once in the background and sliced here — the Cache API cannot store a 206 —
 * for files up to WHOLE_FILE_LIMIT; larger ones stay network-only. A page answered from the cache is marked with
 * `<body data-offline-saved="<date>">`, which the page script turns into the notice (src/client/offline-notice.ts).
 *
 * The functions below are written out as the worker's source by Function.prototype.toString, so they use nothing
 * but their arguments and the worker's globals (no imports, no closures over this module).
 */

/** Files up to this size are kept whole when a view reads them by range: every view file today is under 64 KB. */
export const WHOLE_FILE_LIMIT = 8 * 1024 * 1024;
export const CACHE_PREFIX = 'cto-';

/** The bytes [start, end] (inclusive) a `Range` header asks of a file of `total` bytes; null when it cannot be served. */
export function byteRange(header: string, total: number): { start: number; end: number } | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '') || total <= 0) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return null;
    return { start: Math.max(0, total - suffix), end: total - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? total - 1 : Math.min(Number(m[2]), total - 1);
  if (start >= total || end < start) return null;
  return { start, end };
}

interface WaitEvent {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEventLike extends WaitEvent {
  request: Request;
  respondWith(r: Promise<Response>): void;
}
interface MessageEventLike extends WaitEvent {
  data: unknown;
}
/** The parts of ServiceWorkerGlobalScope this worker uses (the DOM library this project compiles with has no worker types). */
export interface WorkerScope {
  location: { origin: string };
  caches: CacheStorage;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  fetch(input: Request | string, init?: RequestInit): Promise<Response>;
  addEventListener(type: 'install' | 'activate', fn: (e: WaitEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEventLike) => void): void;
  addEventListener(type: 'message', fn: (e: MessageEventLike) => void): void;
}

export function serviceWorker(self: WorkerScope, version: string, prefix: string, wholeFileLimit: number, range: typeof byteRange): void {
  const cacheName = `${prefix}${version}`;
  const origin = self.location.origin;
  const SAVED = 'x-cto-saved';
  const open = () => self.caches.open(cacheName);
  /** A page is kept under its path: a permalink's query only changes what the page script draws. */
  const pageKey = (url: string) => {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  };
  const fileKey = pageKey;
  const immutable = (path: string) => path.startsWith('/_astro/') || /^\/data\/[\w-]+\//.test(path);

  async function keepPage(url: string, response: Response): Promise<void> {
    const headers = new Headers(response.headers);
    headers.set(SAVED, new Date().toISOString());
    const copy = new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
    await (await open()).put(pageKey(url), copy);
  }

  async function offlinePage(cached: Response): Promise<Response> {
    const saved = cached.headers.get(SAVED) ?? '';
    const html = (await cached.text()).replace('<body ', `<body data-offline-saved="${saved.replace(/[^\w:.+-]/g, '')}" `);
    return new Response(html, { status: 200, headers: { 'Content-Type': cached.headers.get('Content-Type') ?? 'text/html; charset=utf-8' } });
  }

  async function page(request: Request): Promise<Response> {
    try {
      const response = await self.fetch(request);
      if (response.ok && (response.headers.get('Content-Type') ?? '').includes('text/html')) await keepPage(request.url, response.clone());
      return response;
    } catch (e) {
      const cached = await (await open()).match(pageKey(request.url));
      if (cached) return offlinePage(cached);
      throw e;
    }
  }

  async function keepWhole(url: string): Promise<Response | undefined> {
    const cache = await open();
    const kept = await cache.match(fileKey(url));
    if (kept) return kept;
    const response = await self.fetch(url);
    const size = Number(response.headers.get('Content-Length') ?? NaN);
    if (response.status !== 200 || !(size <= wholeFileLimit)) {
      await response.body?.cancel();
      return undefined;
    }
    await cache.put(fileKey(url), response.clone());
    return response;
  }

  function slice(whole: ArrayBuffer, header: string, type: string | null): Response {
    const r = range(header, whole.byteLength);
    if (!r) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${whole.byteLength}` } });
    return new Response(whole.slice(r.start, r.end + 1), {
      status: 206,
      headers: { 'Content-Range': `bytes ${r.start}-${r.end}/${whole.byteLength}`, 'Content-Length': String(r.end - r.start + 1), 'Content-Type': type ?? 'application/octet-stream' },
    });
  }

  /** Whole files being fetched to keep: a reader's many range reads of one file fetch it once. */
  const keeping = new Map<string, Promise<unknown>>();

  async function rangeRead(event: FetchEventLike): Promise<Response> {
    const request = event.request;
    const header = request.headers.get('Range') ?? '';
    const key = fileKey(request.url);
    const kept = await (await open()).match(key);
    if (kept) return slice(await kept.arrayBuffer(), header, kept.headers.get('Content-Type'));
    // Online, the range is read as asked (no slower than without the worker); the whole file, when its size (the
    // 206's Content-Range) is under the limit, is fetched and kept meanwhile.
    const response = await self.fetch(request);
    const total = Number(/\/(\d+)$/.exec(response.headers.get('Content-Range') ?? '')?.[1] ?? NaN);
    if (total <= wholeFileLimit && !keeping.has(key)) {
      const whole = keepWhole(request.url)
        .catch(() => undefined)
        .finally(() => keeping.delete(key));
      keeping.set(key, whole);
      event.waitUntil(whole);
    }
    return response;
  }

  async function file(request: Request): Promise<Response> {
    const cache = await open();
    const path = new URL(request.url).pathname;
    if (immutable(path)) {
      const kept = await cache.match(request);
      if (kept) return kept;
      const response = await self.fetch(request);
      if (response.status === 200) await cache.put(request, response.clone());
      return response;
    }
    try {
      const response = await self.fetch(request);
      if (response.status === 200) await cache.put(request, response.clone());
      return response;
    } catch (e) {
      const kept = await cache.match(request);
      if (kept) return kept;
      throw e;
    }
  }

  /** What the page loaded before this worker controlled it (src/client/offline-register.ts). */
  async function keep(data: unknown): Promise<void> {
    const m = data as { type?: unknown; page?: unknown; urls?: unknown } | null;
    if (!m || m.type !== 'keep' || typeof m.page !== 'string' || !Array.isArray(m.urls)) return;
    const own = (u: unknown): u is string => typeof u === 'string' && u.startsWith(`${origin}/`);
    const cache = await open();
    if (own(m.page) && !(await cache.match(pageKey(m.page)))) {
      const response = await self.fetch(m.page);
      if (response.ok) await keepPage(m.page, response);
    }
    await Promise.all(
      m.urls.filter(own).map(async (u) => {
        const path = new URL(u).pathname;
        if (path.startsWith('/data/') && path.endsWith('.parquet')) return keepWhole(u);
        if (await cache.match(u)) return undefined;
        const response = await self.fetch(u);
        if (response.status === 200) await cache.put(u, response);
        return undefined;
      }),
    );
  }

  self.addEventListener('install', (e) => e.waitUntil(self.skipWaiting()));
  self.addEventListener('activate', (e) => {
    e.waitUntil(
      (async () => {
        for (const name of await self.caches.keys()) if (name.startsWith(prefix) && name !== cacheName) await self.caches.delete(name);
        await self.clients.claim();
      })(),
    );
  });
  self.addEventListener('message', (e) => e.waitUntil(keep(e.data).catch(() => undefined)));
  self.addEventListener('fetch', (e) => {
    const request = e.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== origin) return;
    if (request.mode === 'navigate') e.respondWith(page(request));
    else if (request.headers.has('Range') && url.pathname.startsWith('/data/')) e.respondWith(rangeRead(e));
    else e.respondWith(file(request));
  });
}

/** The worker's script for a release: the functions above, called with this release's version. */
export function serviceWorkerSource(version: string): string {
  const args = [JSON.stringify(version), JSON.stringify(CACHE_PREFIX), String(WHOLE_FILE_LIMIT)].join(', ');
  return `'use strict';\nconst byteRange = ${byteRange.toString()};\n(${serviceWorker.toString()})(self, ${args}, byteRange);\n`;
}
