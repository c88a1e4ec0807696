/**
 * A raw file too large to hold in memory: its header line, read from the first bytes, and one streaming pass for its
 * sha256 and any blank line. DuckDB's CSV reader skips blank lines without a word, which would shift every row number
 * below them, so a blank line inside the data stops the run, naming its line. Blank lines at the very end are not
 * records (as in read-table.ts) and pass.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { csvParseRows, dsvFormat } from 'd3';
import { PipelineError } from '../errors.ts';
import type { FileLayout } from '../manifest.ts';

/** A streamed source's file, located and its header read; its bytes are checked by `scanFile`, beside the reading. */
export interface StreamedFile {
  layout: FileLayout;
  sourceId: string;
  /** The source's release_date: nothing in the file can be dated later. */
  published: string;
  path: string;
  /** The header row's cells as the file has them. */
  header: string[];
}

const LF = 0x0a;
const CR = 0x0d;
/** The header row is parsed from the first bytes only; a header longer than this is not a header. */
const HEADER_BYTES = 1 << 16;

/** Counts lines across chunks and remembers the first blank line that more data follows. */
class BlankLines {
  private line = 1;
  private lineHasContent = false;
  private pendingBlank: number | null = null;
  firstInside: number | null = null;

  feed(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(LF, start);
      const end = nl < 0 ? chunk.length : nl;
      // A CR before the LF is part of the line ending, not content (also when the LF starts the next chunk).
      const bytes = end - start - (end > start && chunk[end - 1] === CR ? 1 : 0);
      if (bytes > 0) this.content();
      if (nl < 0) return;
      if (!this.lineHasContent && this.pendingBlank === null) this.pendingBlank = this.line;
      this.line++;
      this.lineHasContent = false;
      start = nl + 1;
    }
  }

  private content(): void {
    if (this.pendingBlank !== null && this.firstInside === null) this.firstInside = this.pendingBlank;
    this.pendingBlank = null;
    this.lineHasContent = true;
  }
}

function parseHeader(first: Buffer, layout: FileLayout): string[] {
  let text = first.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const lines = text.split('\n');
  const line = (lines[layout.header_row - 1] ?? '').replace(/\r$/, '');
  const d = layout.delimiter ?? ',';
  return (d === ',' ? csvParseRows(line) : dsvFormat(d).parseRows(line))[0] ?? [];
}

/** The header row's cells, from the file's first bytes only. */
export async function readHeader(path: string, layout: FileLayout): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const first = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(first, 0, HEADER_BYTES, 0);
    return parseHeader(first.subarray(0, bytesRead), layout);
  } finally {
    await handle.close();
  }
}

/**
 * The file's sha256, after one pass that stops on a blank line among the records. `chunkBytes` is the read size
 * (tests make it tiny, to put line ends across chunk boundaries); `signal` stops the pass when the run has failed
 * elsewhere, rather than reading gigabytes nobody will use.
 */
export async function scanFile(path: string, layout: FileLayout, chunkBytes = 1 << 22, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const blanks = new BlankLines();
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    blanks.feed(chunk);
  }
  if (blanks.firstInside !== null) {
    throw new PipelineError(
      { file: layout.name, row: blanks.firstInside },
      'a blank line among the records: the CSV reader would skip it and misnumber every row below it (or a quoted value spans a blank line)',
    );
  }
  return hash.digest('hex');
}
