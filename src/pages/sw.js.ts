/**
 * /sw.js, the service worker (src/offline/service-worker.ts), at a stable URL (its scope is the whole site) and written
 * for the release this build serves, so that a new release installs a new worker and drops the old cache.
 * public/_headers serves it `no-cache`, as every page: a browser must never hold on to an old worker.
 */
import type { APIRoute } from 'astro';
import { getCatalog } from '../data/load.ts';
import { serviceWorkerSource } from '../offline/service-worker.ts';

export const GET: APIRoute = () =>
  new Response(serviceWorkerSource(getCatalog().version), { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
