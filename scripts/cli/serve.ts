/**
 * `npm run serve [-- --port N] [-- <dir>]`: the built site (default `DIST_DIR` or dist/) on http://127.0.0.1:PORT
 * (default 4321; `PORT` or `--port`; `HOST` to listen elsewhere), served as a production static host would serve it:
 * precompressed twins, Range requests, 304s, the 404 page, and the headers of the site's `_headers` file
 * (scripts/hosting/site-handler.ts). `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { distDir } from './options.ts';
import { loadHeaderRules, siteHandler } from '../hosting/site-handler.ts';

const { values, positionals } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' } }, allowPositionals: true });
const root = resolve(positionals[0] ?? distDir());
const port = Number(values.port ?? process.env['PORT'] ?? 4321);
const host = values.host ?? process.env['HOST'] ?? '127.0.0.1';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: "${values.port ?? process.env['PORT']}" is not a port number`);
  process.exit(1);
}
if (!existsSync(join(root, 'index.html'))) {
  console.error(`serve: no site at ${root} (no index.html) — run \`npm run build\` first`);
  process.exit(1);
}
const rules = loadHeaderRules(root);
if (rules.length === 0) console.warn(`serve: ${join(root, '_headers')} is missing or empty — no security or caching headers will be sent`);

const server = createServer(siteHandler(root, rules));
server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`serving ${root} at http://${host}:${actual}/ (${rules.length} header rules from _headers; Ctrl-C stops)`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
  });
}
