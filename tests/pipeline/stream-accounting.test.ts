/**
 * The pieces a streamed source's promise rests on: the scan that must stop on a blank line the CSV reader would
 * skip, and the ledger that holds counts from SQL to read = emitted + quarantined. Expected values are counted by
 * hand from the bytes and rows written here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHeader, scanFile } from '../../scripts/pipeline/stream/scan-file.ts';
import { CountedLedger, type QuarantineEntry } from '../../scripts/pipeline/ledger.ts';
import type { FileLayout } from '../../scripts/pipeline/manifest.ts';
import { sha256 } from '../../scripts/pipeline/resolve-files.ts';
import { tempDir } from '../support/fixtures.ts';
import { sourceRefLocation } from '../../scripts/pipeline/source-ref-location.ts';

const layout: FileLayout = { name: 'f.csv', url: null, sha256: '', format: 'csv', header_row: 1, columns: ['a', 'b'] };

async function scan(text: string, chunk: number) {
  const path = join(tempDir('cto-scan-'), 'f.csv');
  writeFileSync(path, text);
  return { sha256: await scanFile(path, layout, chunk), header: await readHeader(path, layout) };
}

describe('scanFile and readHeader', () => {
  it('hashes the bytes and reads the header, at any chunk size', async () => {
    const text = '\ufeff"a",b\n1,2\n3,4\n';
    for (const chunk of [1, 2, 3, 7, 1 << 20]) {
      const s = await scan(text, chunk);
      expect(s.sha256).toBe(sha256(Buffer.from(text, 'utf8')));
      expect(s.header).toEqual(['a', 'b']);
    }
  });

  it('stops on a blank line among the records, LF or CRLF, wherever the chunks split it', async () => {
    for (const chunk of [1, 2, 3, 5, 1 << 20]) {
      await expect(scan('a,b\n1,2\n\n3,4\n', chunk)).rejects.toThrow('file f.csv, row 3: a blank line among the records');
      await expect(scan('a,b\r\n1,2\r\n3,4\r\n\r\n5,6\r\n', chunk)).rejects.toThrow('file f.csv, row 4: a blank line among the records');
    }
  });

  it('lets blank lines at the end pass: they are not records', async () => {
    for (const chunk of [1, 3, 1 << 20]) {
      await expect(scan('a,b\n1,2\n\n\n', chunk)).resolves.toMatchObject({ header: ['a', 'b'] });
      await expect(scan('a,b\r\n1,2\r\n\r\n', chunk)).resolves.toMatchObject({ header: ['a', 'b'] });
    }
  });
});

describe('CountedLedger', () => {
  const q = (row: number, reason = 'bad'): QuarantineEntry => ({ source: 'src', file: 'f.csv', sheet: null, row, column: 'a', value: 'x', reason });
  const ledger = () => new CountedLedger('src', 'f.csv', 2);

  it('closes when read = emitted + quarantined, quarantine in row order', () => {
    expect(ledger().close({ read: 5, emitted: 3 }, [q(6), q(2)])).toEqual({
      account: { source: 'src', file: 'f.csv', sheet: null, read: 5, emitted: 3, quarantined: 2 },
      quarantine: [q(2), q(6)],
    });
  });

  it('stops when the counts do not add up', () => {
    expect(() => ledger().close({ read: 5, emitted: 4 }, [q(2), q(3)])).toThrow('file f.csv: accounting does not add up: read 5, emitted 4, quarantined 2');
  });

  it('stops on a row quarantined twice, outside the data rows, or without a reason', () => {
    expect(() => ledger().close({ read: 5, emitted: 3 }, [q(3), q(3)])).toThrow('file f.csv, row 3, column a: normalizer bug: row quarantined twice');
    expect(() => ledger().close({ read: 5, emitted: 4 }, [q(7)])).toThrow('row 7, column a: normalizer bug: quarantined row outside the file\'s data rows 2–6');
    expect(() => ledger().close({ read: 5, emitted: 4 }, [q(1)])).toThrow('outside the file\'s data rows');
    expect(() => ledger().close({ read: 5, emitted: 4 }, [q(4, '')])).toThrow('normalizer bug: quarantined without a reason');
  });
});

describe('sourceRefLocation of an aggregate over several files', () => {
  it('names the first file and its first row', () => {
    expect(sourceRefLocation('trade_db_3.csv::5,9-12; trade_db_4.csv::2', 'year')).toEqual({ file: 'trade_db_3.csv', sheet: undefined, row: 5, column: 'year' });
  });
});
