/**
 * The data pages' download links, read from the built site on disk as a host serves it: every link into the release
 * names a file whose sha256 equals the catalog's, and the size and sha256 printed beside it are that file's.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './support/server.ts';
import { BUILT, title } from './support/suite.ts';
import { sha256 } from '../support/downloads-check.ts';

const PAGES = ['data/index.html', 'downloads/index.html'];
/** A release link and what follows it up to the next link: the size and sha256 printed beside it. */
const LINK = /<a href="\/data\/([0-9a-f]{12})\/([^"]+)"[^>]*>[\s\S]*?<\/a>([\s\S]*?)(?=<a |$)/g;

describe.skipIf(!BUILT)(title('download links of the data pages'), () => {
  it('every link into the release resolves to a file whose sha256 is the catalog\'s and is printed beside it', () => {
    const pointer = JSON.parse(readFileSync(join(DIST, 'data', 'current.json'), 'utf8'));
    const catalog = JSON.parse(readFileSync(join(DIST, 'data', pointer.version, 'catalog.json'), 'utf8'));
    const listed = new Map<string, { bytes: number; sha256: string }>(catalog.files.map((f: { name: string; bytes: number; sha256: string }) => [f.name, f]));
    const seen = new Set<string>();
    for (const page of PAGES) {
      const html = readFileSync(join(DIST, page), 'utf8');
      for (const [, version, path, beside] of html.matchAll(LINK)) {
        expect(version, `${page}: ${path}`).toBe(pointer.version);
        const bytes = readFileSync(join(DIST, 'data', version!, path!));
        seen.add(path!);
        // catalog.json describes the rest; it cannot list its own hash.
        if (path === 'catalog.json') continue;
        expect(listed.get(path!), `${page}: ${path} is not in the catalog`).toEqual(expect.objectContaining({ bytes: bytes.length, sha256: sha256(bytes) }));
        expect(beside, `${page}: ${path} has no sha256 beside it`).toContain(sha256(bytes));
      }
    }
    const csvs = [...seen].filter((p) => p.endsWith('.csv'));
    console.info(`data pages: ${seen.size} release files linked, ${csvs.length} of them CSV`);
    // Every indicator twice (long, wide), every offered table, and the archive.
    expect(csvs.length).toBe(2 * catalog.indicators.filter((i: { downloads: unknown }) => i.downloads).length + catalog.datasets.filter((d: { csv: unknown }) => d.csv).length);
    expect(seen).toContain(catalog.archive.path);
  });
});
