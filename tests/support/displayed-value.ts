/**
 * What a displayed value says, read from its text as a reader would: a number as rounded for display ("10,070",
 * "0.28"), a suppressed count with its mark ("suppressed (<5)"), or no data. And whether it shows a value read from
 * a publisher's file: equal to it as far as the digits shown go, so that the test does not format numbers with the
 * code it checks.
 */

export type Displayed =
  | { kind: 'number'; value: number; decimals: number }
  | { kind: 'censored'; mark: string }
  | { kind: 'missing' };

/** A value as the publisher gives it: a number, or a suppressed cell such as '<5'. */
export type RawValue = number | { censored: string };

const NUMBER = /^[-−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|^[-−]?\d+(?:\.\d+)?/;

export function readDisplayed(text: string): Displayed {
  const t = text.trim();
  if (t === '' || /^(no data|—|–)$/i.test(t)) return { kind: 'missing' };
  const suppressed = /suppressed\s*\(([^)]*)\)/i.exec(t);
  if (suppressed) return { kind: 'censored', mark: suppressed[1]!.trim() };
  const m = NUMBER.exec(t);
  if (!m) throw new Error(`not a displayed value: "${text}"`);
  const digits = m[0].replace(/,/g, '').replace('−', '-');
  return { kind: 'number', value: Number(digits), decimals: digits.split('.')[1]?.length ?? 0 };
}

/** True when `text` shows `raw`: the same number to the digits shown, or the same suppression mark. */
export function shows(text: string, raw: RawValue): boolean {
  const d = readDisplayed(text);
  if (typeof raw !== 'number') return d.kind === 'censored' && d.mark === raw.censored;
  if (d.kind !== 'number') return false;
  return Math.abs(d.value - raw) <= 0.5 * 10 ** -d.decimals + 1e-9;
}

/** Every number written in a text, as written ("Libya: 2,827 in 2014" → "2,827", "2014"). */
export function numberWords(text: string): string[] {
  return text.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? [];
}

/** Every number written in a text, as a number ("Libya: 2,827 in 2014" → 2827, 2014). */
export function numbersIn(text: string): number[] {
  return numberWords(text).map((w) => Number(w.replace(/,/g, '')));
}

/**
 * The sentence of a description about `subject`: from its name to the end of that sentence ("Libya: 2,827 in 2014,
 * 708 in 2024."). A period inside a number does not end it.
 */
export function sentenceAbout(description: string, subject: string): string {
  const start = description.indexOf(subject);
  if (start < 0) throw new Error(`the description does not name "${subject}": ${description}`);
  const rest = description.slice(start + subject.length);
  const end = rest.search(/\.(?!\d)/);
  return subject + (end < 0 ? rest : rest.slice(0, end));
}

/** "value in year" pairs of a line-chart sentence ("2,827 in 2014, 708 in 2024" → [[2827, 2014], [708, 2024]]). */
export function valuesByYear(sentence: string): [string, number][] {
  return [...sentence.matchAll(/(suppressed \([^)]*\)|[-−]?[\d,]*\d(?:\.\d+)?) in (\d{4})/g)].map((m) => [m[1]!, Number(m[2])]);
}

/**
 * The phrase of a description about `subject`: from its name to the next comma or period that ends a list item
 * ("Libya (2024) (708), and …" → "Libya (2024) (708)"). The comma inside "2,827" does not end it.
 */
export function phraseAbout(description: string, subject: string): string {
  const sentence = sentenceAbout(description, subject);
  const rest = sentence.slice(subject.length);
  const end = rest.search(/,(?!\d)/);
  return subject + (end < 0 ? rest : rest.slice(0, end));
}
