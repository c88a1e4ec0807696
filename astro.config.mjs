import { defineConfig } from 'astro/config';

// Static output only: every page and chart is rendered at build time from the data release.
export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Never inline scripts or assets: the CSP allows scripts from the site's own files only ('self'), not inline code.
  vite: { build: { assetsInlineLimit: 0 } },
});
