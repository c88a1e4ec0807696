/**
 * Which of the encodings on offer an `Accept-Encoding` header accepts, taking the server's order of preference among
 * those the client gives a non-zero weight (RFC 9110 §12.5.3): `br;q=0` refuses brotli, `*` stands for any encoding
 * not named. Null means send the identity bytes.
 */
import type { Encoding } from './encodings.ts';

function weights(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of header.split(',')) {
    const [token, ...params] = item.split(';').map((s) => s.trim().toLowerCase());
    if (!token) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    out.set(token, Number.isFinite(weight) ? weight : 0);
  }
  return out;
}

export function chooseEncoding(header: string | undefined, offered: readonly Encoding[]): Encoding | null {
  if (!header) return null;
  const w = weights(header);
  const any = w.get('*');
  for (const encoding of offered) {
    const q = w.get(encoding) ?? (encoding === 'gzip' ? w.get('x-gzip') : undefined) ?? any ?? 0;
    if (q > 0) return encoding;
  }
  return null;
}
