/**
 * The site's published releases as the browser learns them: `/data/releases.json` (written by
 * scripts/archive/runtime-index.ts), fetched only when a link names a release other than the page's. It is
 * revalidated on each use, so a page built before a newer release still learns of it. Read defensively: a malformed
 * entry is left out.
 */
export interface KnownRelease {
  version: string;
  /** YYYY-MM-DD */
  published: string;
}

export interface ReleaseList {
  /** Newest first. */
  releases: KnownRelease[];
}

const VERSION = /^[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readReleaseList(v: unknown): ReleaseList {
  const list = (v as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(list)) return { releases: [] };
  const releases = list.flatMap((r: unknown): KnownRelease[] => {
    const { version, published } = (r ?? {}) as Partial<KnownRelease>;
    return typeof version === 'string' && VERSION.test(version) && typeof published === 'string' && DAY.test(published) ? [{ version, published }] : [];
  });
  return { releases };
}

export async function loadReleaseList(origin: string): Promise<ReleaseList> {
  const r = await fetch(`${origin}/data/releases.json`, { cache: 'no-cache' });
  if (!r.ok) throw new Error(`releases.json: HTTP ${r.status}`);
  return readReleaseList(await r.json());
}
