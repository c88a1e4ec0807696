import { join, resolve } from 'node:path';

export const PROJECT_DIR = resolve(import.meta.dirname, '..', '..');

/** The mirror of publishers' files: SOURCES_DIR, or ../shared/sources beside the project. */
export function sourcesDir(): string {
  return resolve(process.env['SOURCES_DIR'] ?? join(PROJECT_DIR, '..', 'shared', 'sources'));
}

export function releaseDir(): string {
  return resolve(process.env['RELEASE_DIR'] ?? join(PROJECT_DIR, 'public', 'data'));
}

export function downloadDir(): string {
  return join(PROJECT_DIR, 'data', 'raw');
}

/** The built site: `DIST_DIR`, default dist/. */
export function distDir(): string {
  return resolve(process.env['DIST_DIR'] ?? join(PROJECT_DIR, 'dist'));
}

/** Where precompressed outputs are kept by content hash between builds. */
export function precompressCacheDir(): string {
  return join(PROJECT_DIR, '.tmp', 'precompress');
}

/** The committed archive of published releases: `ARCHIVE_DIR`, default data/releases/. */
export function archiveDir(): string {
  return resolve(process.env['ARCHIVE_DIR'] ?? join(PROJECT_DIR, 'data', 'releases'));
}
