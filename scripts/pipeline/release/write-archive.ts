/**
 * The whole release as one zip: README.txt, LICENCES.txt, SHA256SUMS (for `sha256sum -c`), datapackage.json and the
 * data files. Same files → same bytes: entries sorted by name, one fixed timestamp, fixed deflate level. Files are
 * read and zipped a chunk at a time, so a large table is never held whole.
 *
 * fflate lays out the zip; the deflating is Node's zlib (NativeDeflate below): four times faster than fflate's
 * JavaScript deflate on a CSV, and it runs on libuv's thread pool. fflate writes no Zip64 records, so a file or an
 * archive past 4 GiB is refused with the reason rather than written broken.
 */
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { createDeflateRaw, type DeflateRaw } from 'node:zlib';
import { once } from 'node:events';
import { closeSync, openSync, readSync, statSync, writeSync } from 'node:fs';
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
const DEFLATE_LEVEL = 6;
/**
 * Past this size an entry is deflated at level 1: seven times faster than level 6 on CSV (200 MB: 1.2 s against
 * 8.7 s) for a third more bytes. It keeps a 23 M-row table's CSV (gigabytes) within the pipeline's time budget; every
 * file of today's release is far below it, so their bytes are as before.
 */
const LARGE_ENTRY = 64 * 2 ** 20;
const LARGE_DEFLATE_LEVEL = 1;
/** The largest size and offset a zip without Zip64 records can state. */
const ZIP32_LIMIT = 0xffffffff;

/** Parquet is compressed inside already; deflating it again costs time for nothing. */
const stored = (name: string) => name.endsWith('.parquet');

/**
 * A zip entry deflated by zlib. ZipPassThrough counts the size and the CRC of what is pushed; process() hands the
 * bytes to zlib, whose output reaches the zip as it comes. fflate documents overriding process() for this.
 */
class NativeDeflate extends ZipPassThrough {
  private readonly zlib: DeflateRaw;
  readonly finished: Promise<void>;

  constructor(name: string, level: number) {
    super(name);
    this.zlib = createDeflateRaw({ level });
    // The entry's flags state the level, as fflate's own deflate sets them (1 → "super fast", 2–5 → "fast", 9 → "maximum").
    (this as ZipInputFile).flag = level === 1 ? 3 : level < 6 ? 2 : level === 9 ? 1 : 0;
    this.compression = 8;
    // zlib's output is in ordinary (never shared) ArrayBuffers.
    this.zlib.on('data', (d: Buffer) => this.ondata(null, d as Uint8Array<ArrayBuffer>, false));
    this.finished = new Promise((resolve, reject) => {
      this.zlib.on('end', () => {
        this.ondata(null, new Uint8Array(0), true);
        resolve();
      });
      this.zlib.on('error', reject);
    });
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (chunk.length > 0) this.zlib.write(chunk);
    if (final) this.zlib.end();
  }

  /** Waits while zlib's input buffer is full, so a large file is not read faster than it is compressed. */
  async drained(): Promise<void> {
    if (this.zlib.writableNeedDrain) await once(this.zlib, 'drain');
  }
}

/** Exported for its test. */
export function deflateLevel(entry: ArchiveEntry): number {
  const size = 'text' in entry.from ? Buffer.byteLength(entry.from.text) : statSync(entry.from.file).size;
  return size > LARGE_ENTRY ? LARGE_DEFLATE_LEVEL : DEFLATE_LEVEL;
}

export function sha256sums(entries: readonly { name: string; sha256: string }[]): string {
  return [...entries].sort((a, b) => (a.name < b.name ? -1 : 1)).map((e) => `${e.sha256}  ${e.name}\n`).join('');
}

function* chunksOf(entry: ArchiveEntry): Generator<Buffer> {
  if ('text' in entry.from) {
    yield Buffer.from(entry.from.text, 'utf8');
    return;
  }
  const fd = openSync(entry.from.file, 'r');
  try {
    for (;;) {
      const buf = Buffer.alloc(CHUNK);
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) return;
      // Each chunk its own buffer: fflate and zlib may keep a reference after the push.
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
      const file = stored(e.name) ? new ZipPassThrough(e.name) : new NativeDeflate(e.name, deflateLevel(e));
      file.mtime = FIXED_TIME;
      zip.add(file);
      let size = 0;
      for (const chunk of chunksOf(e)) {
        size += chunk.length;
        if (size > ZIP32_LIMIT) throw new Error(`${path}: ${e.name} is over 4 GiB, which needs Zip64 records this writer does not make`);
        file.push(chunk, false);
        if (file instanceof NativeDeflate) await file.drained();
      }
      file.push(new Uint8Array(0), true);
      if (file instanceof NativeDeflate) await file.finished;
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
