import { defineConfig } from 'astro/config';

// Static output only: every page and chart is rendered at build time from the data release.
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
});
