import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveFile, sha256 } from '../../scripts/pipeline/resolve-files.ts';
import type { SourceManifest } from '../../scripts/pipeline/manifest.ts';
import { tempDir } from '../support/fixtures.ts';

const bytes = Buffer.from('code,year,seized\nKEN,2020,1\n');
const manifest = (sha: string, url: string | null): SourceManifest => ({
  id: 'toy', domain: 'firearms', feeds: [], core: false, title: 't', publisher: 'p', release_date: '2024-01-01', url: 'u', licence: 'l', redistribution: { status: 'allowed', reason: 'l' },
  citation: 'c', caveats: [], files: [{ name: 'toy.csv', url, sha256: sha, format: 'csv', header_row: 1, columns: ['code', 'year', 'seized'] }],
});

describe('resolveFile', () => {
  it('downloads a file the mirror lacks, verifies it and keeps it for the next run', async () => {
    const dir = tempDir();
    const m = manifest(sha256(bytes), 'https://publisher.example/toy.csv');
    let calls = 0;
    const download = async (url: string) => {
      calls++;
      expect(url).toBe('https://publisher.example/toy.csv');
      return bytes;
    };
    const opts = { sourcesDir: join(dir, 'mirror'), downloadDir: join(dir, 'raw'), download };
    const f = await resolveFile(opts, m, m.files[0]!);
    expect(f.path).toBe(join(dir, 'raw', 'toy', 'toy.csv'));
    expect(readFileSync(f.path).equals(bytes)).toBe(true);
    await resolveFile(opts, m, m.files[0]!);
    expect(calls).toBe(1);
  });

  it('refuses a download whose checksum differs and keeps nothing', async () => {
    const dir = tempDir();
    const m = manifest('a'.repeat(64), 'https://publisher.example/toy.csv');
    const opts = { sourcesDir: join(dir, 'mirror'), downloadDir: join(dir, 'raw'), download: async () => bytes };
    await expect(resolveFile(opts, m, m.files[0]!)).rejects.toThrow(`file https://publisher.example/toy.csv: checksum mismatch: manifest says sha256 ${'a'.repeat(64)}, download has ${sha256(bytes)}`);
    expect(existsSync(join(dir, 'raw', 'toy', 'toy.csv'))).toBe(false);
  });

  it('names the file when the download fails', async () => {
    const dir = tempDir();
    const m = manifest(sha256(bytes), 'https://publisher.example/toy.csv');
    const opts = { sourcesDir: join(dir, 'mirror'), downloadDir: join(dir, 'raw'), download: async () => { throw new Error('offline'); } };
    await expect(resolveFile(opts, m, m.files[0]!)).rejects.toThrow(/firearms\/toy\/toy\.csv: file missing from the mirror and download from https:\/\/publisher\.example\/toy\.csv failed: offline/);
  });
});
