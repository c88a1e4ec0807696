/** File moves and hashes for publishing, streamed so a table of gigabytes is never read into memory. */
import { createReadStream, copyFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';

export async function hashFile(path: string): Promise<{ bytes: number; sha256: string }> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }) as AsyncIterable<Buffer>) h.update(chunk);
  return { bytes: statSync(path).size, sha256: h.digest('hex') };
}

/** A rename when both paths are on one file system (the usual case: the work folder is inside the staging folder). */
export function moveFile(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    copyFileSync(from, to);
    rmSync(from);
  }
}
