/**
 * /search-index.json: the site search's entries (src/data/search-entries.ts), read by the search box on the first
 * keystroke (src/client/search-box.ts). Outside the versioned release folders, and served `no-cache` like every page
 * (public/_headers), since it changes with the release.
 */
import type { APIRoute } from 'astro';
import { searchData } from '../data/search-entries.ts';
import { makeLocale } from '../i18n/locale.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await searchData(makeLocale('en'))).entries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
