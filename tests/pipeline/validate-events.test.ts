import { describe, expect, it } from 'vitest';
import { validateEventTables } from '../../scripts/pipeline/validate-events.ts';
import { column, type EventTable } from '../../scripts/pipeline/model.ts';

const table = (dead: unknown, when: unknown = '2019-01-02'): EventTable => ({
  name: 'incidents', title: 't', description: 'd',
  columns: [column('dead', 'INTEGER', ''), column('date', 'DATE', ''), column('source_ref', 'VARCHAR', '')],
  rows: [{ dead: 3, date: null, source_ref: 'm.xlsx:Worksheet:2' }, { dead, date: when, source_ref: 'm.xlsx:Worksheet:3' } as EventTable['rows'][number]],
});

describe('validateEventTables', () => {
  it('passes values their columns can hold, up to the INTEGER limit', () => {
    expect(() => validateEventTables([table(2 ** 31 - 1)])).not.toThrow();
  });

  it('names the publisher\'s row of a count beyond the INTEGER range', () => {
    expect(() => validateEventTables([table(3_000_000_000)])).toThrow(
      "file m.xlsx, sheet Worksheet, row 3, column dead: beyond the column's whole-number range (±2147483647) in released table incidents, found 3000000000",
    );
  });

  it('names a value of the wrong kind', () => {
    expect(() => validateEventTables([table(2.5)])).toThrow('row 3, column dead: expected a whole number in released table incidents, found 2.5');
    expect(() => validateEventTables([table(1, '2019-1-2')])).toThrow('row 3, column date: expected a date YYYY-MM-DD in released table incidents, found "2019-1-2"');
  });
});
