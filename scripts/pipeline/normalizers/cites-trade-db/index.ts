/**
 * The full CITES Trade Database (bulk download: trade_db_1.csv … trade_db_<n>.csv, ~23 million shipment records),
 * read as a streamed source: no record becomes a JavaScript object. Two DuckDB sessions each take half the files
 * (by bytes, stream/file-halves.ts) and read them twice, one pass after the other:
 *
 *   1. classify every record (checks.ts) → per-file counts and the quarantined rows (fates.ts); the CSV reader's
 *      refusals stop the run with file, row and column (and stop the halves after it);
 *   2. write the records that pass to that half's Parquet file, in file order (shipments.ts);
 *
 * joins the halves' files into the event table's one file (stream/concat-parquet.ts), then reads it back, again on
 * both sessions: its rows per file, so read = emitted + quarantined is checked against what was actually written,
 * and its source-I rows, aggregated into observations (observations.ts).
 *
 * Halves, not one session classifying while the other writes: the write costs 1.4 times the classify, so the
 * classifier sat idle for the last 45 of 104 s (23 M records).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '../../errors.ts';
import { firstReject, misshapen } from '../../stream/csv-source.ts';
import type { StreamedSourceModule, StreamFileCount, StreamInput, StreamOutput } from '../../source-module.ts';
import { READS } from './cells.ts';
import { checks, type Check } from './checks.ts';
import { DuckSession, type SessionLimits } from '../../stream/duckdb-session.ts';
import type { WrittenTable } from '../../release/tables.ts';
import { createGeoCodes, type GeoCodes } from './geo-codes.ts';
import type { QuarantineEntry } from '../../ledger.ts';
import type { StreamedFile } from '../../stream/scan-file.ts';
import { fileHalves } from '../../stream/file-halves.ts';
import { concatParquet } from '../../stream/concat-parquet.ts';
import { fileFates, quarantined, sortFates, type FileFates } from './fates.ts';
import { seizedObservations } from './observations.ts';
import { classifiedSql, collectSeized, SOURCE_ID, writeShipments, writtenCounts } from './shipments.ts';
import { INDICATORS } from './indicators.ts';
import { stopwatch } from '../../stopwatch.ts';

/**
 * A file may lose at most this share of its records to quarantine. Past it, the file is not what the checks
 * understand (a new code, a shifted column), and a person should look before it is released.
 */
export const MAX_QUARANTINED_SHARE = 0.01;

async function checkFates(session: DuckSession, fates: FileFates[], input: StreamInput, list: Check[]): Promise<void> {
  for (const f of fates) {
    const layout = input.files.find((x) => x.layout.name === f.file)!.layout;
    if (f.lastLine !== f.read + layout.header_row) {
      throw new PipelineError({ file: f.file }, `rows are not numbered densely (${f.read} records, last row ${f.lastLine}): the file order was lost`);
    }
    if (f.quarantined > f.read * MAX_QUARANTINED_SHARE) {
      const first = (await quarantined(session, list)).find((q) => q.file === f.file)!;
      throw new PipelineError(
        { file: f.file },
        `${f.quarantined} of ${f.read} records would be quarantined, more than ${MAX_QUARANTINED_SHARE * 100}%: the file is not in the layout or codes the normalizer knows ` +
          `(the first: row ${first.row}, column ${first.column ?? '–'}, ${first.reason}, found ${JSON.stringify(first.value)})`,
      );
    }
  }
}

/** read = emitted + quarantined per file, with emitted counted in the written Parquet file. */
function fileCounts(fates: FileFates[], written: Map<string, number>, input: StreamInput): StreamFileCount[] {
  return input.files.map((f) => {
    const name = f.layout.name;
    const fate = fates.find((x) => x.file === name);
    const emitted = written.get(name) ?? 0;
    const read = fate?.read ?? 0;
    if (read !== emitted + (fate?.quarantined ?? 0)) {
      throw new PipelineError({ file: name }, `accounting does not add up: read ${read}, written to the event table ${emitted}, quarantined ${fate?.quarantined ?? 0}`);
    }
    return { file: name, read, emitted };
  });
}

/**
 * Two single-threaded sessions, one per half of the files (stream/duckdb-session.ts says why). Their memory limits,
 * with Node's own, keep the process under the 2 GB of issue 7.
 */
const SESSION: SessionLimits = { memoryLimit: '640MB', threads: 1 };

/** The first record the reader refused or found misshapen, in file order. */
async function firstUnreadable(session: DuckSession, files: StreamedFile[], fates: FileFates[]): Promise<PipelineError | null> {
  const refused = await firstReject(session, files);
  const errors = fates.flatMap((f) => {
    const file = files.find((x) => x.layout.name === f.file)!;
    return f.misshapen ? [misshapen(file, f.misshapen.row, f.misshapen.shape)] : [];
  });
  if (refused) errors.push(refused);
  const order = (e: PipelineError) => [files.findIndex((f) => f.layout.name === e.location.file), e.location.row ?? 0] as const;
  return errors.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1])[0] ?? null;
}

interface Classified {
  fates: FileFates[];
  quarantine: QuarantineEntry[];
  /** The session's geo codes, which the write pass uses too. */
  geo: GeoCodes;
}

async function classifyPass(session: DuckSession, input: StreamInput, files: StreamedFile[], list: Check[]): Promise<Classified> {
  const geo = await createGeoCodes(session, input.geo);
  await sortFates(session, classifiedSql(files, list, geo, { storeRejects: true }), list);
  const fates = await fileFates(session);
  const unreadable = await firstUnreadable(session, files, fates);
  if (unreadable) throw unreadable;
  await checkFates(session, fates, input, list);
  return { fates, quarantine: await quarantined(session, list), geo };
}

