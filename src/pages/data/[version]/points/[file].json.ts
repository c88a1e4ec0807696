/**
 * A point map's year views (src/data/point-figures.ts): one small JSON file per map and year, under the release's
 * folder so that the service worker keeps it with the release for offline use. The name carries a hash of the
 * content, because `/data/<version>/` is served as immutable and these files follow the site's chart code too.
 */
import type { APIRoute } from 'astro';
import { DOMAINS } from '../../../../data/domains.ts';
import { dashboardFigures } from '../../../../data/dashboard-figures.ts';
import type { PointFile } from '../../../../data/point-figures.ts';

export async function getStaticPaths() {
  const files = await Promise.all(DOMAINS.map(async (spec) => (await dashboardFigures(spec)).pointFiles));
  return files.flat().map((f) => ({ params: { version: f.version, file: f.name }, props: { file: f } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response((props as { file: PointFile }).file.body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
