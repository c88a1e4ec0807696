/** Text as a string literal of each example language. Names come from the release, but a quote must not end a string. */

export function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A JSON string is a valid Python and R string literal (same escapes, `\uXXXX` included). */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

export const rString = pyString;

/** Lines of an example, leaving out the parts that do not apply. */
export function lines(...parts: (string | null | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}