/** The records of `files` that pass, written in file order. */
async function writePass(session: DuckSession, files: StreamedFile[], list: Check[], geo: GeoCodes, path: string): Promise<WrittenTable> {
  return writeShipments(session, classifiedSql(files, list, geo, { storeRejects: false }), path);
}

/** Milliseconds from now until the promise settles, recorded under `name`. */
function timed<T>(p: Promise<T>, name: string, timings: Record<string, number>): Promise<T> {
  const started = performance.now();
  const done = () => (timings[name] = Math.round(performance.now() - started));
  return p.then(
    (v) => (done(), v),
    (e: unknown) => {
      done();
      throw e;
    },
  );
}

/**
 * Both settled before an error is thrown, so no session is closed under a running statement; the first one's error
 * wins.
 */
async function settled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

const rejected = (r: PromiseSettledResult<unknown>): r is PromiseRejectedResult => r.status === 'rejected';

/**
 * Each session classifies its half of the files, then writes that half's records that pass. A half is written only
 * once its own checks are through, and the error reported is the first in file order: a half that fails stops the
 * halves after it at once (their errors come later in the files) and every write once the halves before it are
 * classified. Every statement has settled before this returns or throws, so no session is closed under one.
 */
async function inHalves(sessions: DuckSession[], input: StreamInput, list: Check[], timings: Record<string, number>): Promise<{ fates: FileFates[]; quarantine: QuarantineEntry[]; parts: WrittenTable[] }> {
  const halves = fileHalves(input.files);
  let stopped = false;
  const label = (files: StreamedFile[]) => {
    const at = (f: StreamedFile) => input.files.indexOf(f) + 1;
    return `files ${at(files[0]!)}–${at(files.at(-1)!)}`;
  };
  const classified = halves.map((files, i) =>
    timed(classifyPass(sessions[i]!, input, files, list), `classify ${label(files)}`, timings).catch((e: unknown) => {
      for (const later of sessions.slice(i + 1)) later.interrupt();
      throw e;
    }),
  );
  const written = halves.map((files, i) =>
    classified[i]!.then(({ geo }) => {
      if (stopped) throw new Error('stopped: another half failed its checks');
      return timed(writePass(sessions[i]!, files, list, geo, join(input.workDir, `shipments-${i + 1}.parquet`)), `write events ${label(files)}`, timings);
    }),
  );
  // Settled handlers first: a half that fails its checks rejects its write too, before anyone awaits the writes.
  const writesSettled = Promise.allSettled(written);
  const checks = await Promise.allSettled(classified);
  const failed = checks.find(rejected);
  if (failed) {
    stopped = true;
    for (const s of sessions) s.interrupt();
  }
  const writes = await writesSettled;
  if (failed) throw failed.reason;
  const writeFailed = writes.find(rejected);
  if (writeFailed) throw writeFailed.reason;
  const done = checks as PromiseFulfilledResult<Classified>[];
  return {
    fates: done.flatMap((c) => c.value.fates),
    quarantine: done.flatMap((c) => c.value.quarantine),
    parts: (writes as PromiseFulfilledResult<WrittenTable>[]).map((w) => w.value),
  };
}

/** The halves' files joined into one, in file order; its rows must be the rows the writes reported. */
function joinParts(parts: WrittenTable[], path: string): WrittenTable {
  const rows = concatParquet(parts.map((p) => p.path), path);
  for (const p of parts.slice(1)) rmSync(p.path);
  const reported = parts.reduce((s, p) => s + p.rowCount, 0);
  if (rows !== reported) throw new PipelineError({ file: parts[0]!.name }, `normalizer bug: the joined event table has ${rows} rows, its halves wrote ${reported}`);
  return { ...parts[0]!, rowCount: rows, path };
}

async function stream(input: StreamInput): Promise<StreamOutput> {
  const { files, manifest } = input;
  const { timings, lap } = stopwatch();
  const list = checks(manifest.release_date);
  const sessions = [await DuckSession.open(join(input.workDir, 'first-half'), SESSION), await DuckSession.open(join(input.workDir, 'second-half'), SESSION)];
  try {
    const { fates, quarantine, parts } = await inHalves(sessions, input, list, timings);
    lap('classify, then write events, in halves');
    const table = joinParts(parts, join(input.workDir, 'shipments.parquet'));
    lap('join the halves');
    // The written file read back on both sessions at once: its rows per file, and its source-I rows.
    const [written, observations] = await settled(
      writtenCounts(sessions[0]!, table.path),
      collectSeized(sessions[1]!, table.path, files).then(() => seizedObservations(sessions[1]!)),
    );
    lap('count events ‖ observations');
    const releaseYear = Number(manifest.release_date.slice(0, 4));
    if (written.lastYear !== null && written.lastYear > releaseYear) {
      throw new PipelineError({ file: table.name }, `normalizer bug: year ${written.lastYear} written, after the release date ${manifest.release_date}`);
    }
    const counts = fileCounts(fates, written.perFile, input);
    return { observations, tables: [table], quality: [], counts, quarantine, timings };
  } finally {
    for (const s of sessions) s.close();
  }
}

const source: StreamedSourceModule = { id: SOURCE_ID, indicators: INDICATORS, reads: READS, stream };
export default source;
