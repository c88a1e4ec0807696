/**
 * ETag and Last-Modified of a file on disk, and the request conditions judged against them (RFC 9110 §13).
 * The ETag is strong, from size and modification time (as nginx builds its own); each encoding of a file is its own
 * representation with its own ETag, so a cache never takes brotli bytes for the identity ones.
 */
import type { Stats } from 'node:fs';

export interface Validators {
  etag: string;
  lastModified: string;
  /** Modification time in whole seconds, as an HTTP date can say it. */
  mtimeSeconds: number;
}

export function validatorsOf(stat: Stats, encoding: string | null): Validators {
  const tag = `${Math.floor(stat.mtimeMs).toString(16)}-${stat.size.toString(16)}${encoding ? `-${encoding}` : ''}`;
  return { etag: `"${tag}"`, lastModified: stat.mtime.toUTCString(), mtimeSeconds: Math.floor(stat.mtimeMs / 1000) };
}

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** If-None-Match (weak comparison), else If-Modified-Since: true when the client's copy is current. */
export function notModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, v: Validators): boolean {
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => opaque(t) === opaque(v.etag));
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return Number.isFinite(since) && v.mtimeSeconds <= Math.floor(since / 1000);
  }
  return false;
}

/** If-Range: the range is served only when the client's validator still names these bytes (strong comparison). */
export function rangeStillValid(ifRange: string | undefined, v: Validators): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === v.etag;
  const date = Date.parse(value);
  return Number.isFinite(date) && Math.floor(date / 1000) === v.mtimeSeconds;
}
