/**
 * The whole release as one zip: README.txt, LICENCES.txt, SHA256SUMS (for `sha256sum -c`), datapackage.json and the
 * data files. Same files → same bytes: entries sorted by name, one fixed timestamp, a deflate level fixed by size.
 * Files are read and zipped a chunk at a time, so a large table is never held whole.
 *
 * fflate lays out the zip; the deflating is Node's zlib (zip-deflaters.ts): four times faster than fflate's
 * JavaScript deflate on a CSV, and it runs on libuv's thread pool. fflate writes no Zip64 records, so a file or an
 * archive past 4 GiB is refused with the reason rather than written broken.
 */
import { Zip, ZipPassThrough } from 'fflate';
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ChunkedDeflate, StreamDeflate, withNativeCrc, type Deflater } from './zip-deflaters.ts';

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
const DEFLATE_LEVEL = 6;
/**
 * Past this size an entry is deflated at level 1, in chunks on every core (zip-deflaters.ts): level 1 is seven times
 * faster than level 6 on CSV (200 MB: 1.2 s against 8.7 s) for a third more bytes. It keeps a 23 M-row table's CSV
 * (gigabytes) within the pipeline's time budget; every file of today's release is far below it, so their bytes are
 * as before.
 */
const LARGE_ENTRY = 64 * 2 ** 20;
const LARGE_DEFLATE_LEVEL = 1;
/** The largest size and offset a zip without Zip64 records can state. */
const ZIP32_LIMIT = 0xffffffff;

/** Parquet is compressed inside already; deflating it again costs time for nothing. */
const stored = (name: string) => name.endsWith('.parquet');

/** How an entry is compressed: stored, or deflated at a level, in one stream or in chunks at once. */
export function deflaterFor(entry: ArchiveEntry): { level: 0 } | { level: number; chunked: boolean } {
  if (stored(entry.name)) return { level: 0 };
  const size = 'text' in entry.from ? Buffer.byteLength(entry.from.text) : statSync(entry.from.file).size;
  return size > LARGE_ENTRY ? { level: LARGE_DEFLATE_LEVEL, chunked: true } : { level: DEFLATE_LEVEL, chunked: false };
}

function zipFile(entry: ArchiveEntry): ZipPassThrough | Deflater {
  const how = deflaterFor(entry);
  if (!('chunked' in how)) return withNativeCrc(new ZipPassThrough(entry.name));
  return withNativeCrc(how.chunked ? new ChunkedDeflate(entry.name, how.level) : new StreamDeflate(entry.name, how.level));
}

const deflating = (f: ZipPassThrough | Deflater): f is Deflater => f instanceof StreamDeflate || f instanceof ChunkedDeflate;

export function sha256sums(entries: readonly { name: string; sha256: string }[]): string {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => `${e.sha256}  ${e.name}\n`).join('');
}

/**
 * A deflated entry's chunks each get a buffer of their own (zlib keeps a reference after the push); a stored entry's
 * pass straight through to the file, so one buffer serves them all instead of a table's worth of garbage.
 */
function* chunksOf(entry: ArchiveEntry, reuse: boolean): Generator<Buffer> {
  if ('text' in entry.from) {
    yield Buffer.from(entry.from.text, 'utf8');
    return;
  }
  const fd = openSync(entry.from.file, 'r');
  const shared = reuse ? Buffer.allocUnsafe(CHUNK) : null;
  try {
    for (;;) {
      const buf = shared ?? Buffer.alloc(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) return;
      yield buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

export async function writeArchive(path: string, entries: readonly ArchiveEntry[]): Promise<void> {
  const out = openSync(path, 'w');
  const failures: Error[] = [];
  let written = 0;
  try {
    const zip = new Zip((err, data) => {
      if (err) return void failures.push(err);
      written += data.length;
      if (written > ZIP32_LIMIT) return void failures.push(new Error(`${path}: the archive passes 4 GiB, which needs Zip64 records this writer does not make`));
      writeSync(out, data);
    });
    for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = zipFile(e);
      file.mtime = FIXED_TIME;
      zip.add(file);
      let size = 0;
      for (const chunk of chunksOf(e, !deflating(file))) {
        size += chunk.length;
        if (size > ZIP32_LIMIT) throw new Error(`${path}: ${e.name} is over 4 GiB, which needs Zip64 records this writer does not make`);
        file.push(chunk, false);
        if (deflating(file)) await file.drained();
      }
      file.push(new Uint8Array(0), true);
      if (deflating(file)) await file.finished;
      if (failures[0]) throw failures[0];
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
