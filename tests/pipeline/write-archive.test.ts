/**
 * The zip writer on an entry past the large-entry size (deflated at level 1, in 4 MB chunks deflated apart and
 * joined): unzip reads it back byte for byte and its CRC holds, and the entry records deflate level 1 in its flags (zip general-purpose bits 1–2 = 11: "super fast"), while a small
 * entry keeps level 6 ("normal", bits 00) — so the size rule, not chance, chose the level.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { deflaterFor, writeArchive, type ArchiveEntry } from '../../scripts/pipeline/release/write-archive.ts';
import { tempDir } from '../support/fixtures.ts';

const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('release zip: entry size and deflate level', () => {
  it('deflates a file over 64 MiB at level 1 in chunks and a small one at level 6 in one stream, and unzip gives both back', async () => {
    const dir = tempDir('cto-zip-large-');
    // 65 MiB of CSV-like lines: just over the 64 MiB threshold.
    const line = Buffer.from('KEN,2019,tip_victims_detected,283,unodc-glotip,GLOTIP.xlsx:data:4512\r\n');
    const big = Buffer.alloc(65 * 2 ** 20);
    for (let o = 0; o < big.length; o += line.length) line.copy(big, o);
    writeFileSync(join(dir, 'big.csv'), big);
    const entries: ArchiveEntry[] = [
      { name: 'big.csv', from: { file: join(dir, 'big.csv') }, sha256: hash(big) },
      { name: 'README.txt', from: { text: 'small\r\n' }, sha256: hash(Buffer.from('small\r\n')) },
    ];
    expect(entries.map(deflaterFor)).toEqual([{ level: 1, chunked: true }, { level: 6, chunked: false }]);
    expect(deflaterFor({ name: 'x.parquet', from: { text: '' }, sha256: '' })).toEqual({ level: 0 });

    const zip = join(dir, 'a.zip');
    await writeArchive(zip, entries);
    expect(hash(execFileSync('unzip', ['-p', zip, 'big.csv'], { maxBuffer: 2 ** 28 }))).toBe(hash(big));
    expect(execFileSync('unzip', ['-p', zip, 'README.txt'], { encoding: 'utf8' })).toBe('small\r\n');
    // `zipinfo -v` names the compression sub-type from the entry's flags.
    const info = execFileSync('zipinfo', ['-v', zip], { encoding: 'utf8', maxBuffer: 2 ** 24 });
    const levels = [...info.matchAll(/compression sub-type \(deflation\):\s+(\w+)/g)].map((m) => m[1]);
    expect(levels).toEqual(['normal', 'superfast']); // README.txt first: entries sorted by name
    expect(readFileSync(zip).length).toBeLessThan(big.length / 10);
  });

  it('stores a Parquet entry of several read chunks byte for byte, each chunk its own bytes', async () => {
    // 10 MiB + 5 bytes, every 4 MiB chunk different (a counter in every byte), so a chunk written twice or a
    // buffer overwritten before it reached the file changes the entry.
    const dir = tempDir('cto-zip-stored-');
    const data = Buffer.alloc(10 * 2 ** 20 + 5);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7 + (i >> 22)) & 0xff;
    writeFileSync(join(dir, 't.parquet'), data);
    const zip = join(dir, 's.zip');
    await writeArchive(zip, [{ name: 't.parquet', from: { file: join(dir, 't.parquet') }, sha256: hash(data) }]);
    expect(hash(execFileSync('unzip', ['-p', zip, 't.parquet'], { maxBuffer: 2 ** 26 }))).toBe(hash(data));
    expect(execFileSync('zipinfo', ['-v', zip], { encoding: 'utf8' })).toMatch(/compression method:\s+none \(stored\)/);
  });
});
