/**
 * The full CITES Trade Database (bulk download: trade_db_1.csv … trade_db_<n>.csv, ~23 million shipment records),
 * read as a streamed source: no record becomes a JavaScript object. DuckDB reads the files twice, at the same time:
 *
 *   1. classify every record (checks.ts) → per-file counts and the quarantined rows (fates.ts); the CSV reader's
 *      refusals stop the run with file, row and column (and stop the other pass);
 *   2. write the records that pass to the event table's Parquet file, in file order (shipments.ts);
 *
 * then reads the written file back: its rows per file, so read = emitted + quarantined is checked against what was
 * actually written, and its source-I rows, aggregated into observations (observations.ts).
 */
import { join } from 'node:path';
import { PipelineError } from '../../errors.ts';
import { firstReject } from '../../stream/csv-source.ts';
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

function checkFates(fates: FileFates[], input: StreamInput): void {
  for (const f of fates) {
    const layout = input.files.find((x) => x.layout.name === f.file)!.layout;
    if (f.lastLine !== f.read + layout.header_row) {
      throw new PipelineError({ file: f.file }, `rows are not numbered densely (${f.read} records, last row ${f.lastLine}): the file order was lost`);
    }
    if (f.quarantined > f.read * MAX_QUARANTINED_SHARE) {
      throw new PipelineError(
        { file: f.file },
        `${f.quarantined} of ${f.read} records would be quarantined, more than ${MAX_QUARANTINED_SHARE * 100}%: the file is not in the layout or codes the normalizer knows (see the first quarantined rows)`,
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

async function classifyPass(session: DuckSession, input: StreamInput, list: Check[]): Promise<FileFates[]> {
  const geo = await createGeoCodes(session, input.geo);
  await sortFates(session, classifiedSql(input.files, list, geo, { storeRejects: true }), list);
  const refused = await firstReject(session, input.files);
  if (refused) throw refused;
  const fates = await fileFates(session);
  checkFates(fates, input);
  return fates;
}

async function writePass(session: DuckSession, input: StreamInput, list: Check[]): Promise<WrittenTable> {
  const geo = await createGeoCodes(session, input.geo);
  return writeShipments(session, classifiedSql(input.files, list, geo, { storeRejects: false }), join(input.workDir, 'shipments.parquet'));
}

/** Both passes at once; a refusal found by the classifying pass (file, row, column) wins over the writer's error. */
async function bothPasses(classifier: DuckSession, writer: DuckSession, input: StreamInput, list: Check[]): Promise<{ fates: FileFates[]; table: WrittenTable }> {
  const classified = classifyPass(classifier, input, list).catch((e: unknown) => {
    writer.interrupt();
    throw e;
  });
  const [fates, table] = await Promise.allSettled([classified, writePass(writer, input, list)]);
  if (fates.status === 'rejected') throw fates.reason;
  if (table.status === 'rejected') throw table.reason;
  return { fates: fates.value, table: table.value };
}

async function stream(input: StreamInput): Promise<StreamOutput> {
  const { files, manifest } = input;
  const { timings, lap } = stopwatch();
  const list = checks(manifest.release_date);
  const classifier = await DuckSession.open(join(input.workDir, 'classify'), CLASSIFIER);
  const writer = await DuckSession.open(join(input.workDir, 'write'), WRITER);
  try {
    const { fates, table } = await bothPasses(classifier, writer, input, list);
    lap('classify ‖ write events');
    const written = await writtenCounts(writer, table.path);
    const releaseYear = Number(manifest.release_date.slice(0, 4));
    if (written.lastYear !== null && written.lastYear > releaseYear) {
      throw new PipelineError({ file: table.name }, `normalizer bug: year ${written.lastYear} written, after the release date ${manifest.release_date}`);
    }
    const counts = fileCounts(fates, written.perFile, input);
    await collectSeized(writer, table.path, files);
    lap('read events back');
    const observations = await seizedObservations(writer);
    lap('observations');
    return { observations, tables: [table], quality: [], counts, quarantine: await quarantined(classifier, list), timings };
  } finally {
    classifier.close();
    writer.close();
  }
}

const source: StreamedSourceModule = { id: SOURCE_ID, indicators: INDICATORS, reads: READS, stream };
export default source;
