/**
 * What a redraw may fetch, read off the built site (no browser): every redrawable chart names a series view file
 * that the release in dist/ holds, at the size the page says (its first read goes straight to that tail); the query
 * engine is reachable from the SQL workbench's page alone; and the published site carries no benchmark page (the
 * engine-first baseline is built only for `npm run bench`, into .tmp/bench-dist/).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUILT, title } from './support/suite.ts';
import { DIST, distRelease } from './support/server.ts';
import { htmlFiles } from '../support/link-check.ts';
import { releaseFiles } from '../support/release-files.ts';

const decode = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#34;', '"').replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'");

describe.skipIf(!BUILT)(title('what redraws read'), () => {
  it('every redrawable chart names its series view file in the release, with its true size', () => {
    const { dir } = distRelease();
    const pages = htmlFiles(DIST);
    let charts = 0;
    for (const page of pages) {
      for (const m of readFileSync(page, 'utf8').matchAll(/data-chart="([^"]*)"/g)) {
        const spec = JSON.parse(decode(m[1]!)) as { indicator: string; view: { path: string; bytes: number } };
        const where = `${relative(DIST, page)}: ${spec.indicator}`;
        expect(spec.view.path, where).toBe(`views/series/${spec.indicator}.parquet`);
        expect(statSync(join(dir, spec.view.path)).size, where).toBe(spec.view.bytes);
        charts++;
      }
    }
    // The six dashboards and every indicator page with totals have one.
    expect(charts).toBeGreaterThanOrEqual(6 + 80);
  });

  it('loads the query engine from the workbench page only, and carries no benchmark page', () => {
    const all = releaseFiles(DIST);
    // The scripts a page loads, and the chunks those import statically or dynamically, by file name.
    const chunk = (name: string) => readFileSync(join(DIST, '_astro', name), 'utf8');
    const imports = (code: string) => [...code.matchAll(/["'`](?:\.\/|\/_astro\/)([\w.-]+\.js)["'`]/g)].map((m) => m[1]!);
    const reaches = (start: string[]) => {
      const seen = new Set<string>();
      const todo = [...start];
      while (todo.length) {
        const f = todo.pop()!;
        if (seen.has(f)) continue;
        seen.add(f);
        todo.push(...imports(chunk(f)));
      }
      return [...seen];
    };
    const engineUsers = htmlFiles(DIST).filter((page) => {
      const scripts = [...readFileSync(page, 'utf8').matchAll(/<script[^>]+src="\/_astro\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
      return reaches(scripts).some((f) => /duckdb/i.test(f) || /duckdb-eh[\w.-]*\.wasm/.test(chunk(f)));
    });
    expect(engineUsers.map((p) => relative(DIST, p))).toEqual(['explore/index.html']);
    expect(all.filter((f) => f.startsWith('bench/'))).toEqual([]);
  });
});
