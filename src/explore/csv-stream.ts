/**
 * An uploaded CSV read as it streams: bytes → UTF-8 text (a fatal decoder: a file in another encoding is refused,
 * never read with replacement characters) → papaparse, chunk by chunk → the header and each column's cells, typed as
 * they pass (column-type.ts). Papaparse is given text, not the File: its own file reader decodes each 10 MB slice on
 * its own, which would cut a character in two at a slice's edge. Any problem stops the read with where it is: the
 * record (the header is record 1; a quoted field may span lines) or the line for an encoding error. No DOM: the same
 * code runs in the page's worker and in Node's tests.
 */
import Papa from 'papaparse';
import { ColumnTyper, type ColumnType } from './column-type.ts';

/** The largest file the workbench reads (bytes): said on the page before a file is chosen. */
export const UPLOAD_LIMIT = 50_000_000;

export type UploadProblem =
  | { reason: 'too-big'; bytes: number; limit: number }
  | { reason: 'encoding'; line: number }
  | { reason: 'malformed'; record: number; what: string }
  | { reason: 'ragged'; record: number; expected: number; got: number }
  | { reason: 'no-header' }
  | { reason: 'no-rows' }
  | { reason: 'unreadable'; message: string };

export class UploadFailure extends Error {
  readonly problem: UploadProblem;
  constructor(problem: UploadProblem) {
    super(`upload: ${problem.reason}`);
    this.name = 'UploadFailure';
    this.problem = problem;
  }
}

export interface ParsedCsv {
  header: string[];
  /** Column-major: cells[c][r] is column c of data row r, as written (an empty cell is ""). */
  cells: string[][];
  types: ColumnType[];
  rows: number;
  delimiter: string;
}

type Listener = (arg?: unknown) => void;

/** The little of a Node readable stream papaparse's stream reader calls: it parses each 'data' before returning. */
function textSource() {
  const listeners = new Map<string, Set<Listener>>();
  return {
    readable: true as const,
    read() {},
    pause() {},
    resume() {},
    on(ev: string, fn: Listener) {
      if (!listeners.has(ev)) listeners.set(ev, new Set());
      listeners.get(ev)!.add(fn);
    },
    removeListener(ev: string, fn: Listener) {
      listeners.get(ev)?.delete(fn);
    },
    emit(ev: string, arg?: unknown) {
      for (const fn of [...(listeners.get(ev) ?? [])]) fn(arg);
    },
  };
}

const count = (s: string, c: string) => {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
};

/** The 1-based line of the first byte a fatal decoder refused: found by decoding the chunk again, leniently. */
function badLine(linesBefore: number, pending: Uint8Array, chunk: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(new Uint8Array([...pending, ...chunk]));
  const at = text.indexOf('\uFFFD');
  return linesBefore + count(text.slice(0, Math.max(0, at)), '\n') + 1;
}

/** How many bytes at the end of `b` begin a character the next chunk finishes. */
function unfinishedTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const x = b[b.length - k]!;
    if ((x & 0xc0) === 0x80) continue;
    const length = x >= 0xf0 ? 4 : x >= 0xe0 ? 3 : x >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

/** Characters of text handed to papaparse at a time. */
const BATCH = 1 << 16;

const looksLikeData = (header: readonly string[]) => header.every((h) => /^\s*[-+]?[0-9.,]*\s*$/.test(h));

export async function parseCsv(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<ParsedCsv> {
  const source = textSource();
  let header: string[] | null = null;
  let cells: string[][] = [];
  let typers: ColumnTyper[] = [];
  let records = 0;
  let rows = 0;
  let delimiter = ',';
  let problem: UploadProblem | null = null;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => { done = resolve; });

  Papa.parse<string[]>(source as unknown as File, {
    header: false,
    skipEmptyLines: false,
    chunk(results, parser) {
      if (problem) return;
      delimiter = results.meta.delimiter;
      // A one-column file has no delimiter to find: papaparse says so, and reads it as one column.
      const error = results.errors.find((e) => e.code !== 'UndetectableDelimiter');
      if (error) {
        problem = { reason: 'malformed', record: records + (error.row ?? 0) + 1, what: error.message };
        parser.abort();
        return;
      }
      for (const record of results.data) {
        records++;
        if (header === null) {
          header = record;
          if (header.every((h) => h.trim() === '') || looksLikeData(header)) {
            problem = { reason: 'no-header' };
            parser.abort();
            return;
          }
          cells = header.map(() => []);
          typers = header.map(() => new ColumnTyper());
          continue;
        }
        if (record.length === 1 && record[0] === '') continue; // a blank line
        if (record.length !== header.length) {
          problem = { reason: 'ragged', record: records, expected: header.length, got: record.length };
          parser.abort();
          return;
        }
        for (let c = 0; c < record.length; c++) {
          cells[c]!.push(record[c]!);
          typers[c]!.see(record[c]!);
        }
        rows++;
      }
    },
    complete: () => done(),
    error: (e: Error) => {
      problem ??= { reason: 'unreadable', message: e.message };
      done();
    },
  });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let lines = 0;
  // Text goes to papaparse in batches: it guesses the delimiter from its first one, and fewer calls cost less.
  let buffered: string[] = [];
  let size = 0;
  const flush = () => {
    const text = buffered.join('');
    buffered = [];
    size = 0;
    if (text && !problem) source.emit('data', text);
  };
  // The bytes of a character cut at a chunk's edge, which the decoder holds until the next chunk.
  let pending = new Uint8Array(0);
  try {
    for await (const chunk of chunks) {
      bytes += chunk.byteLength;
      if (bytes > limit) throw new UploadFailure({ reason: 'too-big', bytes, limit });
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new UploadFailure({ reason: 'encoding', line: badLine(lines, pending, chunk) });
      }
      pending = chunk.slice(chunk.byteLength - unfinishedTail(chunk));
      lines += count(text, '\n');
      buffered.push(text);
      size += text.length;
      if (size >= BATCH) flush();
      if (problem) throw new UploadFailure(problem);
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      throw new UploadFailure({ reason: 'encoding', line: lines + 1 });
    }
    buffered.push(rest);
    flush();
    source.emit('end');
    await finished;
  } catch (e) {
    if (e instanceof UploadFailure) throw e;
    throw new UploadFailure({ reason: 'unreadable', message: e instanceof Error ? e.message : String(e) });
  }
  if (problem) throw new UploadFailure(problem);
  if (header === null) throw new UploadFailure({ reason: 'no-header' });
  if (rows === 0) throw new UploadFailure({ reason: 'no-rows' });
  return { header, cells, types: typers.map((t) => t.type), rows, delimiter };
}
