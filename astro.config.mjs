import { defineConfig } from 'astro/config';

/**
 * `BENCH_BASELINE=1` builds the benchmark's variant of the site into .tmp/bench-dist/: the same pages plus the
 * engine-first baseline page (src/bench/conventional.astro) that `npm run bench` compares against. The published site
 * (dist/) never has it.
 */
const benchBaseline = process.env.BENCH_BASELINE === '1';

const baselinePage = {
  name: 'bench-baseline',
  hooks: {
    'astro:config:setup': ({ injectRoute }) => injectRoute({ pattern: '/bench/conventional', entrypoint: './src/bench/conventional.astro' }),
  },
};

// Static output only: every page and chart is rendered at build time from the data release.
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  // The stylesheet (≈1 KB compressed) goes in each page's head: a first view needs no second round trip before it
  // can render. The CSP allows inline styles; scripts stay in files.
  build: { format: 'directory', inlineStylesheets: 'always' },
  outDir: benchBaseline ? '.tmp/bench-dist' : 'dist',
  integrations: benchBaseline ? [baselinePage] : [],
  // Never inline scripts or assets: the CSP allows scripts from the site's own files only ('self'), not inline code.
  vite: { build: { assetsInlineLimit: 0 } },
});
