import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileLayout, SourceManifest } from './manifest.ts';
import { PipelineError } from './errors.ts';

export interface ResolvedFile {
  layout: FileLayout;
  sourceId: string;
  /** The source's release_date: nothing in the file can be dated later. */
  published: string;
  path: string;
  bytes: Buffer;
  sha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ResolveOptions {
  /** The mirror, laid out as `<domain>/<source-id>/<file>`. */
  sourcesDir: string;
  /** Where downloaded files are kept when the mirror lacks them. */
  downloadDir: string;
  /** Injected so tests never touch the network. */
  download?: (url: string) => Promise<Uint8Array>;
}

async function defaultDownload(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function mirrorPath(opts: ResolveOptions, m: SourceManifest, f: FileLayout): string {
  return join(opts.sourcesDir, m.domain, m.id, f.name);
}

/** The mirror's file as it is now, whatever its checksum: what a maintainer is about to accept. */
export function mirrorFile(opts: ResolveOptions, m: SourceManifest, f: FileLayout): ResolvedFile {
  const path = mirrorPath(opts, m, f);
  if (!existsSync(path)) throw new PipelineError({ file: path }, 'file missing from the mirror: nothing to accept');
  const bytes = readFileSync(path);
  return { layout: f, sourceId: m.id, published: m.release_date, path, bytes, sha256: sha256(bytes) };
}

/**
 * Where the file is: the mirror, or a download kept from an earlier run, or a download now (checked against the
 * manifest's sha256 before it is kept).
 */
export async function locateFile(opts: ResolveOptions, m: SourceManifest, f: FileLayout): Promise<string> {
  const inMirror = mirrorPath(opts, m, f);
  const cached = join(opts.downloadDir, m.id, f.name);
  if (existsSync(inMirror)) return inMirror;
  if (existsSync(cached)) return cached;
  if (!f.url) throw new PipelineError({ file: inMirror }, 'file missing from the mirror and the manifest gives no URL to download it');
  const fetcher = opts.download ?? defaultDownload;
  let bytes: Uint8Array;
  try {
    bytes = await fetcher(f.url);
  } catch (e) {
    throw new PipelineError({ file: inMirror }, `file missing from the mirror and download from ${f.url} failed: ${(e as Error).message}`);
  }
  const got = sha256(bytes);
  if (got !== f.sha256) {
    throw new PipelineError({ file: f.url }, `checksum mismatch: manifest says sha256 ${f.sha256}, download has ${got}`);
  }
  mkdirSync(dirname(cached), { recursive: true });
  writeFileSync(cached, bytes);
  return cached;
}

export function checksumMismatch(path: string, f: FileLayout, got: string): PipelineError {
  return new PipelineError({ file: path }, `checksum mismatch: manifest says sha256 ${f.sha256}, file has ${got}`);
}

/** Take the file from the mirror, or download it once; either way its sha256 must match the manifest. */
export async function resolveFile(opts: ResolveOptions, m: SourceManifest, f: FileLayout): Promise<ResolvedFile> {
  const path = await locateFile(opts, m, f);
  const bytes = readFileSync(path);
  const got = sha256(bytes);
  if (got !== f.sha256) throw checksumMismatch(path, f, got);
  return { layout: f, sourceId: m.id, published: m.release_date, path, bytes, sha256: got };
}

export async function resolveSource(opts: ResolveOptions, m: SourceManifest): Promise<Map<string, ResolvedFile>> {
  const out = new Map<string, ResolvedFile>();
  for (const f of m.files) out.set(f.name, await resolveFile(opts, m, f));
  return out;
}
