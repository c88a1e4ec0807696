/**
 * The full CITES Trade Database (bulk download: trade_db_1.csv … trade_db_<n>.csv, ~23 million shipment records),
 * read as a streamed source: no record becomes a JavaScript object. DuckDB reads the files twice, at the same time:
 *
 *   1. classify every record (checks.ts) → per-file counts and the quarantined rows (fates.ts); the CSV reader's
 *      refusals stop the run with file, row and column (and stop the other pass);
 *   2. write the records that pass to the event table's Parquet file, in file order (shipments.ts);
 *
 * then reads the written file back, again on both sessions: its rows per file, so read = emitted + quarantined is
 * checked against what was actually written, and its source-I rows, aggregated into observations (observations.ts).
 */
import { join } from 'node:path';
import { PipelineError } from '../../errors.ts';
import { firstReject, misshapen } from '../../stream/csv-source.ts';
import type { StreamedSourceModule, StreamFileCount, StreamInput, StreamOutput } from '../../source-module.ts';
import { READS } from './cells.ts';
import { checks, type Check } from './checks.ts';
import { DuckSession, type SessionLimits } from '../../stream/duckdb-session.ts';
import type { WrittenTable } from '../../release/tables.ts';
import { createGeoCodes } from './geo-codes.ts';
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
 * Each pass runs single-threaded in its own session, both at once (stream/duckdb-session.ts says why). Their memory
 * limits, with Node's own, keep the process under the 2 GB of issue 7.
 */
const CLASSIFIER: SessionLimits = { memoryLimit: '512MB', threads: 1 };
const WRITER: SessionLimits = { memoryLimit: '768MB', threads: 1 };

/** The first record the reader refused or found misshapen, in file order. */
async function firstUnreadable(session: DuckSession, input: StreamInput, fates: FileFates[]): Promise<PipelineError | null> {
  const refused = await firstReject(session, input.files);
  const errors = fates.flatMap((f) => {
    const file = input.files.find((x) => x.layout.name === f.file)!;
    return f.misshapen ? [misshapen(file, f.misshapen.row, f.misshapen.shape)] : [];
  });
  if (refused) errors.push(refused);
  const order = (e: PipelineError) => [input.files.findIndex((f) => f.layout.name === e.location.file), e.location.row ?? 0] as const;
  return errors.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1])[0] ?? null;
}

async function classifyPass(session: DuckSession, input: StreamInput, list: Check[]): Promise<FileFates[]> {
  const geo = await createGeoCodes(session, input.geo);
  await sortFates(session, classifiedSql(input.files, list, geo, { storeRejects: true }), list);
  const fates = await fileFates(session);
  const unreadable = await firstUnreadable(session, input, fates);
  if (unreadable) throw unreadable;
  await checkFates(session, fates, input, list);
  return fates;
}

async function writePass(session: DuckSession, input: StreamInput, list: Check[]): Promise<WrittenTable> {
  const geo = await createGeoCodes(session, input.geo);
  return writeShipments(session, classifiedSql(input.files, list, geo, { storeRejects: false }), join(input.workDir, 'shipments.parquet'));
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

/** Both passes at once; a refusal found by the classifying pass (file, row, column) wins over the writer's error. */
async function bothPasses(classifier: DuckSession, writer: DuckSession, input: StreamInput, list: Check[], timings: Record<string, number>): Promise<{ fates: FileFates[]; table: WrittenTable }> {
  const classified = timed(classifyPass(classifier, input, list), 'classify (beside the write)', timings).catch((e: unknown) => {
    writer.interrupt();
    throw e;
  });
  const [fates, table] = await settled(classified, timed(writePass(writer, input, list), 'write events (beside the classify)', timings));
  return { fates, table };
}

async function stream(input: StreamInput): Promise<StreamOutput> {
  const { files, manifest } = input;
  const { timings, lap } = stopwatch();
  const list = checks(manifest.release_date);
  const classifier = await DuckSession.open(join(input.workDir, 'classify'), CLASSIFIER);
  const writer = await DuckSession.open(join(input.workDir, 'write'), WRITER);
  try {
    const { fates, table } = await bothPasses(classifier, writer, input, list, timings);
    lap('classify ‖ write events');
    // The written file read back, again on both sessions at once: its rows per file, and its source-I rows.
    const [written, observations] = await settled(
      writtenCounts(classifier, table.path),
      collectSeized(writer, table.path, files).then(() => seizedObservations(writer)),
    );
    lap('count events ‖ observations');
    const releaseYear = Number(manifest.release_date.slice(0, 4));
    if (written.lastYear !== null && written.lastYear > releaseYear) {
      throw new PipelineError({ file: table.name }, `normalizer bug: year ${written.lastYear} written, after the release date ${manifest.release_date}`);
    }
    const counts = fileCounts(fates, written.perFile, input);
    return { observations, tables: [table], quality: [], counts, quarantine: await quarantined(classifier, list), timings };
  } finally {
    classifier.close();
    writer.close();
  }
}

const source: StreamedSourceModule = { id: SOURCE_ID, indicators: INDICATORS, reads: READS, stream };
export default source;
