/**
 * Nothing in a publisher's file can be dated after the file was published (the manifest's `release_date`): a year
 * 2099 in a count file is a typo or a damaged file, not data. values.ts checks each year and date cell as it reads
 * it, naming the publisher's column; this is the backstop over every released row, so that a normalizer with its own
 * year or date parser cannot let one through. The column named is then the released one.
 */
import type { EventTable, Observation } from './model.ts';
import type { SourceManifest } from './manifest.ts';
import { PipelineError } from './errors.ts';
import { sourceRefLocation } from './source-ref-location.ts';

function releaseDates(manifests: SourceManifest[]): Map<string, string> {
  return new Map(manifests.map((m) => [m.id, m.release_date]));
}

function releaseDateOf(dates: Map<string, string>, source: unknown, table: string): string {
  const d = dates.get(String(source));
  if (d === undefined) throw new Error(`${table}: row from source ${JSON.stringify(source)}, which has no manifest`);
  return d;
}

function tooLate(sourceRef: string, column: string, found: string, table: string, releaseDate: string): PipelineError {
  return new PipelineError(
    sourceRefLocation(sourceRef, column),
    `${found} (released in ${table}) is later than the file's own publication on ${releaseDate}: it cannot be real`,
  );
}

/** The columns of an event table that hold a year or a date. */
interface DatedColumn {
  name: string;
  kind: 'year' | 'date';
}

function datedColumns(t: EventTable): DatedColumn[] {
  return t.columns.flatMap((c): DatedColumn[] => {
    if (c.type === 'DATE') return [{ name: c.name, kind: 'date' }];
    if (c.type === 'INTEGER' && (c.name === 'year' || c.name.endsWith('_year'))) return [{ name: c.name, kind: 'year' }];
    return [];
  });
}

export function checkPublicationDates(manifests: SourceManifest[], observations: Observation[], events: EventTable[]): void {
  const dates = releaseDates(manifests);
  for (const t of events) {
    const cols = datedColumns(t);
    for (const row of t.rows) {
      const released = releaseDateOf(dates, row['source'], t.name);
      for (const c of cols) {
        const v = row[c.name];
        if (v === null || v === undefined) continue;
        const late = c.kind === 'year' ? Number(v) > Number(released.slice(0, 4)) : String(v) > released;
        if (late) throw tooLate(String(row['source_ref']), c.name, `${c.kind} ${v}`, t.name, released);
      }
    }
  }
  for (const o of observations) {
    const released = releaseDateOf(dates, o.source, 'observations');
    if (o.year > Number(released.slice(0, 4))) throw tooLate(o.source_ref, 'year', `year ${o.year}`, `observations (${o.indicator})`, released);
  }
}
