/**
 * Rewrites a manifest the way a maintainer would by hand: one file entry's `sha256` and `rows`, nothing else. The
 * manifests are written as `JSON.stringify(…, null, 2)`, so parsing and writing back keeps every other byte.
 */
export interface Accepted {
  sha256: string;
  rows: number;
}

type Entry = Record<string, unknown>;

/** The entry with the new checksum, and `rows` right after it so the two read together. */
function acceptEntry(entry: Entry, accepted: Accepted): Entry {
  const out: Entry = {};
  for (const [k, v] of Object.entries(entry)) {
    if (k === 'rows') continue;
    out[k] = k === 'sha256' ? accepted.sha256 : v;
    if (k === 'sha256') out['rows'] = accepted.rows;
  }
  return out;
}

export function acceptedManifestText(text: string, fileName: string, accepted: Accepted): string {
  const manifest = JSON.parse(text) as { files: Entry[] };
  const i = manifest.files.findIndex((f) => f['name'] === fileName);
  if (i < 0) throw new Error(`the manifest has no file ${fileName}`);
  manifest.files[i] = acceptEntry(manifest.files[i]!, accepted);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
