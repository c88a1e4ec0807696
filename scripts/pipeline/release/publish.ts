import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

export interface Pointer {
  version: string;
  /** Hash of everything the release was built from; `npm run build` skips the pipeline when it is unchanged. */
  inputs: string;
}

export const POINTER = 'current.json';

export function readPointer(outDir: string): Pointer | null {
  const p = join(outDir, POINTER);
  if (!existsSync(p)) return null;
  try {
    return JSON.parse(readFileSync(p, 'utf8')) as Pointer;
  } catch {
    return null;
  }
}

/** A fresh staging folder beside the releases, so the final move is a rename on one file system. */
export function stagingDir(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const dir = join(outDir, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir);
  return dir;
}

/** The version is a short hash of the released data bytes (file names and contents, in name order). */
export function versionOf(files: { name: string; sha256: string }[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.name < b.name ? -1 : 1))) h.update(`${f.name}\0${f.sha256}\n`);
  return h.digest('hex').slice(0, 12);
}

/**
 * Moves a complete staging folder into place as `<version>/`, then points `current.json` at it, then removes
 * leftover staging folders. Until the rename, readers see only the previous release. Older releases stay: a
 * permalink cites a version, and that version must still open (data/releases/ archives them for other clones).
 */
export function promote(outDir: string, staging: string, pointer: Pointer): void {
  const target = join(outDir, pointer.version);
  if (existsSync(target)) rmSync(staging, { recursive: true, force: true });
  else renameSync(staging, target);
  const tmp = join(outDir, `.${POINTER}.${process.pid}`);
  writeFileSync(tmp, JSON.stringify(pointer, null, 2) + '\n');
  renameSync(tmp, join(outDir, POINTER));
  for (const entry of readdirSync(outDir)) {
    if (entry.startsWith('.staging-')) rmSync(join(outDir, entry), { recursive: true, force: true });
  }
}

export function discard(staging: string): void {
  rmSync(staging, { recursive: true, force: true });
}
