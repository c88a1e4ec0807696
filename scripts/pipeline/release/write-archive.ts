/**
 * The whole release as one zip: README.txt, LICENCES.txt, SHA256SUMS (for `sha256sum -c`), datapackage.json and the
 * data files. Same files → same bytes: entries sorted by name, one fixed timestamp, fixed deflate level. Files are
 * read and zipped a chunk at a time, so a large table is never held whole.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface ArchiveEntry {
  /** Path inside the zip. */
  name: string;
  /** Where the bytes are: a file on disk, or text made for the archive. */
  from: { file: string } | { text: string };
  sha256: string;
}

// fflate writes the DOS timestamp from the Date's local-time fields, so a Date built from local fields gives the same
// bytes in every time zone.
const FIXED_TIME = new Date(2000, 0, 1, 0, 0, 0);
const CHUNK = 1 << 22;

/** Parquet is compressed inside already; deflating it again costs time for nothing. */
const stored = (name: string) => name.endsWith('.parquet');

export function sha256sums(entries: readonly { name: string; sha256: string }[]): string {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => `${e.sha256}  ${e.name}\n`).join('');
}

export function writeArchive(path: string, entries: readonly ArchiveEntry[]): void {
  const out = openSync(path, 'w');
  const failures: Error[] = [];
  try {
    const zip = new Zip((err, data) => {
      if (err) failures.push(err);
      else writeSync(out, data);
    });
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = stored(e.name) ? new ZipPassThrough(e.name) : new ZipDeflate(e.name, { level: 6 });
      file.mtime = FIXED_TIME;
      zip.add(file);
      if ('text' in e.from) {
        file.push(Buffer.from(e.from.text, 'utf8'), true);
        continue;
      }
      const fd = openSync(e.from.file, 'r');
      try {
        const buf = Buffer.alloc(CHUNK);
        for (;;) {
          const n = readSync(fd, buf, 0, CHUNK, null);
          // Each pushed chunk must be its own copy: fflate may keep a reference until the next push.
          file.push(Buffer.from(buf.subarray(0, n)), n === 0);
          if (n === 0) break;
        }
      } finally {
        closeSync(fd);
      }
    }
    zip.end();
  } finally {
    closeSync(out);
  }
  if (failures[0]) throw failures[0];
}

/** An entry for a release file already written and hashed. */
export function fileEntry(dir: string, f: { name: string; sha256: string }): ArchiveEntry {
  return { name: f.name, from: { file: join(dir, f.name) }, sha256: f.sha256 };
}
