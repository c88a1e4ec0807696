/**
 * Reads an uploaded CSV off the page's thread: the file streams through csv-stream.ts here, and only the parsed
 * columns (or the problem) go back. A Vite module worker, served from the site's origin (CSP `worker-src 'self'`).
 */
import { parseCsv, UploadFailure, type ParsedCsv, type UploadProblem } from '../../explore/csv-stream.ts';

export type CsvWorkerRequest = { file: File; limit: number };
export type CsvWorkerReply = { ok: true; parsed: ParsedCsv } | { ok: false; problem: UploadProblem };

const scope = self as unknown as { postMessage(m: CsvWorkerReply): void; addEventListener(type: 'message', fn: (ev: MessageEvent<CsvWorkerRequest>) => void): void };

async function* bytesOf(file: File): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

scope.addEventListener('message', (ev) => {
  const { file, limit } = ev.data;
  parseCsv(bytesOf(file), limit).then(
    (parsed) => scope.postMessage({ ok: true, parsed }),
    (e: unknown) => scope.postMessage({ ok: false, problem: e instanceof UploadFailure ? e.problem : { reason: 'unreadable', message: e instanceof Error ? e.message : String(e) } }),
  );
});
