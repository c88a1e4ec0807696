/**
 * Reading a release note (`observations.note`) for what it says about a series, not about one value. A note is a
 * list of clauses joined by "; " (the normalizers join them so). Three kinds:
 * - the publisher's source field: UNODC's `Source` column ("UNODC Source column: IAFQ/SOF"), which names the
 *   data collection the figure comes from; when it changes, the series changes source;
 * - clauses about one value only, written by the observatory as it read the file: its arithmetic ("computed by the
 *   observatory: 4 failed ÷ 30 tested", "derived: 15 / 22414773 × 100,000"), counts of what went into it ("1 of 5
 *   incidents have no EIA estimate", "confirmed 1, unconfirmed 0…"), the zero caveat of an export that does not tell
 *   0 from "not recorded", a name's published spelling, and which IAFQ table a total was filed under. They change
 *   from year to year by nature, so a change in them is not a break in the series (they are still shown);
 * - every other clause: the publisher's note or a caveat that holds for what the figure is ("partial year…",
 *   "Cumulative total for 2009 – September 2018…", "probably a UNODC estimate"). When these change, the series does.
 */

/** Clauses about one value only (see above), by how the normalizers begin them. */
const PER_VALUE: readonly RegExp[] = [
  /^computed by the observatory:/,
  /^derived:/,
  /^population from /,
  /^\d+ of \d+ (incidents|scale seizures) /,
  /^confirmed \d+, unconfirmed \d+/,
  // The second half of "1 of 9 scale seizures have no weight ('Y'); the value is the sum of the known weights": a floor.
  /^the value is the sum of the known weights$/,
  /^\d+ as reported: the export does not distinguish/,
  /^published label "/,
  /^published as "by location \/ Total"$/,
  /^attributed to the [a-z-]+ table because /,
  // A part-year figure's caveat: every chart over years already marks the period as partial (partial-periods.ts).
  /^partial year: /,
];

const SOURCE_FIELD = /^UNODC Source column(?:: (.*)|( empty))$/;

export interface NoteClauses {
  /** The publisher's source field ('' when the publisher left it empty); null when the note has none. */
  sourceField: string | null;
  /** The clauses that describe the series (the publisher's notes and lasting caveats), in the note's order. */
  lasting: string[];
}

export function noteClauses(note: string | null | undefined): NoteClauses {
  let sourceField: string | null = null;
  const lasting: string[] = [];
  for (const clause of (note ?? '').split('; ').map((c) => c.trim()).filter((c) => c !== '')) {
    const field = SOURCE_FIELD.exec(clause);
    if (field) sourceField = field[2] ? '' : field[1]!.trim();
    else if (!PER_VALUE.some((re) => re.test(clause))) lasting.push(clause);
  }
  return { sourceField, lasting };
}
