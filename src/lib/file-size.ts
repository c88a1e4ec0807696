import type { Locale } from '../charts/types.ts';

/** A download's size as people read it: kB below a megabyte, MB above (decimal units, as file managers show). */
export function fileSize(bytes: number, locale: Locale): string {
  return bytes < 1e6 ? `${locale.number(Math.max(1, Math.round(bytes / 1e3)), 0)} kB` : `${locale.number(bytes / 1e6, 1)} MB`;
}
