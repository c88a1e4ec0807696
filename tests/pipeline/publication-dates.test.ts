import { describe, expect, it } from 'vitest';
import { checkPublicationDates } from '../../scripts/pipeline/publication-dates.ts';
import { column, observation, type EventTable } from '../../scripts/pipeline/model.ts';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';

const manifest = { id: 'toy', release_date: '2019-09-03' } as SourceManifest;

const obs = (year: number, ref: string) =>
  observation({ domain: 'wildlife', indicator: 'wl_toy', geo: 'CHN', year, value: 1, unit: 'seizures', source: 'toy', source_ref: ref });

const events = (date: string | null, year: number | null): EventTable => ({
  name: 'toy_events', title: 't', description: 'd',
  columns: [column('date', 'DATE', ''), column('publication_year', 'INTEGER', ''), column('count', 'INTEGER', ''), column('source', 'VARCHAR', ''), column('source_ref', 'VARCHAR', '')],
  rows: [{ date, publication_year: year, count: 2100, source: 'toy', source_ref: 'toy.xlsx:INCIDENTS:12' }],
});

describe('checkPublicationDates', () => {
  it('passes values dated up to the day of publication; other integer columns are not years', () => {
    expect(() => checkPublicationDates([manifest], [obs(2019, 'toy.xlsx:INCIDENTS:4-9')], [events('2019-09-03', 2019)])).not.toThrow();
  });

  it('names the first source row of an aggregated observation from a later year', () => {
    expect(() => checkPublicationDates([manifest], [obs(2020, 'toy.xlsx:INCIDENTS:57,90-93')], [])).toThrow(
      "file toy.xlsx, sheet INCIDENTS, row 57, column year: year 2020 (released in observations (wl_toy)) is later than the file's own publication on 2019-09-03: it cannot be real",
    );
  });

  it('checks every date and year column of an event table', () => {
    expect(() => checkPublicationDates([manifest], [], [events('2019-09-04', null)])).toThrow(
      'file toy.xlsx, sheet INCIDENTS, row 12, column date: date 2019-09-04 (released in toy_events) is later',
    );
    expect(() => checkPublicationDates([manifest], [], [events(null, 2020)])).toThrow('row 12, column publication_year: year 2020 (released in toy_events)');
  });
});
